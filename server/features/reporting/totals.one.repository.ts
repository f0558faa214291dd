import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ReportingCaller } from './reporting.scope.ts';
import {
  SLOT_JSON,
  formsCarryingSql,
  indicatorColumns,
  ownSlotsSql,
  reportersSql,
  targetsSql,
  totalSlotsSql,
  unitAtSql,
  type ExpectedForm,
  type IndicatorRule,
  type UnitAt,
} from './totals.repository.ts';

type Slot = [number, number, number, number, number | null];

/** What GET /totals reads for one indicator at one unit, in one statement. */
export type OneTotal = {
  indicator: IndicatorRule | null;
  unit: UnitAt | null;
  /** the unit's totals (a commune or above), or its own values (a village; an indicator aggregated `none`) */
  slots: Slot[] | null;
  own: Slot[] | null;
  targets: { value: number; exact: boolean }[] | null;
  /** the forms carrying the indicator over the range, each with the reporters it expects under the unit */
  forms: (ExpectedForm & { reporters: number })[] | null;
};

/**
 * The indicator named by `indicator`, the unit named by `unit` on `asOf` with the caller's read right, and the unit's
 * slots, target and expected reporters for the range: the five reads of a total (the indicator, the place, the
 * figure, the target, the reports expected) as one round trip, since the totals route is the one every dashboard
 * and monitoring probe calls. Only what an entered indicator read at a unit needs: the caller takes the general
 * path for the others (computed, coverage, a body's line, a category, a range reaching before the unit began).
 */
export async function oneTotal(q: Database, c: ReportingCaller, f: OneTotalAsk): Promise<OneTotal> {
  return (await oneTotalSql(c, f).execute(q)).rows[0]!;
}

type OneTotalAsk = {
  indicator: string;
  unit: string;
  asOf: string;
  first: number;
  last: number;
  from: string;
  to: string;
};

export function oneTotalSql(c: ReportingCaller, f: OneTotalAsk) {
  const iIds = sql`array[(select id from i)]`;
  const uIds = sql`array[(select unit_id from u)]`;
  const bounds = { first: f.first, last: f.last };
  const reporters = reportersSql({
    path: sql`(select path from u)::ltree`,
    day: f.asOf,
    unitKinds: sql`(case when fc.submitter = 'unit' then fc.unit_kinds else '{}' end)`,
    bodyKinds: sql`(case when fc.submitter = 'body' then fc.body_kinds else '{}' end)`,
  });
  return sql<OneTotal>`
    with i as (select ${indicatorColumns} from indicators where deleted_at is null and code = ${f.indicator} limit 1),
         u as (${unitAtSql(c, f.unit, f.asOf, null)})
    select (select row_to_json(i) from i) as indicator,
           (select row_to_json(u) from u) as unit,
           (select json_agg(${SLOT_JSON}) from (${totalSlotsSql({ indicator: sql`(select id from i)`, nodeKind: 'unit', node: sql`(select unit_id from u)`, ...bounds })}) t
             where (select level from u) <= 3) as slots,
           (select json_agg(${SLOT_JSON}) from (${ownSlotsSql({ indicatorIds: iIds, unitIds: uIds, bodyId: null, ...bounds })}) o
             where (select level from u) > 3 or (select tree_aggregation from i) = 'none') as own,
           (select json_agg(json_build_object('value', x.value, 'exact', x.exact))
              from (${targetsSql({ indicatorIds: iIds, nodeKind: 'unit', nodeIds: uIds, ...bounds })}) x) as targets,
           (select json_agg(to_jsonb(fc) || jsonb_build_object('reporters', r.units + r.bodies))
              from (${formsCarryingSql(iIds, f.from, f.to)}) fc cross join lateral (${reporters}) r) as forms`;
}
