import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { findForm, indicatorsOf } from './forms.repository.ts';
import { fitsType, type PeriodType } from './periods.ts';
import { accessOf, reopenedBy, type ReportingRequest } from './reporting.scope.ts';
import * as scope from './reporting.scope.repository.ts';
import { valueProblem } from './checks.ts';
import * as repo from './submissions.repository.ts';
import {
  assertMay,
  checksOf,
  loadFacts,
  submissionDetail,
  versionForPeriod,
  type Facts,
} from './submissions.read.service.ts';
import { lockState, viDate } from './submissions.rules.ts';
import { addToTotals, addValuesToTotals } from './totals.write.repository.ts';

/**
 * The life of a report: a reporter opens a draft for a period, enters its values (saved as often as wanted), and
 * submits it; the level above approves it — its values go into every total in the same transaction — or returns it
 * with a reason; an approved report may be reopened (returned, its values taken out of the totals). A value also
 * reported by another approved submission (two bodies, two forms) is kept but not counted until a reviewer chooses.
 */

/** Opens a draft for a form, period and reporter (409 CONFLICT naming the existing one when there is one). */
export async function createSubmission(
  r: ReportingRequest,
  input: { formId: string; periodId: string; unitId: string; bodyId?: string },
) {
  const q = r.app.db;
  const form = await findForm(q, input.formId);
  if (!form) throw referenceRefused('formId');
  const found = await versionForPeriod(q, form.id, input.periodId);
  if (!found || !fitsType(form.period_type as PeriodType, found.period))
    throw invalid('periodId', 'validation.periodNotOfForm');
  const { period, version, days } = found;
  if (!version || !days) throw invalid('periodId', 'validation.noFormVersion');
  if (days.start > r.caller.today) throw invalid('periodId', 'validation.periodNotBegun');
  const rights = await scope.reporterRights(q, r.caller, {
    unitId: input.unitId,
    bodyId: input.bodyId ?? null,
    periodEnd: days.end,
  });
  if (!rights) throw referenceRefused('unitId');
  if (input.bodyId && rights.body_unit_id !== input.unitId) throw referenceRefused('bodyId');
  if (version.submitter === 'body' && !input.bodyId) throw invalid('bodyId', 'validation.bodyRequired');
  if (version.submitter === 'unit' && input.bodyId) throw invalid('bodyId', 'validation.bodyNotAllowed');
  if (version.submitter === 'unit' && version.unit_kinds.length && !version.unit_kinds.includes(rights.unit_kind))
    throw invalid('unitId', 'validation.notReporter');
  if (version.submitter === 'body' && version.body_kinds.length && !version.body_kinds.includes(rights.body_kind!))
    throw invalid('bodyId', 'validation.notReporter');
  // Units and a form's reporters are public; whether the caller reads this reporter's reports is not.
  const access = accessOf(rights);
  if (!access.read) throw referenceRefused('unitId');
  if (!access.submit) throw new AppError('FORBIDDEN');
  const until = await repo.reopenedUntil(q, form.id, period.id, input.unitId, r.caller.today);
  const lock = lockState(days.end, version, r.caller.today, until);
  if (lock.locked)
    throw new AppError('PERIOD_LOCKED', {
      params: { since: viDate(lock.locksOn!), reopenBy: reopenedBy(rights) ?? '' },
    });
  const existing = await repo.existingSubmission(q, form.id, period.id, input.unitId, input.bodyId ?? null);
  // The client finds the existing draft's id in the issue named `id`.
  if (existing)
    throw new AppError('CONFLICT', { params: { id: existing.id }, issues: [{ field: 'id', message: existing.id }] });
  const { id } = await inTransaction(q, r.actor, (trx) =>
    repo.insertSubmission(trx, {
      formId: form.id,
      formVersionId: version.id,
      periodId: period.id,
      firstMonth: period.firstMonth,
      lastMonth: period.lastMonth,
      periodStart: days.start,
      periodEnd: days.end,
      unitId: input.unitId,
      bodyId: input.bodyId ?? null,
      createdBy: r.caller.accountId,
    }),
  );
  return submissionDetail(r, id);
}

type ValueInput = { indicatorId: string; category?: string; value?: number | null; text?: string | null };

/** Saves a draft's (or a returned report's) values and narrative: the whole set, those left out removed. */
export async function saveValues(
  r: ReportingRequest,
  id: string,
  input: { version: number; values: ValueInput[]; narrative?: Record<string, string> },
) {
  const q = r.app.db;
  const f = await loadFacts(q, r.caller, id);
  assertMay(f, 'edit');
  const values = await checkedValues(r, f, input.values);
  const sections = new Set(((f.version.sections ?? []) as { key: string }[]).map((x) => x.key));
  let narrative: Record<string, string> | undefined;
  if (input.narrative) {
    narrative = {};
    for (const [key, text] of Object.entries(input.narrative)) {
      if (!sections.has(key)) throw invalid(`narrative.${key}`, 'validation.narrativeSection');
      const t = text.normalize('NFC').trim();
      if (t) narrative[key] = t;
    }
  }
  await inTransaction(q, r.actor, async (trx) => {
    const done = await repo.updateSubmission(
      trx,
      id,
      input.version,
      narrative ? { narrative: JSON.stringify(narrative) } : {},
      r.app.clock.now(),
    );
    if (!done) throw new AppError('CONFLICT');
    await repo.replaceValues(trx, f.s, values);
  });
  return submissionDetail(r, id);
}

/** The values as stored, each checked against its indicator on the submission's form version: an indicator not on
 * it is refused as a missing one; numbers by value type; a breakdown by organisation only where the indicator has
 * one (each body kind, and the whole under '' — added up from the parts when not given). */
async function checkedValues(r: ReportingRequest, f: Facts, items: ValueInput[]): Promise<repo.StoredValue[]> {
  const q = r.app.db;
  const indicators = new Map((await indicatorsOf(q, [f.s.form_version_id])).map((i) => [i.indicator_id, i]));
  const live = await repo.liveIndicators(
    q,
    items.map((v) => v.indicatorId),
  );
  const kinds = await repo.bodyKindCodes(q);
  const out: repo.StoredValue[] = [];
  const seen = new Set<string>();
  for (const [n, item] of items.entries()) {
    const field = (k: string) => `values.${n}.${k}`;
    const ind = indicators.get(item.indicatorId);
    if (!ind || !live.has(item.indicatorId)) throw referenceRefused(field('indicatorId'));
    const category = item.category ?? '';
    if (category !== '' && ind.breakdown !== 'organisation')
      throw invalid(field('category'), 'validation.categoryNotAllowed');
    if (category !== '' && !kinds.has(category)) throw invalid(field('category'), 'validation.category');
    const key = `${item.indicatorId}/${category}`;
    if (seen.has(key)) throw invalid(field('indicatorId'), 'validation.duplicateValue');
    seen.add(key);
    const num = item.value ?? null;
    const txt = item.text?.normalize('NFC').trim() || null;
    if (ind.value_type === 'text') {
      if (num !== null) throw invalid(field('value'), 'validation.reportText');
    } else {
      if (txt !== null) throw invalid(field('text'), 'validation.reportNumber');
      const problem = num === null ? null : valueProblem(ind.value_type, num);
      if (problem) throw invalid(field('value'), problem);
    }
    if (num !== null || txt !== null) out.push({ indicatorId: item.indicatorId, category, num, txt });
  }
  const parts = new Map<string, number>();
  for (const v of out)
    if (v.category !== '' && v.num !== null) parts.set(v.indicatorId, (parts.get(v.indicatorId) ?? 0) + v.num);
  for (const [indicatorId, sum] of parts)
    if (!seen.has(`${indicatorId}/`)) out.push({ indicatorId, category: '', num: sum, txt: null });
  return out;
}

/** Submits a draft or a returned report; blocking checks refuse it (422 with the checks as issues). */
export async function submitSubmission(r: ReportingRequest, id: string, input: { version: number }) {
  const q = r.app.db;
  const f = await loadFacts(q, r.caller, id);
  assertMay(f, 'submit');
  const indicators = await indicatorsOf(q, [f.s.form_version_id]);
  const checks = await checksOf(q, r.lang, f.s, indicators, await repo.valuesOf(q, id));
  const blocking = checks.filter((c) => c.severity === 'blocking');
  if (blocking.length)
    throw new AppError('CHECKS_FAILED', {
      issues: blocking.map((c) => ({ field: `values.${c.indicatorId}`, message: c.message })),
    });
  const now = r.app.clock.now();
  await decide(r, id, input.version, {
    status: 'submitted',
    submitted_at: now,
    submitted_by: r.caller.accountId,
    return_reason: null,
  });
  return submissionDetail(r, id);
}

/** Approves a submitted report: its values are counted (unless another approved report already counts the same
 * figure) and added into every total in the same transaction. */
export async function approveSubmission(r: ReportingRequest, id: string, input: { version: number }) {
  const f = await loadFacts(r.app.db, r.caller, id);
  assertMay(f, 'approve');
  await decide(r, id, input.version, decision(r, 'approved', null), async (trx) => {
    await repo.lockUnitFigures(trx, id);
    await repo.markCounted(trx, id);
    await addToTotals(trx, id, 1);
  });
  return submissionDetail(r, id);
}

/** Returns a submitted report to its reporter with a reason. */
export async function returnSubmission(r: ReportingRequest, id: string, input: { version: number; reason: string }) {
  const f = await loadFacts(r.app.db, r.caller, id);
  assertMay(f, 'return');
  await decide(r, id, input.version, decision(r, 'returned', input.reason));
  return submissionDetail(r, id);
}

/** Reopens an approved report (it becomes returned, with the reason): its values leave the totals at once, and a
 * value of another approved report that it kept out of them takes its place. */
export async function reopenSubmission(r: ReportingRequest, id: string, input: { version: number; reason: string }) {
  const f = await loadFacts(r.app.db, r.caller, id);
  assertMay(f, 'reopen');
  await decide(r, id, input.version, decision(r, 'returned', input.reason), async (trx) => {
    await repo.lockUnitFigures(trx, id);
    const heirs = await repo.orphanedByReopen(trx, id);
    await addToTotals(trx, id, -1);
    await repo.uncount(trx, id);
    for (const h of heirs) {
      // two reports may have waited behind this one for the same figure: the first one promoted takes its place
      if ((await repo.countedRivals(trx, h.submission_id, h.indicator_id, h.category)).length) continue;
      await addValuesToTotals(trx, h.submission_id, h.indicator_id, h.category, 1);
      await repo.setCounted(trx, h.submission_id, h.indicator_id, h.category, true);
    }
  });
  return submissionDetail(r, id);
}

/** A reviewer chooses this report's value of a conflict as the one counted; the other reports' values of it are no
 * longer counted, and the totals follow both ways. */
export async function chooseConflict(
  r: ReportingRequest,
  id: string,
  input: { version: number; indicatorId: string; category: string },
) {
  const q = r.app.db;
  const f = await loadFacts(q, r.caller, id);
  if (!f.access.review) throw new AppError('FORBIDDEN');
  if (f.s.status !== 'approved') throw new AppError('INVALID_TRANSITION');
  const mine = (await repo.valuesOf(q, id)).find(
    (v) => v.indicatorId === input.indicatorId && v.category === input.category,
  );
  const conflicting = (await repo.conflictsOf(q, id)).some(
    (c) => c.indicator_id === input.indicatorId && c.category === input.category,
  );
  if (!mine || !conflicting) throw referenceRefused('indicatorId');
  await decide(r, id, input.version, {}, async (trx) => {
    await repo.lockUnitFigures(trx, id);
    for (const other of await repo.countedRivals(trx, id, input.indicatorId, input.category)) {
      await addValuesToTotals(trx, other, input.indicatorId, input.category, -1);
      await repo.setCounted(trx, other, input.indicatorId, input.category, false);
    }
    if (!mine.counted) {
      await addValuesToTotals(trx, id, input.indicatorId, input.category, 1);
      await repo.setCounted(trx, id, input.indicatorId, input.category, true);
    }
  });
  return submissionDetail(r, id);
}

const decision = (r: ReportingRequest, status: string, reason: string | null) => ({
  status,
  decided_at: r.app.clock.now(),
  decided_by: r.caller.accountId,
  return_reason: reason,
});

/** Moves a submission at the version read (409 when stale) and runs what goes with it, in one transaction. */
async function decide(
  r: ReportingRequest,
  id: string,
  version: number,
  set: Parameters<typeof repo.updateSubmission>[3],
  then?: (trx: Trx) => Promise<void>,
): Promise<void> {
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const done = await repo.updateSubmission(trx, id, version, set, r.app.clock.now());
    if (!done) throw new AppError('CONFLICT');
    if (then) await then(trx);
  });
}

/** Reopens a locked period until a day, for one unit's reporters (its reviewers: those of the level above) or for
 * every reporter of the form (administrators). */
export async function reopenPeriod(
  r: ReportingRequest,
  formId: string,
  periodId: string,
  input: { reason: string; until: string; unitId?: string },
) {
  const q = r.app.db;
  const form = await findForm(q, formId);
  if (!form) throw new AppError('NOT_FOUND');
  const found = await versionForPeriod(q, form.id, periodId);
  if (!found || !fitsType(form.period_type as PeriodType, found.period))
    throw invalid('periodId', 'validation.periodNotOfForm');
  if (!found.days) throw invalid('periodId', 'validation.noFormVersion');
  if (input.until < r.caller.today) throw invalid('until', 'validation.untilPast');
  if (input.unitId) {
    const rights = await scope.reporterRights(q, r.caller, {
      unitId: input.unitId,
      bodyId: null,
      periodEnd: found.days.end,
    });
    const access = accessOf(rights);
    if (!access.read) throw referenceRefused('unitId');
    if (!access.review) throw new AppError('FORBIDDEN');
  } else if (!r.caller.isAdmin) throw new AppError('FORBIDDEN');
  const row = await inTransaction(q, r.actor, (trx) =>
    repo.insertReopening(trx, {
      formId: form.id,
      periodId: found.period.id,
      unitId: input.unitId ?? null,
      reason: input.reason,
      until: input.until,
      by: r.caller.accountId,
    }),
  );
  return {
    id: row.id,
    formId: row.form_id,
    periodId: row.period_id,
    unitId: row.unit_id,
    reason: row.reason,
    until: row.until,
  };
}
