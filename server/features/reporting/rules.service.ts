import type { Database } from '../../db/database.ts';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { findForm } from './forms.repository.ts';
import { findIndicators } from './indicators.repository.ts';
import { assertManager } from './indicators.service.ts';
import type { ReportingReading, ReportingRequest } from './reporting.scope.ts';
import { presentRule } from './rules.presenter.ts';
import * as repo from './rules.repository.ts';
import type { RuleFields } from './rules.schemas.ts';

type Q = Database | Trx;

/** Validation rules are data ("hộ mẫu đạt ≤ hộ đăng ký", "far outside its own history"); the submissions part
 * evaluates them. */
export async function listRules(r: ReportingReading, q: { form?: string; indicator?: string }) {
  return (await repo.listRules(r.app.db, { formId: q.form, indicatorId: q.indicator })).map(presentRule);
}

type RuleInput = Omit<RuleFields, 'formId' | 'op' | 'otherIndicatorId' | 'constant' | 'factor' | 'message'> &
  Partial<Pick<RuleFields, 'formId' | 'op' | 'otherIndicatorId' | 'constant' | 'factor' | 'message'>>;

export async function createRule(r: ReportingRequest, input: RuleInput) {
  await assertManager(r);
  const id = await inTransaction(r.app.db, r.actor, async (trx) =>
    repo.insertRule(
      trx,
      await checked(trx, {
        formId: input.formId ?? null,
        indicatorId: input.indicatorId,
        kind: input.kind,
        op: input.op ?? null,
        otherIndicatorId: input.otherIndicatorId ?? null,
        constant: input.constant ?? null,
        factor: input.factor ?? null,
        severity: input.severity,
        message: input.message ?? null,
      }),
    ),
  );
  return presentRule((await repo.findRule(r.app.db, id))!);
}

export async function updateRule(r: ReportingRequest, id: string, input: Partial<RuleFields> & { version: number }) {
  await assertManager(r);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await repo.lockRule(trx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== input.version) throw new AppError('CONFLICT');
    const now = presentRule(row);
    const pick = <K extends keyof RuleFields>(k: K) => (input[k] !== undefined ? input[k] : now[k]) as RuleFields[K];
    await repo.updateRule(
      trx,
      id,
      await checked(trx, {
        formId: pick('formId'),
        indicatorId: pick('indicatorId'),
        kind: pick('kind'),
        op: pick('op'),
        otherIndicatorId: pick('otherIndicatorId'),
        constant: pick('constant'),
        factor: pick('factor'),
        severity: pick('severity'),
        message: pick('message'),
      }),
    );
  });
  return presentRule((await repo.findRule(r.app.db, id))!);
}

export async function deleteRule(r: ReportingRequest, id: string, input: { version: number }) {
  await assertManager(r);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await repo.lockRule(trx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== input.version) throw new AppError('CONFLICT');
    await repo.softDeleteRule(trx, id);
  });
}

/** A compare rule names its operator and exactly one of another indicator or a constant; a history rule its factor.
 * What a kind does not use is cleared. Every id names a live record. */
async function checked(q: Q, f: RuleFields): Promise<repo.RuleValues> {
  if (f.kind === 'compare') {
    if (!f.op) throw invalid('op', 'validation.required');
    if ((f.otherIndicatorId === null) === (f.constant === null))
      throw invalid('otherIndicatorId', 'validation.ruleOtherOrConstant');
    if (f.otherIndicatorId === f.indicatorId) throw invalid('otherIndicatorId', 'validation.ruleOtherSelf');
  } else if (f.factor === null) throw invalid('factor', 'validation.required');
  if (f.formId && !(await findForm(q, f.formId))) throw referenceRefused('formId');
  const compare = f.kind === 'compare';
  const ids = [f.indicatorId, ...(compare && f.otherIndicatorId ? [f.otherIndicatorId] : [])];
  const found = new Map((await findIndicators(q, { ids })).map((i) => [i.id, i]));
  for (const [field, id] of [
    ['indicatorId', f.indicatorId],
    ['otherIndicatorId', compare ? f.otherIndicatorId : null],
  ] as const) {
    if (!id) continue;
    const ind = found.get(id);
    if (!ind) throw referenceRefused(field);
    if (ind.value_type === 'text') throw invalid(field, 'validation.ruleTextIndicator');
  }
  return {
    form_id: f.formId,
    indicator_id: f.indicatorId,
    kind: f.kind,
    op: compare ? f.op : null,
    other_indicator_id: compare ? f.otherIndicatorId : null,
    constant: compare ? f.constant : null,
    factor: compare ? null : f.factor,
    severity: f.severity,
    message: f.message,
  };
}
