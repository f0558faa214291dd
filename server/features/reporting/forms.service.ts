import dayjs from 'dayjs';
import { today } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { placePeriod, versionOnDay } from './forms.periods.ts';
import { presentForm, presentVersion } from './forms.presenter.ts';
import * as repo from './forms.repository.ts';
import type { FormVersionInput, PeriodTypeName } from './forms.schemas.ts';
import { findIndicators } from './indicators.repository.ts';
import { assertManager } from './indicators.service.ts';
import type { ReportingReading, ReportingRequest } from './reporting.scope.ts';
import { periodLabel } from './periods.labels.ts';
import { monthNumber, recentPeriods } from './periods.ts';

type Q = Database | Trx;

export async function listForms(r: ReportingReading) {
  const forms = await repo.listForms(r.app.db);
  const versions = await repo.versionsOf(
    r.app.db,
    forms.map((f) => f.id),
  );
  const day = today(r.app);
  const current = forms.map((f) =>
    versionOnDay(
      versions.filter((v) => v.form_id === f.id),
      day,
    ),
  );
  const indicators = await repo.indicatorsOf(
    r.app.db,
    current.flatMap((v) => (v ? [v.id] : [])),
  );
  return forms.map((f, i) => ({
    ...presentForm(f),
    current: current[i] ? presentVersion(current[i], indicators) : null,
  }));
}

export async function getForm(r: Pick<ReportingReading, 'app'>, id: string) {
  const form = await repo.findForm(r.app.db, id);
  if (!form) throw new AppError('NOT_FOUND');
  const versions = await repo.versionsOf(r.app.db, [id]);
  const indicators = await repo.indicatorsOf(
    r.app.db,
    versions.map((v) => v.id),
  );
  return { ...presentForm(form), versions: versions.map((v) => presentVersion(v, indicators)) };
}

export async function createForm(
  r: ReportingRequest,
  input: { code: string; name: string; periodType: PeriodTypeName; firstVersion: FormVersionInput },
) {
  await assertManager(r);
  const id = await inTransaction(r.app.db, r.actor, async (trx) => {
    if (await repo.formCodeTaken(trx, input.code))
      throw new AppError('ALREADY_EXISTS', {
        field: 'code',
        issues: [{ field: 'code', message: 'validation.formCodeTaken' }],
      });
    await checkVersion(trx, input.firstVersion, 'firstVersion.');
    const formId = await repo.insertForm(trx, { code: input.code, name: input.name, period_type: input.periodType });
    const versionId = await repo.insertVersion(trx, formId, null, versionValues(input.firstVersion));
    await repo.setVersionIndicators(trx, versionId, input.firstVersion.indicators);
    return formId;
  });
  return getForm(r, id);
}

export async function updateForm(r: ReportingRequest, id: string, input: { version: number; name?: string }) {
  await assertManager(r);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const form = await repo.lockForm(trx, id);
    if (!form) throw new AppError('NOT_FOUND');
    if (form.version !== input.version) throw new AppError('CONFLICT');
    if (input.name !== undefined) await repo.renameForm(trx, id, input.name);
  });
  return getForm(r, id);
}

/** A new version of a form from `validFrom`: the version in force until then ends the day before, so that periods
 * ending earlier keep what they asked. */
export async function addVersion(r: ReportingRequest, formId: string, input: FormVersionInput & { validFrom: string }) {
  await assertManager(r);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    if (!(await repo.lockForm(trx, formId))) throw new AppError('NOT_FOUND');
    const versions = await repo.versionsOf(trx, [formId]);
    // Versions never overlap: only the latest may be open, and the new one must start after it started.
    if (versions.some((v) => v.valid_from !== null && v.valid_from >= input.validFrom))
      throw invalid('validFrom', 'validation.versionNotAfter');
    await checkVersion(trx, input, '');
    for (const v of versions)
      if (v.valid_to === null || v.valid_to > input.validFrom) await repo.endVersion(trx, v.id, input.validFrom);
    const versionId = await repo.insertVersion(trx, formId, input.validFrom, versionValues(input));
    await repo.setVersionIndicators(trx, versionId, input.indicators);
  });
  return getForm(r, formId);
}

/** Corrects a version in place (its dates stay: a change from a date is a new version). */
export async function updateVersion(
  r: ReportingRequest,
  formId: string,
  versionId: string,
  input: Partial<FormVersionInput> & { version: number },
) {
  await assertManager(r);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const v = await repo.lockVersion(trx, formId, versionId);
    if (!v) throw new AppError('NOT_FOUND');
    if (v.version !== input.version) throw new AppError('CONFLICT');
    const indicators = (await repo.indicatorsOf(trx, [versionId])).map((i) => ({
      indicatorId: i.indicator_id,
      required: i.required,
    }));
    const now = presentVersion(v, []);
    const merged: FormVersionInput = {
      submitter: input.submitter ?? now.submitter,
      unitKinds: input.unitKinds ?? now.unitKinds,
      bodyKinds: input.bodyKinds ?? now.bodyKinds,
      windowDay: input.windowDay !== undefined ? input.windowDay : now.windowDay,
      dueDays: input.dueDays ?? now.dueDays,
      lockDays: input.lockDays !== undefined ? input.lockDays : now.lockDays,
      sections: input.sections ?? now.sections,
      indicators: input.indicators ?? indicators,
    };
    await checkVersion(trx, merged, '');
    await repo.updateVersion(trx, versionId, versionValues(merged));
    if (input.indicators) await repo.setVersionIndicators(trx, versionId, input.indicators);
  });
  return getForm(r, formId);
}

/** The periods of a form up to a day, the latest first (the one running that day included), each with its
 * Vietnamese name, its days under the collection window of the version in force on its last day, due and lock. */
export async function formPeriods(r: ReportingReading, formId: string, q: { date?: string; count: number }) {
  const form = await repo.findForm(r.app.db, formId);
  if (!form) throw new AppError('NOT_FOUND');
  const versions = await repo.versionsOf(r.app.db, [formId]);
  const date = q.date ?? today(r.app);
  const d = dayjs(date);
  // With a collection window a period starts in the month before its first month: look one month ahead.
  const candidates = recentPeriods(
    form.period_type as PeriodTypeName,
    monthNumber(d.year(), d.month() + 1) + 1,
    q.count + 2,
  );
  const items = [];
  for (const p of candidates) {
    const placed = placePeriod(versions, p);
    if (!placed || placed.start > date) continue;
    items.push({
      id: p.id,
      label: periodLabel(p),
      start: placed.start,
      end: placed.end,
      due: placed.due,
      locksOn: placed.locksOn,
    });
    if (items.length === q.count) break;
  }
  // A locked period says whether, until when, for whom and why it was opened again.
  const reopenings = await repo.reopeningsOf(
    r.app.db,
    formId,
    items.map((p) => p.id),
    date,
  );
  return items.map((p) => ({
    ...p,
    reopenings: reopenings
      .filter((o) => o.period_id === p.id)
      .map((o) => ({
        unitId: o.unit_id,
        unitName: o.unit_name,
        reason: o.reason,
        until: o.until,
        by: o.reopened_by,
        at: o.created_at.toISOString(),
      })),
  }));
}

function versionValues(v: FormVersionInput): repo.VersionValues {
  return {
    submitter: v.submitter,
    unit_kinds: [...new Set(v.unitKinds)],
    body_kinds: [...new Set(v.bodyKinds)],
    window_day: v.windowDay,
    due_days: v.dueDays,
    lock_days: v.lockDays,
    sections: v.sections,
  };
}

/** The rules of a version: who submits is named, the kinds are known, the section keys differ, and every indicator
 * is a live indicator entered by reporters, named once. `prefix` is where the version sits in the request. */
async function checkVersion(q: Q, v: FormVersionInput, prefix: string): Promise<void> {
  if (v.submitter === 'unit' && !v.unitKinds.length)
    throw invalid(`${prefix}unitKinds`, 'validation.unitKindsRequired');
  if (v.submitter === 'body' && !v.bodyKinds.length)
    throw invalid(`${prefix}bodyKinds`, 'validation.bodyKindsRequired');
  const unknown = await repo.unknownKinds(q, v.unitKinds, v.bodyKinds);
  if (unknown.unit.length)
    throw invalid(`${prefix}unitKinds.${v.unitKinds.indexOf(unknown.unit[0]!)}`, 'validation.kindUnknownCode');
  if (unknown.body.length)
    throw invalid(`${prefix}bodyKinds.${v.bodyKinds.indexOf(unknown.body[0]!)}`, 'validation.kindUnknownCode');
  const keys = v.sections.map((s) => s.key);
  const dupKey = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (dupKey >= 0) throw invalid(`${prefix}sections.${dupKey}.key`, 'validation.duplicate');
  const ids = v.indicators.map((i) => i.indicatorId);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) throw invalid(`${prefix}indicators.${dup}.indicatorId`, 'validation.duplicate');
  const found = new Map((await findIndicators(q, { ids })).map((i) => [i.id, i]));
  for (const [i, id] of ids.entries()) {
    const ind = found.get(id);
    if (!ind) throw referenceRefused(`${prefix}indicators.${i}.indicatorId`);
    if (ind.kind !== 'entered')
      throw invalid(`${prefix}indicators.${i}.indicatorId`, 'validation.formIndicatorNotEntered');
  }
}
