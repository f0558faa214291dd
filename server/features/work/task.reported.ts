import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { planFigures } from '../../i18n/figures.ts';
import { unitWithinOwner } from './task.reported.repository.ts';

type Q = Database | Trx;

/**
 * A task may name an indicator of the reporting module as its target: its result, and its target when it has none of
 * its own, are then the approved totals of that indicator for a unit's subtree over a period.
 *
 * The work module does not import reporting: reporting already reaches the work module (through the notifications
 * it sends), so the figures come in the other way — reporting hands the work module a source at start-up
 * (`provideReportedFigures`, called by server/app.ts with reporting's `taskFiguresSource`), as the handover module
 * is handed its providers. Without a source (a process without reporting) a task naming an indicator shows no figure
 * and no new one can be named.
 */

/** What a task asks of reporting. `period` null: its months from the start to the due date, else its programme's
 * year. */
export type ReportedAsk = {
  indicatorId: string;
  unitId: string;
  period: string | null;
  startDate: string | null;
  dueDate: string | null;
  year: number;
};

/** The approved total reporting gives back (GET /api/reporting/totals, read for the task's unit and period). */
export type ReportedFigure = {
  indicator: { id: string; code: string; name: string; measure: string | null };
  unit: { id: string; code: string | null; name: string };
  period: string;
  periodLabel: string;
  value: number | null;
  target: number | null;
  partial: boolean;
  approvedReports: number;
  expectedReports: number;
  /** the approved reports counted up to this day: the period's last day, or today while the period runs */
  asOf: string;
};

export type ReportedFiguresSource = {
  /** Why the indicator may not be named: missing (or deleted), not numeric; null when it may. */
  refusal: (q: Q, indicatorId: string) => Promise<'missing' | 'not_numeric' | null>;
  /** Whether a period id or range is one reporting reads. */
  validPeriod: (period: string) => boolean;
  /** The figures of the asks, in order (null: none can be read, e.g. the unit has no code on the period's day). */
  figures: (q: Q, today: string, asks: readonly ReportedAsk[]) => Promise<(ReportedFigure | null)[]>;
};

let source: ReportedFiguresSource | null = null;

/** Set once at start-up (server/app.ts). */
export function provideReportedFigures(s: ReportedFiguresSource): void {
  source = s;
}

/** The target fields of a task's input. */
export type TargetIndicatorInput = {
  targetIndicatorId?: string | null;
  targetIndicatorUnitId?: string | null;
  targetIndicatorPeriod?: string | null;
};

/** Checks what a task's target names, in the order of the fields: the indicator exists and is numeric, the unit lies
 * in the subtree of the programme owner's unit (in any tree since the records began), the period is one reporting
 * reads, and a unit or period comes with an indicator. `current`: the task's stored fields (an edit). */
export async function checkTargetIndicator(
  q: Q,
  input: TargetIndicatorInput,
  ownerUnit: { programmeId: string },
  current?: TargetIndicatorInput,
): Promise<void> {
  const indicatorId =
    input.targetIndicatorId !== undefined ? input.targetIndicatorId : (current?.targetIndicatorId ?? null);
  if (input.targetIndicatorId) {
    const why = source ? await source.refusal(q, input.targetIndicatorId) : 'missing';
    if (why === 'missing') throw referenceRefused('targetIndicatorId');
    if (why === 'not_numeric') throw invalid('targetIndicatorId', 'validation.indicatorNotNumeric');
  }
  if (input.targetIndicatorUnitId && !(await unitWithinOwner(q, input.targetIndicatorUnitId, ownerUnit.programmeId)))
    throw referenceRefused('targetIndicatorUnitId');
  if (input.targetIndicatorPeriod && !source?.validPeriod(input.targetIndicatorPeriod))
    throw invalid('targetIndicatorPeriod', 'validation.periodId');
  if (!indicatorId) {
    if (input.targetIndicatorUnitId) throw invalid('targetIndicatorUnitId', 'validation.targetIndicatorFirst');
    if (input.targetIndicatorPeriod) throw invalid('targetIndicatorPeriod', 'validation.targetIndicatorFirst');
  }
}

/** The columns of a task's target, from its input (an indicator removed takes its unit and period with it). */
export function targetIndicatorColumns(input: TargetIndicatorInput): Record<string, string | null> {
  const set: Record<string, string | null> = {};
  if (input.targetIndicatorId !== undefined) set.target_indicator_id = input.targetIndicatorId;
  if (input.targetIndicatorUnitId !== undefined) set.target_indicator_unit_id = input.targetIndicatorUnitId;
  if (input.targetIndicatorPeriod !== undefined) set.target_indicator_period = input.targetIndicatorPeriod || null;
  if (input.targetIndicatorId === null)
    Object.assign(set, { target_indicator_unit_id: null, target_indicator_period: null });
  return set;
}

/** What a row must hold for its figure. */
export type ReportedRow = {
  id: string;
  unit_id: string;
  start_date: string | null;
  due_date: string | null;
  programme_year: number;
  target_value: string | number | null;
  target_indicator_id: string | null;
  target_indicator_unit_id: string | null;
  target_indicator_period: string | null;
};

/** A task's figures from reporting, as the API gives them. */
export type TaskReported = {
  indicatorId: string;
  indicatorCode: string;
  indicatorName: string;
  measure: string | null;
  unitId: string;
  unitCode: string | null;
  unitName: string;
  period: string;
  periodLabel: string;
  asOf: string;
  value: number | null;
  target: number | null;
  targetFromReporting: boolean;
  percentOfTarget: number | null;
  difference: number | null;
  partial: boolean;
  approvedReports: number;
  expectedReports: number;
};

/** The reported figures of the rows that name an indicator, by task id (no read at all when none does). Asks alike
 * (one indicator, unit and period) are read once. */
export async function reportedOf(
  q: Q,
  today: string,
  rows: readonly ReportedRow[],
): Promise<Map<string, TaskReported>> {
  const out = new Map<string, TaskReported>();
  const naming = rows.filter((r) => r.target_indicator_id);
  if (!naming.length || !source) return out;
  const asks = naming.map((r): ReportedAsk => ({
    indicatorId: r.target_indicator_id!,
    unitId: r.target_indicator_unit_id ?? r.unit_id,
    period: r.target_indicator_period,
    startDate: r.start_date,
    dueDate: r.due_date,
    year: r.programme_year,
  }));
  const figures = await source.figures(q, today, asks);
  for (const [i, r] of naming.entries()) {
    const f = figures[i];
    if (!f) continue;
    const own = r.target_value === null ? null : Number(r.target_value);
    const target = own ?? f.target;
    const plan = planFigures(f.value, target);
    out.set(r.id, {
      indicatorId: f.indicator.id,
      indicatorCode: f.indicator.code,
      indicatorName: f.indicator.name,
      measure: f.indicator.measure,
      unitId: f.unit.id,
      unitCode: f.unit.code,
      unitName: f.unit.name,
      period: f.period,
      periodLabel: f.periodLabel,
      asOf: f.asOf,
      value: f.value,
      target,
      targetFromReporting: own === null && f.target !== null,
      percentOfTarget: plan?.percent ?? null,
      difference: plan?.difference ?? null,
      partial: f.partial,
      approvedReports: f.approvedReports,
      expectedReports: f.expectedReports,
    });
  }
  return out;
}
