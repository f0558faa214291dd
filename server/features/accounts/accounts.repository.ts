import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

const columns = [
  'id',
  'username',
  'display_name',
  'email',
  'phone',
  'is_admin',
  'locale',
  'must_change_password',
  'disabled_at',
  'last_login_at',
  'created_at',
  'version',
  'person_id',
] as const;

/** Folds diacritics and đ for search ("nguyen van an" finds "Nguyễn Văn An"). */
const fold = (expr: ReturnType<typeof sql>) => sql`lower(translate(unaccent(${expr}), 'đĐ', 'dD'))`;

export async function list(q: Q, opts: { q?: string; offset: number; limit: number }) {
  let query = q.selectFrom('accounts').where('deleted_at', 'is', null);
  if (opts.q && opts.q.trim()) {
    const needle =
      '%' +
      opts.q
        .normalize('NFC')
        .trim()
        .replace(/[\\%_]/g, (c) => '\\' + c) +
      '%';
    query = query.where(
      sql<boolean>`${fold(sql`coalesce(username, '') || ' ' || coalesce(display_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')`)} like ${fold(sql`${needle}::text`)}`,
    );
  }
  const [items, total] = await Promise.all([
    query
      .select(columns)
      .orderBy(sql`lower(display_name) collate "C"`)
      .orderBy('id')
      .offset(opts.offset)
      .limit(opts.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findById(q: Q, id: string) {
  return q
    .selectFrom('accounts')
    .select(columns)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insert(
  q: Q,
  v: {
    username: string;
    displayName: string;
    email: string | null;
    phone: string | null;
    passwordHash: string;
    isAdmin: boolean;
    mustChangePassword: boolean;
  },
) {
  return q
    .insertInto('accounts')
    .values({
      username: v.username,
      display_name: v.displayName,
      email: v.email,
      phone: v.phone,
      password_hash: v.passwordHash,
      is_admin: v.isAdmin,
      must_change_password: v.mustChangePassword,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/** Updates only when `version` is the one read; returns undefined when stale (→ 409). */
export async function update(
  q: Q,
  id: string,
  version: number,
  set: Partial<{
    display_name: string;
    email: string | null;
    phone: string | null;
    is_admin: boolean;
    disabled_at: Date | null;
    password_hash: string;
    must_change_password: boolean;
    person_id: string | null;
  }>,
  now: Date,
) {
  return q
    .updateTable('accounts')
    .set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();
}

export async function countActiveAdmins(q: Q, exceptId?: string) {
  let query = q
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_admin', '=', true)
    .where('disabled_at', 'is', null)
    .where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function countAll(q: Q) {
  return Number(
    (
      await q
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Links a new account to its person. */
export async function linkPerson(q: Q, id: string, personId: string) {
  return q
    .updateTable('accounts')
    .set({ person_id: personId })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function livePersonExists(q: Q, personId: string) {
  return q
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
