import { systemClock } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import type { ReportedAsk, ReportedFigure, ReportedFiguresSource } from '../work/index.ts';
import { periodLabel } from './periods.labels.ts';
import { idOfMonths, monthEnd, monthNumber, parsePeriod, type Period } from './periods.ts';
import * as repo from './task-figures.repository.ts';
import { readTotal } from './totals.service.ts';

type Q = Database | Trx;

/** Numeric indicators: what a task may take as its result. */
const NUMERIC = new Set(['integer', 'money', 'decimal', 'percentage']);

/** A task's period when it names none: its months from the start (in the due date's year) to the due date, else its
 * programme's year. */
export function taskPeriod(a: Pick<ReportedAsk, 'period' | 'startDate' | 'dueDate' | 'year'>): Period | null {
  if (a.period) return parsePeriod(a.period);
  if (!a.dueDate) return parsePeriod(String(a.year));
  const [y, m] = a.dueDate.split('-').map(Number) as [number, number];
  const last = monthNumber(y, m);
  const [sy, sm] = (a.startDate ?? '').split('-').map(Number);
  const first = sy === y && sm ? monthNumber(y, sm) : monthNumber(y, 1);
  const id = idOfMonths(first, last);
  return id ? parsePeriod(id) : null;
}

/**
 * The figures a task of the work module shows when it names an indicator: the approved total of GET
 * /api/reporting/totals (readTotal, the same reader and rounding as the dashboard) for the unit and period it names.
 * The task's readers see its figure: the work module has checked that the task is readable, so the total is read
 * as the system reads it.
 */
async function figures(q: Q, today: string, asks: readonly ReportedAsk[]): Promise<(ReportedFigure | null)[]> {
  const periods = asks.map(taskPeriod);
  const indicators = new Map(
    (await repo.liveIndicators(q, [...new Set(asks.map((a) => a.indicatorId))])).map((i) => [i.id, i]),
  );
  const places = asks.flatMap((a, i) =>
    periods[i] ? [{ unitId: a.unitId, day: monthEnd(periods[i].lastMonth) }] : [],
  );
  const units = new Map((await repo.unitsOn(q, places)).map((u) => [`${u.unit_id}|${u.asked}`, u]));
  const r = {
    app: { db: q as Database, clock: systemClock },
    actor: { accountId: null, label: 'work' },
    caller: { accountId: '', isAdmin: true, today },
    lang: 'vi' as const,
  };
  // asks alike (a task and its occurrences, a list of one group) are read once
  const read = new Map<string, Promise<ReportedFigure | null>>();
  return Promise.all(
    asks.map((a, i) => {
      const period = periods[i];
      const indicator = indicators.get(a.indicatorId);
      const unit = period ? units.get(`${a.unitId}|${monthEnd(period.lastMonth)}`) : undefined;
      if (!period || !indicator || !unit?.code) return Promise.resolve(null);
      const key = `${indicator.id}|${unit.unit_id}|${period.id}`;
      let p = read.get(key);
      if (!p) {
        const end = monthEnd(period.lastMonth);
        p = readTotal(r, { indicator: indicator.code, unit: unit.code, period: period.id, asOf: unit.day }).then(
          (t): ReportedFigure => ({
            indicator: { id: indicator.id, code: indicator.code, name: indicator.name, measure: indicator.measure },
            unit: { id: unit.unit_id, code: unit.code, name: unit.name },
            period: period.id,
            periodLabel: periodLabel(period),
            value: t.value,
            target: t.target,
            partial: t.partial,
            approvedReports: t.approvedReports,
            expectedReports: t.expectedReports,
            asOf: today < end ? today : end,
          }),
          // a figure that cannot be read (a unit not in the tree of the day) leaves the task without one
          (err: unknown) => {
            if (err instanceof AppError) return null;
            throw err;
          },
        );
        read.set(key, p);
      }
      return p;
    }),
  );
}

/** What the work module is handed at start-up (server/app.ts: provideReportedFigures). */
export const taskFiguresSource: ReportedFiguresSource = {
  refusal: async (q, id) => {
    const [i] = await repo.liveIndicators(q, [id]);
    if (!i) return 'missing';
    return NUMERIC.has(i.value_type) ? null : 'not_numeric';
  },
  validPeriod: (p) => parsePeriod(p) !== null,
  figures,
};
