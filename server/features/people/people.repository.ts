import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';

type Q = Database | Trx;

/** A person's editable columns, as the service builds them from a request. */
export type PersonColumns = Partial<{
  full_name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
}>;
export type PositionColumns = Partial<{
  title: string;
  valid_from: string | null;
  valid_to: string | null;
  acting: boolean;
  concurrent: boolean;
}>;

const personColumns = [
  'pe.id',
  'pe.full_name',
  'pe.gender',
  'pe.version',
  'pe.deleted_at',
  'pe.photo_file_id',
] as const;

/** Positions with their person, body and the body's unit named as on the position's first day. */
function positions(q: Q) {
  return q
    .selectFrom('positions as ps')
    .innerJoin('people as pe', 'pe.id', 'ps.person_id')
    .innerJoin('bodies as b', 'b.id', 'ps.body_id')
    .leftJoin('unit_versions as uv', (j) =>
      j
        .onRef('uv.unit_id', '=', 'b.unit_id')
        .on('uv.deleted_at', 'is', null)
        .on(
          sql<SqlBool>`(uv.valid_from is null or uv.valid_from <= coalesce(ps.valid_from, b.valid_from, '2024-01-01'::date)) and (uv.valid_to is null or coalesce(ps.valid_from, b.valid_from, '2024-01-01'::date) < uv.valid_to)`,
        ),
    )
    .select([
      'ps.id',
      'ps.person_id',
      'pe.full_name',
      'ps.body_id',
      'b.name as body_name',
      'uv.name as unit_name',
      'ps.title',
      'ps.valid_from',
      'ps.valid_to',
      'ps.acting',
      'ps.concurrent',
      'ps.version',
    ])
    .where('ps.deleted_at', 'is', null);
}

export async function positionsInForceOf(q: Q, personIds: string[], asOf: string) {
  return positions(q)
    .where('ps.person_id', 'in', personIds)
    .where(inForce('ps', asOf))
    .orderBy('ps.concurrent')
    .orderBy('ps.valid_from')
    .execute();
}

/** Every position of a person, the latest first. */
export async function positionsOfPerson(q: Q, personId: string) {
  return positions(q)
    .where('ps.person_id', '=', personId)
    .orderBy(sql`ps.valid_from desc nulls last`)
    .execute();
}

export async function positionsOfBody(q: Q, bodyId: string, asOf: string) {
  return positions(q)
    .where('ps.body_id', '=', bodyId)
    .where(inForce('ps', asOf))
    .orderBy('ps.concurrent')
    .orderBy('ps.title')
    .execute();
}

export async function position(q: Q, id: string) {
  return positions(q).where('ps.id', '=', id).executeTakeFirstOrThrow();
}

/** Which of these people have a (live) account. */
export async function peopleWithAccount(q: Q, personIds: string[]) {
  return q
    .selectFrom('accounts')
    .select('person_id')
    .where('person_id', 'in', personIds)
    .where('deleted_at', 'is', null)
    .execute();
}

/** A page of live people by name (vi collation), with the total; `folded` is the name searched, folded as
 * i18n/names.ts folds, `body` keeps those with a position in that body on `asOf`. */
export async function list(
  q: Q,
  opts: { folded?: string; body?: string; asOf: string; offset: number; limit: number },
) {
  let query = q.selectFrom('people as pe').where('pe.deleted_at', 'is', null);
  if (opts.folded)
    query = query.where(
      sql<SqlBool>`lower(translate(unaccent(pe.full_name), 'đĐ', 'dD')) like ${'%' + opts.folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`,
    );
  if (opts.body) {
    const body = opts.body;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('positions as ps')
          .select(sql`1`.as('one'))
          .whereRef('ps.person_id', '=', 'pe.id')
          .where('ps.body_id', '=', body)
          .where('ps.deleted_at', 'is', null)
          .where(inForce('ps', opts.asOf)),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    query
      .select(personColumns)
      .orderBy(sql`pe.full_name collate "vi-x-icu"`)
      .offset(opts.offset)
      .limit(opts.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** A person, deleted or not. */
export async function findById(q: Q, id: string) {
  return q.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The id of a person, if there is one; `live`: not deleted. */
export async function exists(q: Q, id: string, opts: { live: boolean }) {
  let query = q.selectFrom('people').select('id').where('id', '=', id);
  if (opts.live) query = query.where('deleted_at', 'is', null);
  return query.executeTakeFirst();
}

/** The live account of a person. */
export async function accountOfPerson(q: Q, personId: string) {
  return q
    .selectFrom('accounts')
    .select(['id', 'username', 'disabled_at'])
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The person an account is linked to. */
export async function personOfAccount(q: Q, accountId: string) {
  return q.selectFrom('accounts').select('person_id').where('id', '=', accountId).executeTakeFirst();
}

export async function insert(q: Q, values: PersonColumns & { full_name: string }) {
  return q.insertInto('people').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates a live person only at `version`; undefined when stale or absent. */
export async function update(q: Q, id: string, version: number, set: PersonColumns) {
  return q
    .updateTable('people')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes (or restores) a person only at `version`; undefined when stale, absent or already so. */
export async function setDeleted(q: Q, id: string, version: number, deleted: boolean) {
  return q
    .updateTable('people')
    .set((eb) => ({ deleted_at: deleted ? new Date() : null, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', deleted ? 'is' : 'is not', null)
    .returningAll()
    .executeTakeFirst();
}

/** A live person's photo, the row locked for the change. */
export async function photoForUpdate(q: Q, personId: string) {
  return q
    .selectFrom('people')
    .select(['id', 'photo_file_id'])
    .where('id', '=', personId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function setPhoto(q: Q, personId: string, fileId: string | null) {
  await q
    .updateTable('people')
    .set((eb) => ({ photo_file_id: fileId, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .execute();
}

/** Soft-deletes a replaced photo's stored file. */
export async function discardFile(q: Q, fileId: string) {
  await q.updateTable('files').set({ deleted_at: new Date() }).where('id', '=', fileId).execute();
}

/** A body's dates, deleted or not, for checking a position against them. */
export async function bodyDates(q: Q, bodyId: string) {
  return q
    .selectFrom('bodies')
    .select(['valid_from', 'valid_to', 'deleted_at'])
    .where('id', '=', bodyId)
    .executeTakeFirst();
}

export async function insertPosition(
  q: Q,
  values: {
    person_id: string;
    body_id: string;
    title: string;
    valid_from: string | null;
    valid_to: string | null;
    acting: boolean;
    concurrent: boolean;
  },
) {
  return q.insertInto('positions').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A live position, locked for the change. */
export async function positionForUpdate(q: Q, id: string) {
  return q
    .selectFrom('positions')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function updatePosition(q: Q, id: string, set: PositionColumns) {
  await q
    .updateTable('positions')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Deletes a live position only at `version`; undefined when stale or absent. */
export async function deletePosition(q: Q, id: string, version: number) {
  return q
    .updateTable('positions')
    .set((eb) => ({ deleted_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export async function positionExists(q: Q, id: string) {
  return q.selectFrom('positions').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

// The registers' import (registers.import.ts) matches rows to what is already there by name.

export async function bodyKinds(q: Q) {
  return q.selectFrom('body_kinds').select(['code', 'name_vi']).where('deleted_at', 'is', null).execute();
}

/** A live body by name; on one unit when `unitId` is given. */
export async function bodyNamed(q: Q, name: string, unitId?: string) {
  let query = q.selectFrom('bodies').select('id');
  if (unitId !== undefined) query = query.where('unit_id', '=', unitId);
  return query.where('name', '=', name).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertBody(
  q: Q,
  values: {
    unit_id: string;
    kind: string;
    name: string;
    short_name: string | null;
    parent_id: string | null;
    valid_from: string | null;
  },
) {
  await q.insertInto('bodies').values(values).execute();
}

/** A live person with this name and phone (or none). */
export async function personNamed(q: Q, fullName: string, phone: string | null) {
  return q
    .selectFrom('people')
    .select('id')
    .where('full_name', '=', fullName)
    .where((eb) => (phone ? eb('phone', '=', phone) : eb('phone', 'is', null)))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A live position of the person in the body with this title. */
export async function positionTitled(q: Q, personId: string, bodyId: string, title: string) {
  return q
    .selectFrom('positions')
    .select('id')
    .where('person_id', '=', personId)
    .where('body_id', '=', bodyId)
    .where('title', '=', title)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
