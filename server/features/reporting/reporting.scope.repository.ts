import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import type { ReportingCaller } from './reporting.scope.ts';

type Q = Database | Trx;

/**
 * Whether the caller holds `perm` over a unit placed by its path and a body (null: the unit's own report): one of its
 * assignments in force today (account_grants, migration 0013) whose unit path contains `path`, not narrowed or
 * narrowed to a body of the body's line — holds_rows's rule (migration 0012), with the rights of today and the
 * unit placed in the tree of the period's epoch (the caller passes that path).
 */
export function holdsSql(
  c: ReportingCaller,
  perm: string,
  path: RawBuilder<unknown>,
  body: RawBuilder<unknown>,
): RawBuilder<boolean> {
  if (c.isAdmin) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from account_grants(${c.accountId}::uuid, ${c.today}::date) g
    where ${perm} = any (g.permissions) and ${path} <@ g.path
      and (g.body_id is null or g.body_id = any (body_line(${body}))))`;
}

/**
 * Whether the caller reads the figures of a unit placed by its path, or of one body's line there (`body`): holdsSql's
 * rule with 'read', and for the unit's own figures (body null) also an assignment narrowed to a Front committee or a
 * bloc office, which speak for their unit's whole bloc (the ward's Front leader reads the ward's totals).
 */
export function readsFiguresSql(c: ReportingCaller, path: RawBuilder<unknown>, body: RawBuilder<unknown>) {
  if (c.isAdmin) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from account_grants(${c.accountId}::uuid, ${c.today}::date) g
    where 'read' = any (g.permissions) and ${path} <@ g.path
      and (g.body_id is null or g.body_id = any (body_line(${body}))
        or (${body} is null and exists (select 1 from bodies gb where gb.id = g.body_id and gb.kind in ('front', 'bloc_office')))))`;
}

/** The bodies that review a unit's report besides the whole parent unit: the parent unit's Front committee or bloc
 * office in force on the period's last day, and the bodies above it in its line (body_line). True when `grantBody`
 * (an assignment's narrowing) is one of them. */
function reviewingBodyHas(grantBody: RawBuilder<unknown>, parentUnit: RawBuilder<unknown>, day: RawBuilder<unknown>) {
  return sql<boolean>`exists (select 1 from bodies rb
    where rb.unit_id = ${parentUnit} and rb.kind in ('front', 'bloc_office') and rb.deleted_at is null
      and (rb.valid_from is null or rb.valid_from <= ${day}) and (rb.valid_to is null or ${day} < rb.valid_to)
      and ${grantBody} = any (body_line(rb.id)))`;
}

/** Whether the caller reviews a unit's report: `reporting.review` over its parent unit (placed by `parentPath`),
 * not narrowed, or narrowed to the parent unit's Front committee or bloc office or a body above it in that line. */
export function reviewsUnitSql(
  c: ReportingCaller,
  parentPath: RawBuilder<unknown>,
  parentUnit: RawBuilder<unknown>,
  day: RawBuilder<unknown>,
): RawBuilder<boolean> {
  if (c.isAdmin) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from account_grants(${c.accountId}::uuid, ${c.today}::date) g
    where 'reporting.review' = any (g.permissions) and ${parentPath} <@ g.path
      and (g.body_id is null or ${reviewingBodyHas(sql`g.body_id`, parentUnit, day)}))`;
}

/** A filter on `report_submissions as <alias>`: the submissions the caller reads — those of the units and bodies it
 * reports for (reporting.submit) or reviews in its subtree (reporting.review), placed in the tree of their period;
 * a unit's report also by a reviewer narrowed to its parent unit's Front committee or bloc office line. */
export function submissionVisible(c: ReportingCaller, alias = 's'): RawBuilder<SqlBool> {
  if (c.isAdmin) return sql<SqlBool>`true`;
  const s = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<SqlBool>`exists (select 1 from unit_tree vu
    join account_grants(${c.accountId}::uuid, ${c.today}::date) g on vu.path <@ g.path
    where vu.unit_id = ${s('unit_id')}
      and (vu.valid_from is null or vu.valid_from <= ${s('period_end')}) and (vu.valid_to is null or ${s('period_end')} < vu.valid_to)
      and g.permissions && array['reporting.submit', 'reporting.review']
      and (g.body_id is null or g.body_id = any (body_line(${s('body_id')}))
        or (${s('body_id')} is null and 'reporting.review' = any (g.permissions) and vu.path <> g.path
          and ${reviewingBodyHas(sql`g.body_id`, sql`vu.parent_id`, s('period_end'))})))`;
}

/** The rights of the caller over a reporter (a unit, or a body of it) for a period ending on `periodEnd`: enter and
 * submit (reporting.submit over it), review (reporting.review over the level above: the parent unit in the period's
 * tree — whole, or its Front committee's or bloc office's line — for a unit's report, the body one level up its line
 * for a body's report) and read (either, or
 * reporting.review over it). Null when the unit is not in the tree on that day. */
export async function reporterRights(
  q: Q,
  c: ReportingCaller,
  r: { unitId: string; bodyId: string | null; periodEnd: string },
) {
  return (
    await sql<ReporterRights>`select u.unit_id, u.code as unit_code, u.name as unit_name, u.kind as unit_kind,
        u.level as unit_level, pu0.unit_id as parent_unit_id, pu0.name as parent_unit_name,
        b.id as body_id, b.name as body_name, b.kind as body_kind, b.unit_id as body_unit_id,
        pb.id as parent_body_id, pb.name as parent_body_name,
        ${holdsSql(c, 'reporting.submit', sql`u.path`, sql`b.id`)} as submit,
        case when b.id is null
          then nlevel(u.path) > 1 and ${reviewsUnitSql(c, sql`subpath(u.path, 0, nlevel(u.path) - 1)`, sql`u.parent_id`, sql`${r.periodEnd}::date`)}
          else pu.path is not null and ${holdsSql(c, 'reporting.review', sql`pu.path`, sql`pb.id`)} end as review,
        ${holdsSql(c, 'reporting.review', sql`u.path`, sql`b.id`)} as review_below
      from unit_tree u
      left join unit_tree pu0 on pu0.unit_id = u.parent_id
        and (pu0.valid_from is null or pu0.valid_from <= ${r.periodEnd}::date) and (pu0.valid_to is null or ${r.periodEnd}::date < pu0.valid_to)
      left join bodies b on b.id = ${r.bodyId}::uuid and b.deleted_at is null
      left join bodies pb on pb.id = b.parent_id and pb.deleted_at is null
      left join unit_tree pu on pu.unit_id = pb.unit_id
        and (pu.valid_from is null or pu.valid_from <= ${r.periodEnd}::date) and (pu.valid_to is null or ${r.periodEnd}::date < pu.valid_to)
      where u.unit_id = ${r.unitId}::uuid
        and (u.valid_from is null or u.valid_from <= ${r.periodEnd}::date) and (u.valid_to is null or ${r.periodEnd}::date < u.valid_to)
      limit 1`.execute(q)
  ).rows[0];
}

export type ReporterRights = {
  unit_id: string;
  unit_code: string | null;
  unit_name: string;
  unit_kind: string;
  unit_level: number;
  parent_unit_id: string | null;
  parent_unit_name: string | null;
  body_id: string | null;
  body_name: string | null;
  body_kind: string | null;
  body_unit_id: string | null;
  parent_body_id: string | null;
  parent_body_name: string | null;
  submit: boolean;
  review: boolean;
  review_below: boolean;
};

/** The units and bodies an account enters reports for today: the units of its assignments holding reporting.submit
 * (not their subtrees: a province officer does not report for every village) and the bodies of those units in force
 * today (narrowed assignments: the bodies of the narrowed body's line below it). */
export async function reportersOf(q: Q, accountId: string, day: string) {
  return (
    await sql<{
      unit_id: string;
      unit_code: string | null;
      unit_name: string;
      unit_kind: string;
      body_id: string | null;
      body_name: string | null;
      body_kind: string | null;
    }>`with ra as (
        select distinct ra.unit_id, ra.body_id from role_assignments ra join roles r on r.code = ra.role
         where ra.account_id = ${accountId}::uuid and ra.deleted_at is null and 'reporting.submit' = any (r.permissions)
           and (ra.valid_from is null or ra.valid_from <= ${day}::date) and (ra.valid_to is null or ${day}::date < ra.valid_to))
      select u.unit_id, u.code as unit_code, u.name as unit_name, u.kind as unit_kind,
             null::uuid as body_id, null::text as body_name, null::text as body_kind
        from ra join unit_tree u on u.unit_id = ra.unit_id
         and (u.valid_from is null or u.valid_from <= ${day}::date) and (u.valid_to is null or ${day}::date < u.valid_to)
       where ra.body_id is null
      union
      select u.unit_id, u.code, u.name, u.kind, b.id, b.name, b.kind
        from ra join unit_tree u on u.unit_id = ra.unit_id
         and (u.valid_from is null or u.valid_from <= ${day}::date) and (u.valid_to is null or ${day}::date < u.valid_to)
        join bodies b on b.unit_id = ra.unit_id and b.deleted_at is null
         and (b.valid_from is null or b.valid_from <= ${day}::date) and (b.valid_to is null or ${day}::date < b.valid_to)
       where ra.body_id is null or ra.body_id = any (body_line(b.id))`.execute(q)
  ).rows;
}
