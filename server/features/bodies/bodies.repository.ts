import { sql, type Insertable, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';
import { namableSql } from '../../http/references.ts';

type Q = Database | Trx;

/** Bodies with their kind, parent name and the unit's code and name on `asOf`. */
function bodiesQuery(q: Q, asOf: string) {
  return q
    .selectFrom('bodies as b')
    .innerJoin('body_kinds as k', 'k.code', 'b.kind')
    .leftJoin('bodies as p', 'p.id', 'b.parent_id')
    .leftJoin('unit_tree as t', (j) => j.onRef('t.unit_id', '=', 'b.unit_id').on(inForce('t', asOf)))
    .select([
      'b.id',
      'b.unit_id',
      't.code as unit_code',
      't.name as unit_name',
      't.path as unit_path',
      'b.kind',
      'k.name_vi as kind_vi',
      'k.name_en as kind_en',
      'k.in_bloc',
      'b.name',
      'b.short_name',
      'b.parent_id',
      'p.name as parent_name',
      'b.valid_from',
      'b.valid_to',
      'b.version',
      'b.deleted_at',
    ]);
}

export type BodyRow = Awaited<ReturnType<ReturnType<typeof bodiesQuery>['execute']>>[number];

export type BodyFilter = {
  unitId?: string;
  kind?: string;
  /** Only the bodies a write about this body's unit may name, under `rule`. */
  namedBy?: string;
  rule: 'lead' | 'near';
  includeEnded: boolean;
  includeDeleted: boolean;
  /** Folded words (no diacritics, lower case) found in the name or short name. */
  folded?: string;
};

/** At most 500 bodies matching the filter on `asOf`, by kind then name. */
export async function listBodies(q: Q, asOf: string, f: BodyFilter) {
  let query = bodiesQuery(q, asOf);
  if (f.unitId) query = query.where('b.unit_id', '=', f.unitId);
  if (f.kind) query = query.where('b.kind', '=', f.kind);
  if (f.namedBy)
    query = query.where(
      namableSql(sql`(select unit_id from bodies where id = ${f.namedBy}::uuid)`, f.rule, sql.ref('b.id')),
    );
  if (!f.includeEnded) query = query.where(inForce('b', asOf));
  if (!f.includeDeleted) query = query.where('b.deleted_at', 'is', null);
  if (f.folded !== undefined)
    query = query.where(
      sql<SqlBool>`lower(translate(unaccent(b.name || ' ' || coalesce(b.short_name, '')), 'đĐ', 'dD')) like ${'%' + f.folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`,
    );
  return query
    .orderBy('k.sort')
    .orderBy(sql`b.name collate "vi-x-icu"`)
    .limit(500)
    .execute();
}

export async function findById(q: Q, id: string, asOf: string) {
  return bodiesQuery(q, asOf).where('b.id', '=', id).executeTakeFirst();
}

export async function findByIds(q: Q, ids: string[], asOf: string) {
  return bodiesQuery(q, asOf).where('b.id', 'in', ids).execute();
}

/** The bodies directly under a body, in force on `asOf`, by name. */
export async function childrenOf(q: Q, id: string, asOf: string) {
  return bodiesQuery(q, asOf)
    .where('b.parent_id', '=', id)
    .where('b.deleted_at', 'is', null)
    .where(inForce('b', asOf))
    .orderBy(sql`b.name collate "vi-x-icu"`)
    .execute();
}

/** The bodies whose work this body took over. */
export async function predecessorsOf(q: Q, id: string) {
  return q
    .selectFrom('body_links as l')
    .innerJoin('bodies as b', 'b.id', 'l.from_body_id')
    .select(['b.id', 'b.name', 'l.link_date'])
    .where('l.to_body_id', '=', id)
    .execute();
}

/** The bodies that took over this body's work. */
export async function successorsOf(q: Q, id: string) {
  return q
    .selectFrom('body_links as l')
    .innerJoin('bodies as b', 'b.id', 'l.to_body_id')
    .select(['b.id', 'b.name', 'l.link_date'])
    .where('l.from_body_id', '=', id)
    .execute();
}

/** The ids of the bodies above a body (at most 20 up), with how far up each is. */
export async function ancestorIds(q: Q, id: string) {
  const ids = await sql<{ id: string; depth: number }>`
    with recursive up(id, depth) as (
      select parent_id, 1 from bodies where id = ${id} and parent_id is not null
      union all
      select b.parent_id, up.depth + 1 from bodies b join up on b.id = up.id where b.parent_id is not null and up.depth < 20
    ) select id, depth from up`.execute(q);
  return ids.rows;
}

/** The body's row locked for a change; deleted ones too with `withDeleted`. */
export async function lockBody(trx: Trx, id: string, withDeleted = false) {
  let query = trx.selectFrom('bodies').selectAll().where('id', '=', id);
  if (!withDeleted) query = query.where('deleted_at', 'is', null);
  return query.forUpdate().executeTakeFirst();
}

/** A new body: its id. */
export async function insertBody(trx: Trx, row: Insertable<DB['bodies']>): Promise<string> {
  const r = await trx.insertInto('bodies').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateBody(
  trx: Trx,
  id: string,
  change: { name?: string; short_name?: string | null; parent_id?: string | null },
) {
  await trx
    .updateTable('bodies')
    .set((eb) => ({ ...change, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Ends a body on `date`. */
export async function endBody(trx: Trx, id: string, date: string) {
  await trx
    .updateTable('bodies')
    .set((eb) => ({ valid_to: date, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function setBodyDeleted(trx: Trx, id: string, deleted: boolean) {
  await trx
    .updateTable('bodies')
    .set((eb) => ({ deleted_at: deleted ? new Date() : null, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Links a body that ended to one that takes over its work (once). */
export async function insertBodyLink(trx: Trx, fromId: string, toId: string, date: string) {
  await trx
    .insertInto('body_links')
    .values({ from_body_id: fromId, to_body_id: toId, link_date: date })
    .onConflict((oc) => oc.columns(['from_body_id', 'to_body_id']).doNothing())
    .execute();
}

/** Kinds not deleted, in their order. */
export async function kinds(q: Q) {
  return q
    .selectFrom('body_kinds')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

/** The code of the kind, when it exists and is not deleted. */
export async function liveKind(q: Q, code: string) {
  return q
    .selectFrom('body_kinds')
    .select('code')
    .where('code', '=', code)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The code of the kind, when it exists (deleted or not). */
export async function anyKind(q: Q, code: string) {
  return q.selectFrom('body_kinds').select('code').where('code', '=', code).executeTakeFirst();
}

export async function insertKind(trx: Trx, row: Insertable<DB['body_kinds']>) {
  return trx.insertInto('body_kinds').values(row).returningAll().executeTakeFirstOrThrow();
}
