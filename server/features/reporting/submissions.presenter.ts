import type { z } from 'zod';
import { periodLabel } from './periods.labels.ts';
import type { StoredValue, SummaryRow } from './submissions.repository.ts';
import { isLate, lockState } from './submissions.rules.ts';
import type { reportValue, submissionSummary } from './submissions.schemas.ts';

type Summary = z.infer<typeof submissionSummary>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentSummary(r: SummaryRow, conflicts: number, today: string): Summary {
  const { due } = lockState(r.period_end, r, today, null);
  return {
    id: r.id,
    form: { id: r.form_id, code: r.form_code, name: r.form_name },
    periodId: r.period_id,
    periodLabel: periodLabel({ id: r.period_id, firstMonth: r.first_month, lastMonth: r.last_month }),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    body: r.body_id ? { id: r.body_id, name: r.body_name ?? '' } : null,
    status: r.status as Summary['status'],
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    returnReason: r.return_reason,
    due,
    late: isLate(due, r, today),
    conflicts,
    version: r.version,
  };
}

export function presentValues(values: readonly StoredValue[]): z.infer<typeof reportValue>[] {
  return values.map((v) => ({ indicatorId: v.indicatorId, category: v.category, value: v.num, text: v.txt }));
}
