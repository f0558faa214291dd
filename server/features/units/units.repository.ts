import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';

type Q = Database | Trx;

const treeColumns = [
  't.unit_id',
  't.code',
  't.name',
  't.kind',
  't.level',
  't.path',
  't.parent_id',
  'v.valid_from',
  'v.valid_to',
  'v.version',
  'k.name_vi as kind_vi',
  'k.name_en as kind_en',
] as const;

function treeBase(q: Q) {
  return q
    .selectFrom('unit_tree as t')
    .innerJoin('unit_versions as v', 'v.id', 't.version_id')
    .innerJoin('unit_kinds as k', 'k.code', 't.kind');
}

/** The tree row of the unit that had `code` on `asOf`. */
export async function findByCode(q: Q, code: string, asOf: string) {
  return treeBase(q).select(treeColumns).where('t.code', '=', code).where(inForce('t', asOf)).executeTakeFirst();
}

export async function findById(q: Q, unitId: string, asOf: string) {
  return treeBase(q).select(treeColumns).where('t.unit_id', '=', unitId).where(inForce('t', asOf)).executeTakeFirst();
}

/** Children in force on `asOf` of a unit (null: the top level), in Vietnamese order, with whether they have children. */
export async function children(q: Q, parentId: string | null, asOf: string) {
  let query = treeBase(q)
    .select(treeColumns)
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('unit_tree as c')
            .select(sql`1`.as('one'))
            .whereRef('c.parent_id', '=', 't.unit_id')
            .where(inForce('c', asOf)),
        )
        .as('has_children'),
    )
    .where(inForce('t', asOf));
  query = parentId ? query.where('t.parent_id', '=', parentId) : query.where('t.parent_id', 'is', null);
  return query
    .orderBy(sql`t.code collate "C"`)
    .orderBy(sql`t.name collate "vi-x-icu"`)
    .execute();
}

/** The versions in force of some units, each on its own day (one statement): its level and first day. */
export async function versionsOn(q: Q, units: readonly { id: string; day: string }[]) {
  if (units.length === 0) return [];
  return (
    await sql<{ unit_id: string; day: string; level: number; valid_from: string | null }>`
      select t.unit_id, x.day::text as day, t.level, v.valid_from::text as valid_from
        from unnest(${units.map((u) => u.id)}::uuid[], ${units.map((u) => u.day)}::date[]) as x(id, day)
        join unit_tree t on t.unit_id = x.id
         and (t.valid_from is null or t.valid_from <= x.day) and (t.valid_to is null or x.day < t.valid_to)
        join unit_versions v on v.id = t.version_id`.execute(q)
  ).rows;
}

/** The children in force of some units, each on its own day (one statement). */
export async function childrenOn(q: Q, parents: readonly { id: string; day: string }[]) {
  if (parents.length === 0) return [];
  return (
    await sql<{ parent_id: string; day: string; unit_id: string; code: string | null; name: string }>`
      select x.id as parent_id, x.day::text as day, t.unit_id, t.code, t.name
        from unnest(${parents.map((u) => u.id)}::uuid[], ${parents.map((u) => u.day)}::date[]) as x(id, day)
        join unit_tree t on t.parent_id = x.id
         and (t.valid_from is null or t.valid_from <= x.day) and (t.valid_to is null or x.day < t.valid_to)
       order by t.code collate "C", t.name collate "vi-x-icu"`.execute(q)
  ).rows;
}

/** Every unit under the unit whose path is `path` on `asOf` (all levels). */
export async function subtree(q: Q, path: string, asOf: string) {
  return q
    .selectFrom('unit_tree as t')
    .select(['t.unit_id', 't.code', 't.name', 't.kind', 't.level', 't.parent_id'])
    .where(sql<SqlBool>`t.path <@ ${path}::ltree`)
    .where(sql<SqlBool>`t.path <> ${path}::ltree`)
    .where(inForce('t', asOf))
    .execute();
}

/** The ancestors of a path, top first. */
export async function ancestors(q: Q, path: string, asOf: string) {
  return treeBase(q)
    .select(treeColumns)
    .where(sql<SqlBool>`t.path @> ${path}::ltree`)
    .where(sql<SqlBool>`t.path <> ${path}::ltree`)
    .where(inForce('t', asOf))
    .orderBy('t.level')
    .execute();
}

/** Diacritics-insensitive search as a phrase ("mong cai 1"), exact-diacritic matches first. */
export async function search(q: Q, opts: { folded: string; raw: string; asOf: string; limit: number }) {
  const like = '%' + opts.folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  const rawLike = '%' + opts.raw.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  return treeBase(q)
    .select(treeColumns)
    .where(inForce('t', opts.asOf))
    .where((eb) => eb.or([eb('t.name_fold', 'like', like), eb('t.code', '=', opts.raw)]))
    .orderBy(sql`(t.code = ${opts.raw})`, 'desc')
    .orderBy(sql`(lower(t.name) like ${rawLike})`, 'desc')
    .orderBy(
      sql`(t.name_fold like ${opts.folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%'} or t.name_fold like ${'% ' + opts.folded.replace(/[\\%_]/g, (c) => '\\' + c) + '%'})`,
      'desc',
    )
    .orderBy('t.level')
    .orderBy(sql`t.name collate "vi-x-icu"`)
    .limit(opts.limit)
    .execute();
}

/** Every version of a unit with its parent's name on the version's first day. */
export async function history(q: Q, unitId: string) {
  return q
    .selectFrom('unit_versions as v')
    .innerJoin('unit_kinds as k', 'k.code', 'v.kind')
    .leftJoin('unit_versions as p', (join) =>
      join
        .onRef('p.unit_id', '=', 'v.parent_id')
        .on('p.deleted_at', 'is', null)
        .on(
          sql<SqlBool>`(p.valid_from is null or p.valid_from <= coalesce(v.valid_from, '0001-01-01'::date)) and (p.valid_to is null or coalesce(v.valid_from, '0001-01-01'::date) < p.valid_to)`,
        ),
    )
    .select([
      'v.id',
      'v.valid_from',
      'v.valid_to',
      'v.code',
      'v.name',
      'v.kind',
      'k.name_vi as kind_vi',
      'k.name_en as kind_en',
      'v.source',
      'v.version',
      'p.code as parent_code',
      'p.name as parent_name',
    ])
    .where('v.unit_id', '=', unitId)
    .where('v.deleted_at', 'is', null)
    .orderBy(sql`v.valid_from nulls first`)
    .execute();
}

/** A link's kind: `full` and `partial` are stored (unit_links); `same` is a continuation made from the versions. */
export type LinkType = 'full' | 'partial' | 'same';
export type LinkRow = {
  /** The unit the link belongs to (one of those asked for). */
  unit_id: string;
  direction: 'from' | 'to';
  type: LinkType;
  link_date: string;
  other_id: string;
  code: string | null;
  name: string;
};

/** Links from and to units, with the other unit's code and name as they were on the link's date (the day before
 * for a predecessor, the day itself for a successor). A version ending the day another version of the same unit
 * begins is a continuation (`same`): the commune that kept its identity across the reform, a renamed village;
 * it is not stored as a link row, so clients mapping old units to new ones by links do not lose it. */
export async function linksOf(q: Q, unitIds: readonly string[]): Promise<LinkRow[]> {
  if (unitIds.length === 0) return [];
  const ids = [...unitIds];
  const rows = await sql<LinkRow>`
    select l.to_unit_id as unit_id, 'from' as direction, l.type, l.link_date::text as link_date,
           l.from_unit_id as other_id, v.code, v.name
      from unit_links l
      join unit_versions v on v.unit_id = l.from_unit_id and v.deleted_at is null and v.valid_to = l.link_date
     where l.to_unit_id = any(${ids}::uuid[])
    union all
    select l.from_unit_id, 'to', l.type, l.link_date::text, l.to_unit_id, v.code, v.name
      from unit_links l
      join unit_versions v on v.unit_id = l.to_unit_id and v.deleted_at is null
       and (v.valid_from is null or v.valid_from <= l.link_date) and (v.valid_to is null or l.link_date < v.valid_to)
     where l.from_unit_id = any(${ids}::uuid[])
    union all
    select b.unit_id, 'from', 'same', b.valid_from::text, a.unit_id, a.code, a.name
      from unit_versions b
      join unit_versions a on a.unit_id = b.unit_id and a.valid_to = b.valid_from and a.deleted_at is null
     where b.unit_id = any(${ids}::uuid[]) and b.deleted_at is null
    union all
    select a.unit_id, 'to', 'same', a.valid_to::text, b.unit_id, b.code, b.name
      from unit_versions a
      join unit_versions b on b.unit_id = a.unit_id and b.valid_from = a.valid_to and b.deleted_at is null
     where a.unit_id = any(${ids}::uuid[]) and a.deleted_at is null
    order by 1, 4, 2, 6`.execute(q);
  return rows.rows;
}

/** The links of one unit (see `linksOf`). */
export async function links(q: Q, unitId: string): Promise<LinkRow[]> {
  return linksOf(q, [unitId]);
}

export async function kinds(q: Q) {
  return q.selectFrom('unit_kinds').selectAll().orderBy('level').orderBy('sort').execute();
}

export async function pending(q: Q) {
  const r = await sql<{
    id: string;
    unit_id: string;
    reason: string;
    pending_date: string;
    code: string | null;
    name: string;
    level: number;
    parent_name: string | null;
  }>`
    select p.id, p.unit_id, p.reason, p.pending_date::text as pending_date, v.code, v.name, u.level, pv.name as parent_name
      from unit_pending p
      join units u on u.id = p.unit_id
      join lateral (select * from unit_versions v where v.unit_id = p.unit_id and v.deleted_at is null order by v.valid_from desc nulls last limit 1) v on true
      left join lateral (select name from unit_versions x where x.unit_id = v.parent_id and x.deleted_at is null order by x.valid_from desc nulls last limit 1) pv on true
     where p.resolved_at is null
     order by p.pending_date, u.level, v.name`.execute(q);
  return r.rows;
}
