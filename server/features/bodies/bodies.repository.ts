import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

export const inForceBody = (asOf: string) => sql<SqlBool>`((b.valid_from is null or b.valid_from <= ${asOf}::date) and (b.valid_to is null or ${asOf}::date < b.valid_to))`;

/** Bodies with their kind, parent name and the unit's code and name on `asOf`. */
export function bodiesQuery(q: Q, asOf: string) {
  return q
    .selectFrom('bodies as b')
    .innerJoin('body_kinds as k', 'k.code', 'b.kind')
    .leftJoin('bodies as p', 'p.id', 'b.parent_id')
    .leftJoin('unit_tree as t', (j) =>
      j.onRef('t.unit_id', '=', 'b.unit_id').on(sql<SqlBool>`(t.valid_from is null or t.valid_from <= ${asOf}::date) and (t.valid_to is null or ${asOf}::date < t.valid_to)`),
    )
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

export async function findById(q: Q, id: string, asOf: string) {
  return bodiesQuery(q, asOf).where('b.id', '=', id).executeTakeFirst();
}

export async function linksOf(q: Q, id: string) {
  const before = await q.selectFrom('body_links as l').innerJoin('bodies as b', 'b.id', 'l.from_body_id').select(['b.id', 'b.name', 'l.link_date']).where('l.to_body_id', '=', id).execute();
  const after = await q.selectFrom('body_links as l').innerJoin('bodies as b', 'b.id', 'l.to_body_id').select(['b.id', 'b.name', 'l.link_date']).where('l.from_body_id', '=', id).execute();
  return { before, after };
}

export async function lineOf(q: Q, id: string, asOf: string) {
  const ids = await sql<{ id: string; depth: number }>`
    with recursive up(id, depth) as (
      select parent_id, 1 from bodies where id = ${id} and parent_id is not null
      union all
      select b.parent_id, up.depth + 1 from bodies b join up on b.id = up.id where b.parent_id is not null and up.depth < 20
    ) select id, depth from up`.execute(q);
  if (!ids.rows.length) return [];
  const rows = await bodiesQuery(q, asOf).where('b.id', 'in', ids.rows.map((r) => r.id)).execute();
  const depth = new Map(ids.rows.map((r) => [r.id, r.depth]));
  return rows.sort((a, b) => depth.get(b.id)! - depth.get(a.id)!);
}
