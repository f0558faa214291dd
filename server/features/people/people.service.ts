import { today } from '../../clock.ts';
import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inTransaction, recordEvent, type Actor } from '../../db/tx.ts';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { Identity } from '../auth/index.ts';
import { fold } from '../../i18n/names.ts';
import { fileUrl, storeFile } from '../files/index.ts';
import { sniffImage } from '../../storage/file-store.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type Q = Database | Trx;

const inForce = (asOf: string) => sql<SqlBool>`((ps.valid_from is null or ps.valid_from <= ${asOf}::date) and (ps.valid_to is null or ${asOf}::date < ps.valid_to))`;

function positionsQuery(q: Q) {
  return q
    .selectFrom('positions as ps')
    .innerJoin('people as pe', 'pe.id', 'ps.person_id')
    .innerJoin('bodies as b', 'b.id', 'ps.body_id')
    .leftJoin('unit_versions as uv', (j) =>
      j.onRef('uv.unit_id', '=', 'b.unit_id').on('uv.deleted_at', 'is', null).on(sql<SqlBool>`(uv.valid_from is null or uv.valid_from <= coalesce(ps.valid_from, b.valid_from, '2024-01-01'::date)) and (uv.valid_to is null or coalesce(ps.valid_from, b.valid_from, '2024-01-01'::date) < uv.valid_to)`),
    )
    .select(['ps.id', 'ps.person_id', 'pe.full_name', 'ps.body_id', 'b.name as body_name', 'uv.name as unit_name', 'ps.title', 'ps.valid_from', 'ps.valid_to', 'ps.acting', 'ps.concurrent', 'ps.version'])
    .where('ps.deleted_at', 'is', null);
}
type PositionRow = Awaited<ReturnType<ReturnType<typeof positionsQuery>['execute']>>[number];

function presentPosition(r: PositionRow) {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.full_name,
    bodyId: r.body_id,
    bodyName: r.body_name,
    unitName: r.unit_name,
    title: r.title,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    acting: r.acting,
    concurrent: r.concurrent,
    version: r.version,
  };
}

async function present(q: Q, rows: { id: string; full_name: string; gender: 'male' | 'female' | null; version: number; deleted_at: Date | null; photo_file_id: string | null }[], asOf: string) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const positions = await positionsQuery(q).where('ps.person_id', 'in', ids).where(inForce(asOf)).orderBy('ps.concurrent').orderBy('ps.valid_from').execute();
  const accounts = await q.selectFrom('accounts').select('person_id').where('person_id', 'in', ids).where('deleted_at', 'is', null).execute();
  const withAccount = new Set(accounts.map((a) => a.person_id));
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    gender: r.gender,
    positions: positions.filter((p) => p.person_id === r.id).map(presentPosition),
    hasAccount: withAccount.has(r.id),
    photoUrl: fileUrl(r.photo_file_id),
    version: r.version,
    deleted: r.deleted_at !== null,
  }));
}

export async function listPeople(ctx: Ctx, query: { q?: string; body?: string; asOf?: string; page: number; pageSize: number }) {
  const asOf = query.asOf ?? today(ctx);
  let q = ctx.db.selectFrom('people as pe').where('pe.deleted_at', 'is', null);
  if (query.q) q = q.where(sql<SqlBool>`lower(translate(unaccent(pe.full_name), 'đĐ', 'dD')) like ${'%' + fold(query.q).replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  if (query.body) q = q.where((eb) => eb.exists(eb.selectFrom('positions as ps').select(sql`1`.as('one')).whereRef('ps.person_id', '=', 'pe.id').where('ps.body_id', '=', query.body!).where('ps.deleted_at', 'is', null).where(inForce(asOf))));
  const [rows, total] = await Promise.all([
    q.select(['pe.id', 'pe.full_name', 'pe.gender', 'pe.version', 'pe.deleted_at', 'pe.photo_file_id']).orderBy(sql`pe.full_name collate "vi-x-icu"`).offset((query.page - 1) * query.pageSize).limit(query.pageSize).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(ctx.db, rows, asOf), total: Number(total.n) };
}

/** Personal data is shown to administrators and to the person themself; each such view is logged. */
export async function personDetail(ctx: Ctx, identity: Identity, actor: Actor, id: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(ctx);
  const row = await ctx.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const account = await ctx.db.selectFrom('accounts').select(['id', 'username', 'disabled_at']).where('person_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  const self = await ctx.db.selectFrom('accounts').select('person_id').where('id', '=', identity.me.id).executeTakeFirst();
  const mayReveal = identity.me.isAdmin || self?.person_id === id;
  if (mayReveal) await recordEvent(ctx.db, actor, 'view_personal', { table: 'people', id });
  const history = await positionsQuery(ctx.db).where('ps.person_id', '=', id).orderBy(sql`ps.valid_from desc nulls last`).execute();
  return {
    person: (await present(ctx.db, [row], asOf))[0]!,
    personal: mayReveal ? { birthDate: row.birth_date, phone: row.phone, email: row.email, address: row.address, notes: row.notes } : null,
    history: history.map(presentPosition),
    account: account ? { id: account.id, username: account.username, disabled: account.disabled_at !== null } : null,
  };
}

type PersonInput = { fullName?: string; gender?: 'male' | 'female' | null; birthDate?: string | null; phone?: string | null; email?: string | null; address?: string | null; notes?: string | null };
const columnsOf = (i: PersonInput) => ({
  ...(i.fullName !== undefined ? { full_name: i.fullName } : {}),
  ...(i.gender !== undefined ? { gender: i.gender } : {}),
  ...(i.birthDate !== undefined ? { birth_date: i.birthDate } : {}),
  ...(i.phone !== undefined ? { phone: i.phone } : {}),
  ...(i.email !== undefined ? { email: i.email } : {}),
  ...(i.address !== undefined ? { address: i.address } : {}),
  ...(i.notes !== undefined ? { notes: i.notes } : {}),
});

export async function createPerson(ctx: Ctx, actor: Actor, input: PersonInput & { fullName: string }) {
  return inTransaction(ctx.db, actor, async (trx) => {
    const row = await trx.insertInto('people').values({ full_name: input.fullName, ...columnsOf(input) }).returningAll().executeTakeFirstOrThrow();
    return (await present(trx, [row], today(ctx)))[0]!;
  });
}

export async function updatePerson(ctx: Ctx, actor: Actor, id: string, input: PersonInput & { version: number }) {
  return inTransaction(ctx.db, actor, async (trx) => {
    const row = await trx
      .updateTable('people')
      .set((eb) => ({ ...columnsOf(input), updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError((await trx.selectFrom('people').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) ? 'CONFLICT' : 'NOT_FOUND');
    return (await present(trx, [row], today(ctx)))[0]!;
  });
}

export async function setPersonDeleted(ctx: Ctx, actor: Actor, id: string, version: number, deleted: boolean) {
  return inTransaction(ctx.db, actor, async (trx) => {
    const row = await trx
      .updateTable('people')
      .set((eb) => ({ deleted_at: deleted ? new Date() : null, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .where('deleted_at', deleted ? 'is' : 'is not', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError((await trx.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()) ? 'CONFLICT' : 'NOT_FOUND');
    return (await present(trx, [row], today(ctx)))[0]!;
  });
}

async function checkPositionDates(trx: Trx, bodyId: string, from: string | null | undefined, to: string | null | undefined) {
  if (from && to && from >= to) throw invalid('validTo', 'validation.endBeforeStart');
  const body = await trx.selectFrom('bodies').select(['valid_from', 'valid_to', 'deleted_at']).where('id', '=', bodyId).executeTakeFirst();
  if (!body || body.deleted_at) throw referenceRefused('bodyId');
  if (body.valid_to && from && from >= body.valid_to) throw invalid('validFrom', 'validation.bodyEnded');
}

export async function addPosition(ctx: Ctx, actor: Actor, personId: string, input: { bodyId: string; title: string; validFrom?: string | null; validTo?: string | null; acting: boolean; concurrent: boolean }) {
  return inTransaction(ctx.db, actor, async (trx) => {
    const person = await trx.selectFrom('people').select('id').where('id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!person) throw new AppError('NOT_FOUND');
    await checkPositionDates(trx, input.bodyId, input.validFrom, input.validTo);
    const row = await trx
      .insertInto('positions')
      .values({ person_id: personId, body_id: input.bodyId, title: input.title, valid_from: input.validFrom ?? null, valid_to: input.validTo ?? null, acting: input.acting, concurrent: input.concurrent })
      .returning('id')
      .executeTakeFirstOrThrow();
    return presentPosition((await positionsQuery(trx).where('ps.id', '=', row.id).executeTakeFirstOrThrow()));
  });
}

export async function updatePosition(ctx: Ctx, actor: Actor, id: string, input: { version: number; title?: string; validFrom?: string | null; validTo?: string | null; acting?: boolean; concurrent?: boolean }) {
  return inTransaction(ctx.db, actor, async (trx) => {
    const cur = await trx.selectFrom('positions').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
    if (!cur) throw new AppError('NOT_FOUND');
    if (cur.version !== input.version) throw new AppError('CONFLICT');
    await checkPositionDates(trx, cur.body_id, input.validFrom !== undefined ? input.validFrom : cur.valid_from, input.validTo !== undefined ? input.validTo : cur.valid_to);
    await trx
      .updateTable('positions')
      .set((eb) => ({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
        ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
        ...(input.acting !== undefined ? { acting: input.acting } : {}),
        ...(input.concurrent !== undefined ? { concurrent: input.concurrent } : {}),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    return presentPosition(await positionsQuery(trx).where('ps.id', '=', id).executeTakeFirstOrThrow());
  });
}

export async function deletePosition(ctx: Ctx, actor: Actor, id: string, version: number) {
  await inTransaction(ctx.db, actor, async (trx) => {
    const r = await trx.updateTable('positions').set((eb) => ({ deleted_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version).where('deleted_at', 'is', null).returning('id').executeTakeFirst();
    if (!r) throw new AppError((await trx.selectFrom('positions').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) ? 'CONFLICT' : 'NOT_FOUND');
  });
}

/** Who holds positions in a body on a date (for the body's card). */
export async function positionsOfBody(ctx: Ctx, bodyId: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(ctx);
  return (await positionsQuery(ctx.db).where('ps.body_id', '=', bodyId).where(inForce(asOf)).orderBy('ps.concurrent').orderBy('ps.title').execute()).map(presentPosition);
}

/** A person's photo: administrators and the person themself may set it; JPEG, PNG or WebP by content, ≤ 2 MB. */
export async function setPhoto(ctx: Ctx & Pick<AppContext, 'files'>, identity: Identity, actor: Actor, personId: string, upload: { data: Buffer; filename: string } | null) {
  const self = await ctx.db.selectFrom('accounts').select('person_id').where('id', '=', identity.me.id).executeTakeFirst();
  if (!identity.me.isAdmin && self?.person_id !== personId) throw new AppError('FORBIDDEN');
  const type = upload ? sniffImage(upload.data) : null;
  if (upload && !type) throw invalid('file', 'validation.photoType');
  return inTransaction(ctx.db, actor, async (trx) => {
    const person = await trx.selectFrom('people').select(['id', 'photo_file_id']).where('id', '=', personId).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
    if (!person) throw new AppError('NOT_FOUND');
    const stored = upload ? await storeFile(ctx, trx, { data: upload.data, filename: upload.filename, contentType: type!, createdBy: identity.me.id }) : null;
    if (person.photo_file_id) await trx.updateTable('files').set({ deleted_at: new Date() }).where('id', '=', person.photo_file_id).execute();
    await trx.updateTable('people').set((eb) => ({ photo_file_id: stored?.id ?? null, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', personId).execute();
    return { photoUrl: fileUrl(stored?.id ?? null) };
  });
}
