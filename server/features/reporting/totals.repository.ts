import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import type { ReportingCaller } from './reporting.scope.ts';
import { readsFiguresSql } from './reporting.scope.repository.ts';

type Q = Database | Trx;

export type IndicatorRule = {
  id: string;
  code: string;
  name: string;
  measure: string | null;
  tree_aggregation: 'sum' | 'average' | 'max' | 'none';
  time_aggregation: 'sum' | 'average' | 'max' | 'last' | 'none';
  kind: 'entered' | 'coverage' | 'computed';
  formula: string | null;
  coverage_source_id: string | null;
  coverage_min: string | null;
  coverage_level: number | null;
  /** 'organisation': values are also kept per body kind (a category) */
  breakdown: string | null;
  sort: number;
};

export const indicatorColumns = sql`id, code, name, measure, tree_aggregation, time_aggregation, kind, formula,
  coverage_source_id, coverage_min::text as coverage_min, coverage_level, breakdown, sort`;

/** Indicators (not deleted) by code or id. */
export async function indicatorsBy(q: Q, by: { codes?: readonly string[]; ids?: readonly string[] }) {
  const cond = by.codes ? sql`code = any (${[...by.codes]}::text[])` : sql`id = any (${[...(by.ids ?? [])]}::uuid[])`;
  return (
    await sql<IndicatorRule>`select ${indicatorColumns} from indicators where deleted_at is null and ${cond}`.execute(q)
  ).rows;
}

/**
 * Whether the caller reads a unit placed by a tree row `t`: its read scope of today over the unit as it stood then,
 * or over the same unit today (the commune that went on across the reform under a new parent, and its villages).
 */
export function readableSql(c: ReportingCaller, t: string, bodyId: RawBuilder<unknown> = sql`null::uuid`) {
  const ref = (col: string) => sql.ref(`${t}.${col}`);
  return sql<boolean>`(${readsFiguresSql(c, ref('path'), bodyId)} or ${readsFiguresSql(
    c,
    sql`(select now_.path from unit_tree now_ where now_.unit_id = ${ref('unit_id')}
          and (now_.valid_from is null or now_.valid_from <= ${c.today}::date)
          and (now_.valid_to is null or ${c.today}::date < now_.valid_to) limit 1)`,
    bodyId,
  )})`;
}

export type UnitAt = {
  unit_id: string;
  code: string | null;
  name: string;
  level: number;
  path: string;
  valid_from: string | null;
  readable: boolean;
};

/** A unit_tree row `t` and its version `v` as UnitAt. */
const unitAtColumns = (c: ReportingCaller, bodyId?: RawBuilder<unknown>) =>
  sql`t.unit_id, t.code, t.name, t.level, t.path::text as path, v.valid_from::text as valid_from,
      ${readableSql(c, 't', bodyId)} as readable`;

/** The unit that had `code` on `asOf` (its version's first day, its path that day) and whether the caller reads it
 * (the read scope of today, over the unit placed in the tree of `asOf`; narrowed to a body: only with that body). */
export function unitAtSql(c: ReportingCaller, code: string, asOf: string, bodyId: string | null) {
  return sql<UnitAt>`
      select ${unitAtColumns(c, sql`${bodyId}::uuid`)}
        from unit_tree t join unit_versions v on v.id = t.version_id
       where t.code = ${code}
         and (t.valid_from is null or t.valid_from <= ${asOf}::date) and (t.valid_to is null or ${asOf}::date < t.valid_to)
       limit 1`;
}

export async function unitAt(q: Q, c: ReportingCaller, code: string, asOf: string, bodyId: string | null) {
  return (await unitAtSql(c, code, asOf, bodyId).execute(q)).rows[0];
}

/** The top units (provinces) in force on a day, as the pivot's rows, and whether the caller reads every one of them
 * (the whole country is read by whom reads each province). */
export async function topUnits(q: Q, c: ReportingCaller, day: string) {
  return (
    await sql<UnitAt>`
      select ${unitAtColumns(c)}
        from unit_tree t join unit_versions v on v.id = t.version_id
       where t.parent_id is null
         and (t.valid_from is null or t.valid_from <= ${day}::date) and (t.valid_to is null or ${day}::date < t.valid_to)`.execute(
      q,
    )
  ).rows;
}

/** A body (not deleted) on a unit, with the day it began (null: before the records). */
export async function bodyOnUnit(q: Q, bodyId: string, unitId: string) {
  return q
    .selectFrom('bodies')
    .select(['id', 'name', 'kind', sql<string | null>`valid_from::text`.as('valid_from')])
    .where('id', '=', bodyId)
    .where('unit_id', '=', unitId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export type BodySourceRow = {
  /** the body asked about */
  body_id: string;
  /** a body (not deleted) it came from */
  other_id: string;
  /** the day of the link */
  date: string;
  /** how many bodies (not deleted) that one names as its successors */
  successors: number;
};

/** The bodies some bodies came from (the links into them dated after `after`), in one statement. */
export async function bodySourcesOfMany(q: Q, bodyIds: readonly string[], after: string): Promise<BodySourceRow[]> {
  if (!bodyIds.length) return [];
  return q
    .selectFrom('body_links as l')
    .innerJoin('bodies as b', 'b.id', 'l.from_body_id')
    .select((eb) => [
      'l.to_body_id as body_id',
      'l.from_body_id as other_id',
      sql<string>`l.link_date::text`.as('date'),
      eb
        .selectFrom('body_links as s')
        .innerJoin('bodies as sb', 'sb.id', 's.to_body_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.from_body_id', '=', 'l.from_body_id')
        .where('sb.deleted_at', 'is', null)
        .as('successors'),
    ])
    .where('l.to_body_id', 'in', [...bodyIds])
    .where('l.link_date', '>', after)
    .where('b.deleted_at', 'is', null)
    .$narrowType<{ successors: number }>()
    .execute();
}

/** The periods of one indicator at one node: [first_month, last_month, sum, count, max] each (stripes added up). */
export type NodeSlots = {
  indicator_id: string;
  node_id: string;
  slots: [number, number, number, number, number | null][];
};

export type TotalRow = {
  indicator_id: string;
  node_id: string;
  first_month: number;
  last_month: number;
  sum: number;
  count: number;
  max: number | null;
};

/**
 * The totals of some indicators and nodes for periods inside a range (the stripes added up), of one category (the
 * whole, '', unless a body kind's share is asked): the hot statement of every dashboard figure, one index range per
 * indicator and node.
 */
export async function totalsOf(
  q: Q,
  f: {
    indicatorIds: readonly string[];
    nodeKind: 'unit' | 'body';
    nodeIds: readonly string[];
    first: number;
    last: number;
    category?: string;
  },
): Promise<NodeSlots[]> {
  if (!f.indicatorIds.length || !f.nodeIds.length) return [];
  // One row per indicator and node with its periods as JSON: a national pivot reads ~100,000 periods, and decoding
  // them as rows cost several times what one JSON.parse per node does. Each (indicator, node) is its own index range,
  // added up in the index's order: one hash aggregate over every stripe of a national pivot (163,200 rows) took
  // longer than reading them.
  return (
    await sql<NodeSlots>`
      select i.id as indicator_id, n.id as node_id, s.slots
        from unnest(${[...f.indicatorIds]}::uuid[]) as i(id) cross join unnest(${[...f.nodeIds]}::uuid[]) as n(id)
        cross join lateral (
          select json_agg(${SLOT_JSON}) as slots
            from (${totalSlotsSql({ ...f, indicator: sql`i.id`, node: sql`n.id` })}) t) s
       where s.slots is not null`.execute(q)
  ).rows;
}

/** A list of ids as a uuid[] expression (a parameter); the statement of one total passes sub-selects instead. */
export const uuids = (ids: readonly string[]) => sql`${[...ids]}::uuid[]`;
type Ids = RawBuilder<unknown>;

/** A slot as JSON: [first_month, last_month, sum, count, max]. */
export const SLOT_JSON = sql`json_build_array(first_month, last_month, sum, count, max)`;

/** The totals of one indicator at one node (expressions), one row per slot with the stripes added up. */
export function totalSlotsSql(f: {
  indicator: RawBuilder<unknown>;
  nodeKind: 'unit' | 'body';
  node: RawBuilder<unknown>;
  first: number;
  last: number;
  category?: string;
}) {
  return sql`
    select first_month, last_month, sum(sum)::float8 as sum, sum(count)::int as count, max(max)::float8 as max
      from report_totals
     where indicator_id = ${f.indicator} and node_kind = ${f.nodeKind} and node_id = ${f.node}
       and category = ${f.category ?? ''} and first_month >= ${f.first} and last_month <= ${f.last}
     group by first_month, last_month`;
}

/**
 * The same shape from the counted values of approved reports of some units themselves (villages, whose figures are
 * their own values; an indicator aggregated `none`, whose figure is the unit's own value), per unit.
 */
export async function ownValuesOf(
  q: Q,
  f: {
    indicatorIds: readonly string[];
    unitIds: readonly string[];
    bodyId: string | null;
    first: number;
    last: number;
    category?: string;
  },
): Promise<TotalRow[]> {
  if (!f.indicatorIds.length || !f.unitIds.length) return [];
  return (await ownSlotsSql({ ...f, indicatorIds: uuids(f.indicatorIds), unitIds: uuids(f.unitIds) }).execute(q)).rows;
}

/** The own values' slots of some indicators and units (uuid[] expressions), as ownValuesOf returns them. */
export function ownSlotsSql(f: {
  indicatorIds: Ids;
  unitIds: Ids;
  bodyId: string | null;
  first: number;
  last: number;
  category?: string;
}) {
  const body = f.bodyId ? sql`and rv.body_id = ${f.bodyId}::uuid` : sql``;
  return sql<TotalRow>`
      select rv.indicator_id, rv.unit_id as node_id, rv.first_month, rv.last_month, sum(rv.num)::float8 as sum,
             count(*)::int as count, max(rv.num)::float8 as max
        from report_values rv
        join report_submissions s on s.id = rv.submission_id and s.status = 'approved' and s.deleted_at is null
       where rv.unit_id = any (${f.unitIds}) and rv.indicator_id = any (${f.indicatorIds})
         and rv.counted and rv.num is not null and rv.category = ${f.category ?? ''}
         and rv.first_month >= ${f.first} and rv.last_month <= ${f.last} ${body}
       group by 1, 2, 3, 4`;
}

/** Whether a body kind code exists (a category of the breakdown by organisation). */
export async function bodyKindExists(q: Q, code: string): Promise<boolean> {
  return !!(await q.selectFrom('body_kinds').select('code').where('code', '=', code).executeTakeFirst());
}

/** The units of a level under a unit (its path), in force on a day. */
export async function unitsOfLevelUnder(q: Q, path: string, level: number, day: string) {
  return (
    await sql<{ unit_id: string }>`
      select unit_id from unit_tree
       where path <@ ${path}::ltree and level = ${level}
         and (valid_from is null or valid_from <= ${day}::date) and (valid_to is null or ${day}::date < valid_to)`.execute(
      q,
    )
  ).rows.map((r) => r.unit_id);
}

export type TargetRow = { indicator_id: string; node_id: string; value: number; exact: boolean };

/**
 * The targets of some indicators and nodes for a range: the one set for exactly that period (or those months),
 * else, for a range the year's plan covers from its start ("tính đến 30/11" against the year's plan), the shortest
 * target starting on the range's first month and covering it.
 */
export async function targetsFor(
  q: Q,
  f: {
    indicatorIds: readonly string[];
    nodeKind: 'unit' | 'body';
    nodeIds: readonly string[];
    first: number;
    last: number;
  },
): Promise<TargetRow[]> {
  if (!f.indicatorIds.length || !f.nodeIds.length) return [];
  return (await targetsSql({ ...f, indicatorIds: uuids(f.indicatorIds), nodeIds: uuids(f.nodeIds) }).execute(q)).rows;
}

export function targetsSql(f: {
  indicatorIds: Ids;
  nodeKind: 'unit' | 'body';
  nodeIds: Ids;
  first: number;
  last: number;
}) {
  return sql<TargetRow>`
      select distinct on (indicator_id, node_id) indicator_id, node_id, value::float8 as value,
             last_month = ${f.last} as exact
        from report_targets
       where indicator_id = any (${f.indicatorIds}) and node_kind = ${f.nodeKind}
         and node_id = any (${f.nodeIds}) and deleted_at is null
         and first_month = ${f.first} and last_month >= ${f.last}
       order by indicator_id, node_id, last_month`;
}

export type ExpectedForm = {
  form_id: string;
  period_type: string;
  submitter: 'unit' | 'body';
  unit_kinds: string[];
  body_kinds: string[];
  valid_from: string | null;
  valid_to: string | null;
};

/** The form versions (not deleted) carrying an indicator, in force during some days. */
export async function formsCarrying(q: Q, indicatorIds: readonly string[], from: string, to: string) {
  return (await formsCarryingSql(uuids(indicatorIds), from, to).execute(q)).rows;
}

export function formsCarryingSql(indicatorIds: Ids, from: string, to: string) {
  return sql<ExpectedForm>`
      select distinct f.id as form_id, f.period_type, v.submitter, v.unit_kinds, v.body_kinds,
             v.valid_from::text as valid_from, v.valid_to::text as valid_to
        from report_form_indicators fi
        join report_form_versions v on v.id = fi.form_version_id and v.deleted_at is null
        join report_forms f on f.id = v.form_id and f.deleted_at is null
       where fi.indicator_id = any (${indicatorIds})
         and (v.valid_from is null or v.valid_from <= ${to}::date) and (v.valid_to is null or ${from}::date < v.valid_to)`;
}

/** How many units of some kinds, and bodies of some kinds, lie in force on a day under a unit (its path). */
export async function reportersUnder(
  q: Q,
  f: { path: string; day: string; unitKinds: readonly string[]; bodyKinds: readonly string[] },
) {
  return (
    await reportersSql({
      path: sql`${f.path}::ltree`,
      day: f.day,
      unitKinds: sql`${[...f.unitKinds]}::text[]`,
      bodyKinds: sql`${[...f.bodyKinds]}::text[]`,
    }).execute(q)
  ).rows[0]!;
}

/** reportersUnder's count as a select of one row (units, bodies), over expressions for the path and the kinds. */
export function reportersSql(f: { path: RawBuilder<unknown>; day: string; unitKinds: Ids; bodyKinds: Ids }) {
  return sql<{ units: number; bodies: number }>`
      select (select count(*)::int from unit_tree t
               where t.path <@ ${f.path} and t.kind = any (${f.unitKinds})
                 and (t.valid_from is null or t.valid_from <= ${f.day}::date) and (t.valid_to is null or ${f.day}::date < t.valid_to)) as units,
             (select count(*)::int from bodies b
                join unit_tree t on t.unit_id = b.unit_id
                 and (t.valid_from is null or t.valid_from <= ${f.day}::date) and (t.valid_to is null or ${f.day}::date < t.valid_to)
               where t.path <@ ${f.path} and b.kind = any (${f.bodyKinds}) and b.deleted_at is null
                 and (b.valid_from is null or b.valid_from <= ${f.day}::date) and (b.valid_to is null or ${f.day}::date < b.valid_to)) as bodies`;
}

export type SourceRow = {
  unit_id: string;
  day: string;
  level: number;
  other_id: string;
  type: 'full' | 'partial' | 'same';
  date: string;
};

/**
 * What the versions in force of some units (each on its own day) came from when they began, in one statement: the
 * links into them on that day (`full`, `partial`) and the unit's own previous version (`same`). The same links the
 * units module follows (units.crossing.service.ts), for many units at once; a unit of level 2 or above whose change
 * its children carry is left to that module (`sourcesOf`).
 */
export async function sourcesOfMany(q: Q, units: readonly { id: string; day: string }[]): Promise<SourceRow[]> {
  if (!units.length) return [];
  return (
    await sql<SourceRow>`
      with x as (
        select x.id, x.day, u.level, v.valid_from
          from unnest(${units.map((u) => u.id)}::uuid[], ${units.map((u) => u.day)}::date[]) as x(id, day)
          join units u on u.id = x.id
          join unit_versions v on v.unit_id = x.id and v.deleted_at is null and v.valid_from is not null
           and v.valid_from <= x.day and (v.valid_to is null or x.day < v.valid_to))
      select x.id as unit_id, x.day::text as day, x.level, l.from_unit_id as other_id, l.type, l.link_date::text as date
        from x join unit_links l on l.to_unit_id = x.id and l.link_date = x.valid_from
      union all
      select x.id, x.day::text, x.level, x.id, 'same', x.valid_from::text
        from x where exists (select 1 from unit_versions a where a.unit_id = x.id and a.valid_to = x.valid_from and a.deleted_at is null)`.execute(
      q,
    )
  ).rows;
}
