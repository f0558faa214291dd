import { today } from '../../clock.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { translate } from '../../i18n/messages.ts';
import { sendNotificationsOnce } from '../notifications/index.ts';
import { periodLabel } from './periods.labels.ts';
import { fitsType, parsePeriod, periodDays, periodDeadlines, type PeriodType } from './periods.ts';
import * as repo from './completeness.repository.ts';
import type { ReportingRequest } from './reporting.scope.ts';

type Status = 'on_time' | 'late' | 'missing' | 'draft' | 'returned';

/** The reporters a form expects for a period under a unit, and where each report stands. */
async function standing(
  r: ReportingRequest,
  input: { formId: string; period: string; unit: { id?: string; code?: string } },
  field: { form: string; unit: string },
) {
  const q = r.app.db;
  const p = parsePeriod(input.period)!;
  const probe = await repo.formOn(q, input.formId, periodDays(p, null).end);
  if (!probe) throw field.form === 'form' ? new AppError('NOT_FOUND', { field: 'form' }) : referenceRefused(field.form);
  if (!fitsType(probe.period_type as PeriodType, p)) throw invalid('period', 'validation.periodNotOfForm');
  // the period's days follow the version in force on its calendar end; its epoch is that of its last day
  const days = periodDays(p, probe.window_day);
  const form = (await repo.formOn(q, input.formId, days.end))!;
  if (!form.submitter) throw invalid('period', 'validation.noFormVersion');
  const unit = await repo.unitFor(q, r.caller, input.unit, days.end);
  if (!unit?.readable)
    throw field.unit === 'unit' ? new AppError('NOT_FOUND', { field: 'unit' }) : referenceRefused(field.unit);
  const { due } = periodDeadlines(days.end, form.due_days, form.lock_days);
  const rows = await repo.reportersOf(q, {
    formId: form.id,
    periodId: p.id,
    path: unit.path,
    day: days.end,
    due,
    submitter: form.submitter,
    unitKinds: form.unit_kinds,
    bodyKinds: form.body_kinds,
  });
  const items = rows.map((x) => ({
    unit: { id: x.unit_id, code: x.unit_code, name: x.unit_name },
    body: x.body_id ? { id: x.body_id, name: x.body_name ?? '' } : null,
    status: statusOf(x),
    submittedAt: x.submitted_at && statusOf(x) !== 'draft' ? new Date(x.submitted_at).toISOString() : null,
  }));
  return { form, period: p, unit, due, items };
}

function statusOf(x: repo.ReporterRow): Status {
  switch (x.submission_status) {
    case null:
      return 'missing';
    case 'draft':
      return 'draft';
    case 'returned':
      return 'returned';
    default:
      return x.on_time === false ? 'late' : 'on_time';
  }
}

export async function readCompleteness(r: ReportingRequest, input: { form: string; period: string; unit: string }) {
  const s = await standing(
    r,
    { formId: input.form, period: input.period, unit: { code: input.unit } },
    { form: 'form', unit: 'unit' },
  );
  const onTime = s.items.filter((i) => i.status === 'on_time').length;
  const late = s.items.filter((i) => i.status === 'late').length;
  return {
    expected: s.items.length,
    onTime,
    late,
    missing: s.items.length - onTime - late,
    due: s.due,
    items: s.items,
  };
}

/** Reminds those who report for the units and bodies that have not submitted (no report, a draft, a returned one),
 * through the notifications: once a day per account. By those who review or manage reporting over the unit. */
export async function remindMissing(r: ReportingRequest, input: { formId: string; periodId: string; unitId: string }) {
  const s = await standing(
    r,
    { formId: input.formId, period: input.periodId, unit: { id: input.unitId } },
    { form: 'formId', unit: 'unitId' },
  );
  if (!s.unit.reminds) throw new AppError('FORBIDDEN');
  const missing = s.items.filter((i) => i.status === 'missing' || i.status === 'draft' || i.status === 'returned');
  const day = today(r.app);
  const accounts = await repo.submittersOf(
    r.app.db,
    missing.map((m) => ({ unitId: m.unit.id, bodyId: m.body?.id ?? null })),
    day,
  );
  if (!accounts.length) return { notified: 0 };
  const label = periodLabel(s.period);
  const due = s.due.split('-').reverse().join('/');
  const inserted = await inTransaction(r.app.db, r.actor, (trx) =>
    sendNotificationsOnce(
      trx,
      accounts.map((a) => {
        const lang = a.locale === 'en' ? 'en' : 'vi';
        return {
          account_id: a.account_id,
          kind: 'report_missing',
          task_id: null,
          day,
          title: translate(lang, 'reporting.remind.title', { form: s.form.name, period: label }).normalize('NFC'),
          body: translate(lang, 'reporting.remind.body', { due }).normalize('NFC'),
          link: '/bao-cao',
        };
      }),
    ),
  );
  return { notified: inserted.length };
}
