import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { inForce } from '../../db/validity.ts';
import type { Trx } from '../../db/tx.ts';
import type { ReportingCaller } from './reporting.scope.ts';
import { holdsSql } from './reporting.scope.repository.ts';
import { readableSql } from './totals.repository.ts';

type Q = Database | Trx;

export type NodeKind = 'unit' | 'body';

export type TargetRow = {
  id: string;
  indicator_id: string;
  indicator_code: string;
  node_kind: NodeKind;
  node_id: string;
  /** the unit of the target: the unit itself, or the unit a body sits on */
  unit_id: string;
  unit_code: string | null;
  unit_name: string;
  body_name: string | null;
  period_id: string;
  first_month: number;
  last_month: number;
  value: number;
  split_from_id: string | null;
  version: number;
};

/**
 * Targets (their unit's code and name on `day`; a body's, its own name and its unit's), by ids or by the nodes of one
 * kind, period and indicator.
 */
export async function listTargets(
  q: Q,
  f: {
    ids?: readonly string[];
    nodeKind?: NodeKind;
    nodeIds?: readonly string[];
    periodId?: string;
    indicatorId?: string;
    day: string;
  },
): Promise<TargetRow[]> {
  const cond = [sql`t.deleted_at is null`];
  if (f.ids) cond.push(sql`t.id = any (${[...f.ids]}::uuid[])`);
  if (f.nodeKind) cond.push(sql`t.node_kind = ${f.nodeKind}`);
  if (f.nodeIds) cond.push(sql`t.node_id = any (${[...f.nodeIds]}::uuid[])`);
  if (f.periodId) cond.push(sql`t.period_id = ${f.periodId}`);
  if (f.indicatorId) cond.push(sql`t.indicator_id = ${f.indicatorId}::uuid`);
  return (
    await sql<TargetRow>`
      select t.id, t.indicator_id, i.code as indicator_code, t.node_kind, t.node_id, n.unit_id, u.code as unit_code,
             coalesce(u.name, (select v.name from unit_versions v where v.unit_id = n.unit_id and v.deleted_at is null
                                order by v.valid_from desc nulls last limit 1), '') as unit_name,
             b.name as body_name,
             t.period_id, t.first_month, t.last_month, t.value::float8 as value, t.split_from_id, t.version
        from report_targets t
        join indicators i on i.id = t.indicator_id
        left join bodies b on t.node_kind = 'body' and b.id = t.node_id
        cross join lateral (select coalesce(b.unit_id, t.node_id) as unit_id) n
        left join unit_tree u on u.unit_id = n.unit_id
         and (u.valid_from is null or u.valid_from <= ${f.day}::date) and (u.valid_to is null or ${f.day}::date < u.valid_to)
       where ${sql.join(cond, sql` and `)}
       order by i.sort, i.code, t.first_month, t.last_month, u.path, b.name, t.id`.execute(q)
  ).rows;
}

/** A target by its key (indicator, unit or body, period id), locked for a change. */
export async function targetByKey(
  trx: Trx,
  indicatorId: string,
  node: { kind: NodeKind; id: string },
  periodId: string,
) {
  return trx
    .selectFrom('report_targets')
    .select(['id', 'version'])
    .where('indicator_id', '=', indicatorId)
    .where('node_kind', '=', node.kind)
    .where('node_id', '=', node.id)
    .where('period_id', '=', periodId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function targetById(q: Q, id: string) {
  return q
    .selectFrom('report_targets')
    .select(['id', 'indicator_id', 'node_kind', 'node_id', 'period_id', 'first_month', 'last_month', 'version'])
    .select(sql<number>`value::float8`.as('value'))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertTarget(
  trx: Trx,
  v: {
    indicatorId: string;
    node: { kind: NodeKind; id: string };
    periodId: string;
    firstMonth: number;
    lastMonth: number;
    value: number;
    splitFromId: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  return (
    await trx
      .insertInto('report_targets')
      .values({
        indicator_id: v.indicatorId,
        node_kind: v.node.kind,
        node_id: v.node.id,
        period_id: v.periodId,
        first_month: v.firstMonth,
        last_month: v.lastMonth,
        value: String(v.value),
        split_from_id: v.splitFromId,
        created_by: v.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Changes a target's value (and where it was split from); undefined when its version moved on. */
export async function updateTarget(
  trx: Trx,
  id: string,
  version: number | null,
  v: { value: number; splitFromId?: string | null },
) {
  let query = trx
    .updateTable('report_targets')
    .set((eb) => ({
      value: String(v.value),
      ...(v.splitFromId !== undefined ? { split_from_id: v.splitFromId } : {}),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
  if (version !== null) query = query.where('version', '=', version);
  return query.returning('id').executeTakeFirst();
}

export type PlacedUnit = { unit_id: string; code: string | null; name: string; level: number; path: string };

/** A unit in the tree of a day, with whether the caller reads it, manages reporting over it, and over its parent. */
export async function unitRights(
  q: Q,
  c: ReportingCaller,
  by: { id?: string; code?: string },
  day: string,
  /** read as one body's line there (a listing of that body's targets): an assignment narrowed to it reads too */
  bodyId: string | null = null,
) {
  const cond = by.id ? sql`t.unit_id = ${by.id}::uuid` : sql`t.code = ${by.code ?? ''}`;
  return (
    await sql<PlacedUnit & { readable: boolean; manages: boolean; manages_parent: boolean }>`
      select t.unit_id, t.code, t.name, t.level, t.path::text as path,
             ${readableSql(c, 't', sql`${bodyId}::uuid`)} as readable,
             ${holdsSql(c, 'reporting.manage', sql`t.path`, sql`null::uuid`)} as manages,
             nlevel(t.path) > 1 and ${holdsSql(c, 'reporting.manage', sql`subpath(t.path, 0, nlevel(t.path) - 1)`, sql`null::uuid`)} as manages_parent
        from unit_tree t
       where ${cond} and (t.valid_from is null or t.valid_from <= ${day}::date) and (t.valid_to is null or ${day}::date < t.valid_to)
       limit 1`.execute(q)
  ).rows[0];
}

export type PlacedBody = {
  body_id: string;
  body_name: string;
  unit_id: string;
  code: string | null;
  name: string;
  level: number;
  path: string;
};

/**
 * A body in force on `day` (its unit placed in the tree of that day), with whether the caller reads its line there,
 * manages reporting over it (over its unit, not narrowed or narrowed to its line), and over its parent on its line
 * (bodies.parent_id: over the parent's unit, narrowed to the parent's line or not) — false without a parent.
 */
export async function bodyRights(q: Q, c: ReportingCaller, bodyId: string, day: string) {
  return (
    await sql<PlacedBody & { readable: boolean; manages: boolean; manages_parent: boolean }>`
      select b.id as body_id, b.name as body_name, t.unit_id, t.code, t.name, t.level, t.path::text as path,
             ${readableSql(c, 't', sql`b.id`)} as readable,
             ${holdsSql(c, 'reporting.manage', sql`t.path`, sql`b.id`)} as manages,
             coalesce(pt.path is not null and ${holdsSql(c, 'reporting.manage', sql`pt.path`, sql`pb.id`)}, false) as manages_parent
        from bodies b
        join unit_tree t on t.unit_id = b.unit_id
         and ${inForce('t', day)}
        left join bodies pb on pb.id = b.parent_id and pb.deleted_at is null
        left join unit_tree pt on pt.unit_id = pb.unit_id
         and ${inForce('pt', day)}
       where b.id = ${bodyId}::uuid and b.deleted_at is null
         and ${inForce('b', day)}
       limit 1`.execute(q)
  ).rows[0];
}

/** The bodies one level down a body's line (bodies.parent_id) in force on `day`, their units placed that day. */
export async function childBodies(q: Q, bodyId: string, day: string): Promise<PlacedBody[]> {
  return (
    await sql<PlacedBody>`
      select b.id as body_id, b.name as body_name, t.unit_id, t.code, t.name, t.level, t.path::text as path
        from bodies b
        join unit_tree t on t.unit_id = b.unit_id
         and ${inForce('t', day)}
       where b.parent_id = ${bodyId}::uuid and b.deleted_at is null
         and ${inForce('b', day)}
       order by t.path, b.name, b.id`.execute(q)
  ).rows;
}

export async function indicatorById(q: Q, id: string) {
  return q
    .selectFrom('indicators')
    .select(['id', 'code', 'value_type', 'kind'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
