import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import { evaluateChecks, type Check } from './checks.ts';
import {
  formVersionOn,
  indicatorsOf,
  versionsOf,
  type VersionIndicatorRow,
  type VersionRow,
} from './forms.repository.ts';
import { presentVersion } from './forms.presenter.ts';
import { periodLabel } from './periods.labels.ts';
import { monthEnd, parsePeriod, periodDays, previousPeriod, recentPeriods, samePeriodLastYear } from './periods.ts';
import { accessOf, reopenedBy, type ReportingCaller, type ReportingRequest } from './reporting.scope.ts';
import * as scope from './reporting.scope.repository.ts';
import { presentSummary, presentValues } from './submissions.presenter.ts';
import * as repo from './submissions.repository.ts';
import { LIFECYCLE, isLate, lockState, viDate } from './submissions.rules.ts';

type Q = Database | Trx;

/** A submission the caller reads, with its form version, the caller's rights over its reporter and its lock. */
export async function loadFacts(q: Q, c: ReportingCaller, id: string) {
  const s = await repo.findSubmission(q, id);
  if (!s) throw new AppError('NOT_FOUND');
  const rights = await scope.reporterRights(q, c, { unitId: s.unit_id, bodyId: s.body_id, periodEnd: s.period_end });
  const access = accessOf(rights);
  if (!access.read || !rights) throw new AppError('NOT_FOUND');
  const version = (await versionsOf(q, [s.form_id])).find((v) => v.id === s.form_version_id)!;
  const until = await repo.reopenedUntil(q, s.form_id, s.period_id, s.unit_id, c.today);
  const lock = lockState(s.period_end, version, c.today, until);
  // Whoever submitted a report does not approve it, as whoever reported a task done does not accept it.
  const submittedByCaller = s.submitted_by !== null && s.submitted_by === c.accountId;
  return { s, rights, access, version, lock, submittedByCaller };
}
export type Facts = Awaited<ReturnType<typeof loadFacts>>;

/** Refuses what the caller may not do now: 403 without the right or (approving) on its own submission, 409 from the
 * wrong status or in a locked period. */
export function assertMay(f: Facts, action: keyof typeof LIFECYCLE): void {
  const rule = LIFECYCLE[action];
  if (!f.access[rule.who]) throw new AppError('FORBIDDEN');
  if (!(rule.from as readonly string[]).includes(f.s.status)) throw new AppError('INVALID_TRANSITION');
  if (action === 'approve' && f.submittedByCaller) throw new AppError('SELF_APPROVE');
  if (rule.who === 'submit' && f.lock.locked)
    throw new AppError('PERIOD_LOCKED', {
      params: { since: viDate(f.lock.locksOn!), reopenBy: reopenedBy(f.rights) ?? '' },
    });
}

/** The checks of a submission's values against the rules of its form and its own history. */
export async function checksOf(
  q: Q,
  lang: Lang,
  s: repo.SubmissionRow,
  indicators: readonly VersionIndicatorRow[],
  values: readonly repo.StoredValue[],
): Promise<Check[]> {
  const ids = indicators.map((i) => i.indicator_id);
  const rules = await repo.rulesFor(q, s.form_id, ids);
  const historyIds = [...new Set(rules.filter((r) => r.kind === 'history').map((r) => r.indicator_id))];
  const history = await repo.historyMeans(q, s, historyIds);
  const whole = new Map<string, number | string | null>(
    values.filter((v) => v.category === '').map((v) => [v.indicatorId, v.num ?? v.txt]),
  );
  return evaluateChecks({
    indicators: indicators.map((i) => ({
      id: i.indicator_id,
      name: i.name,
      required: i.required,
      value_type: i.value_type,
    })),
    values: whole,
    rules,
    history,
    lang,
  });
}

/** A submission as the API shows it. */
export async function submissionDetail(r: { app: { db: Q }; caller: ReportingCaller; lang: Lang }, id: string) {
  const q = r.app.db;
  const f = await loadFacts(q, r.caller, id);
  return detailOf(q, r.caller, r.lang, f);
}

async function detailOf(q: Q, c: ReportingCaller, lang: Lang, f: Facts) {
  const { s } = f;
  const [summaryRow] = await repo.summaries(q, [s.id]);
  const indicators = await indicatorsOf(q, [s.form_version_id]);
  const values = await repo.valuesOf(q, s.id);
  const conflicts = await repo.conflictsOf(q, s.id);
  const period = { id: s.period_id, firstMonth: s.first_month, lastMonth: s.last_month };
  const around = async (p: ReturnType<typeof previousPeriod>) => {
    if (!p) return null;
    const v = await repo.approvedValuesFor(q, s, p.id);
    return v ? { periodId: p.id, values: presentValues(v) } : null;
  };
  const may = (a: keyof typeof LIFECYCLE) => {
    try {
      assertMay(f, a);
      return true;
    } catch {
      return false;
    }
  };
  const conflictKeys = new Set(conflicts.map((x) => `${x.indicator_id}/${x.category}`));
  return {
    ...presentSummary(summaryRow!, conflictKeys.size, c.today),
    formVersion: presentVersion(f.version, indicators),
    values: presentValues(values),
    previous: await around(previousPeriod(period)),
    lastYear: await around(samePeriodLastYear(period)),
    narrative: (s.narrative ?? {}) as Record<string, string>,
    checks: await checksOf(q, lang, s, indicators, values),
    conflicts: conflicts.map((x) => ({
      indicatorId: x.indicator_id,
      category: x.category,
      value: x.num === null ? null : Number(x.num),
      counted: x.counted,
      other: {
        submissionId: x.other_id,
        formName: x.form_name,
        unitName: x.unit_name,
        bodyName: x.body_name,
        value: x.other_num === null ? null : Number(x.other_num),
        counted: x.other_counted,
      },
    })),
    lock: {
      locked: f.lock.locked,
      locksOn: f.lock.locksOn,
      reason: f.lock.locked ? translate(lang, 'reporting.locked', { since: viDate(f.lock.locksOn!) }) : null,
      reopenBy: reopenedBy(f.rights),
    },
    can: {
      edit: may('edit'),
      submit: may('submit'),
      approve: may('approve'),
      return: may('return'),
      reopen: may('reopen'),
    },
  };
}

/** The submissions the caller reviews or made. */
export async function listSubmissions(
  r: ReportingRequest,
  query: { form?: string; period?: string; status?: string; unit?: string; page: number; pageSize: number },
) {
  const q = r.app.db;
  let unitPath: string | null | undefined;
  if (query.unit) unitPath = await repo.unitPathByCode(q, query.unit, r.caller.today);
  if (unitPath === null) return { items: [], total: 0 };
  const { ids, total } = await repo.listSubmissions(q, r.caller, {
    formId: query.form,
    periodId: query.period,
    status: query.status,
    unitPath,
    page: query.page,
    pageSize: query.pageSize,
  });
  const [rows, counts] = await Promise.all([repo.summaries(q, ids), repo.conflictCounts(q, ids)]);
  return { items: rows.map((row) => presentSummary(row, counts.get(row.id) ?? 0, r.caller.today)), total };
}

/** What the caller must report now: for each unit or body it reports for, each form whose version in force names its
 * kind, the latest period that has ended; drafts and returned reports first, then those not begun. */
export async function myReports(r: ReportingRequest, query: { date?: string }) {
  const q = r.app.db;
  const day = query.date ?? r.caller.today;
  const [reporters, forms] = await Promise.all([
    scope.reportersOf(q, r.caller.accountId, day),
    repo.formsAsking(q, day),
  ]);
  const month = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  type Item = {
    form: (typeof forms)[number];
    period: { id: string; firstMonth: number; lastMonth: number; start: string; end: string };
    reporter: (typeof reporters)[number];
  };
  const items: Item[] = [];
  for (const form of forms) {
    if (form.period_type === 'ad_hoc') continue;
    const periods = recentPeriods(form.period_type as 'month', month, 3);
    const p = periods
      .map((x) => ({ ...x, ...periodDays(x, form.window_day) }))
      .find((x) => x.end < day && x.start <= day);
    if (!p) continue;
    for (const rep of reporters) {
      const fits =
        form.submitter === 'unit'
          ? rep.body_id === null && (form.unit_kinds.length === 0 || form.unit_kinds.includes(rep.unit_kind))
          : rep.body_id !== null && (form.body_kinds.length === 0 || form.body_kinds.includes(rep.body_kind!));
      if (fits) items.push({ form, period: p, reporter: rep });
    }
  }
  const found = await repo.submissionsOfReporters(
    q,
    items.map((i) => ({
      formId: i.form.id,
      periodId: i.period.id,
      unitId: i.reporter.unit_id,
      bodyId: i.reporter.body_id,
    })),
  );
  const idByKey = new Map(found.map((f) => [f.key, f.id]));
  const ids = found.map((f) => f.id);
  const [rows, counts] = await Promise.all([repo.summaries(q, ids), repo.conflictCounts(q, ids)]);
  const summaryById = new Map(rows.map((row) => [row.id, presentSummary(row, counts.get(row.id) ?? 0, day)]));
  const out = items.map((i) => {
    const id = idByKey.get(`${i.form.id}|${i.period.id}|${i.reporter.unit_id}|${i.reporter.body_id ?? ''}`);
    const submission = id ? (summaryById.get(id) ?? null) : null;
    const { due, locksOn } = lockState(i.period.end, i.form, day, null);
    return {
      form: { id: i.form.id, code: i.form.code, name: i.form.name, periodType: i.form.period_type },
      period: { id: i.period.id, label: periodLabel(i.period), start: i.period.start, end: i.period.end, due, locksOn },
      unit: { id: i.reporter.unit_id, code: i.reporter.unit_code, name: i.reporter.unit_name },
      body: i.reporter.body_id ? { id: i.reporter.body_id, name: i.reporter.body_name ?? '' } : null,
      submission,
      late: isLate(due, submission ? { status: submission.status, submitted_at: submission.submittedAt } : null, day),
    };
  });
  const rank = (s: { status: string } | null) =>
    s === null ? 1 : s.status === 'draft' || s.status === 'returned' ? 0 : s.status === 'submitted' ? 2 : 3;
  return { items: out.sort((a, b) => rank(a.submission) - rank(b.submission)) };
}

/** The form version a new report of a period takes (the one in force on the period's last calendar day), with the
 * days its figures cover. */
export async function versionForPeriod(q: Q, formId: string, periodId: string) {
  const p = parsePeriod(periodId);
  if (!p) return null;
  const version: VersionRow | undefined = await formVersionOn(q, formId, monthEnd(p.lastMonth));
  return { period: p, version, days: version ? periodDays(p, version.window_day) : null };
}
