import type { Database } from '../../db/database.ts';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { fold } from '../../i18n/names.ts';
import { findCycle, FormulaError, parseFormula } from './formula.ts';
import { presentIndicator } from './indicators.presenter.ts';
import * as repo from './indicators.repository.ts';
import type { IndicatorChange, IndicatorInput } from './indicators.schemas.ts';
import type { ReportingReading, ReportingRequest } from './reporting.scope.ts';

type Q = Database | Trx;

/** FORBIDDEN unless the caller manages reporting's reference data (indicators, forms, rules): an administrator, or
 * an account holding `reporting.manage` in any role assignment in force; every signed-in account reads it. */
export async function assertManager(r: ReportingRequest): Promise<void> {
  if (r.caller.isAdmin) return;
  if (!(await repo.holdsManage(r.app.db, r.caller.accountId, r.caller.today))) throw new AppError('FORBIDDEN');
}

export async function listIndicators(r: ReportingReading, q: { q?: string; kind?: string }) {
  const folded = q.q ? fold(q.q) : undefined;
  return (await repo.listIndicators(r.app.db, { folded, kind: q.kind })).map(presentIndicator);
}

export async function getIndicator(r: ReportingReading, id: string) {
  const row = await repo.findIndicator(r.app.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentIndicator(row);
}

export async function createIndicator(r: ReportingRequest, input: IndicatorInput) {
  await assertManager(r);
  const id = await inTransaction(r.app.db, r.actor, async (trx) => {
    const values = await checked(trx, null, {
      code: input.code,
      name: input.name,
      measure: input.measure ?? null,
      valueType: input.valueType,
      treeAggregation: input.treeAggregation,
      timeAggregation: input.timeAggregation,
      kind: input.kind,
      formula: input.formula ?? null,
      coverage: input.coverage ?? null,
      breakdown: input.breakdown ?? null,
      description: input.description ?? null,
      sort: input.sort ?? 100,
    });
    const created = await repo.insertIndicator(trx, values.row);
    await saveInputs(trx, created, values.inputs);
    return created;
  });
  return presentIndicator((await repo.findIndicator(r.app.db, id))!);
}

export async function updateIndicator(r: ReportingRequest, id: string, input: IndicatorChange) {
  await assertManager(r);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const locked = await repo.lockIndicator(trx, id);
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.version !== input.version) throw new AppError('CONFLICT');
    const now = presentIndicator((await repo.findIndicator(trx, id))!);
    const merged: Fields = {
      code: input.code ?? now.code,
      name: input.name ?? now.name,
      measure: input.measure !== undefined ? input.measure : now.measure,
      valueType: input.valueType ?? now.valueType,
      treeAggregation: input.treeAggregation ?? now.treeAggregation,
      timeAggregation: input.timeAggregation ?? now.timeAggregation,
      kind: input.kind ?? now.kind,
      formula: input.formula !== undefined ? input.formula : now.formula,
      coverage: input.coverage !== undefined ? input.coverage : now.coverage,
      breakdown: input.breakdown !== undefined ? input.breakdown : now.breakdown,
      description: input.description !== undefined ? input.description : now.description,
      sort: input.sort ?? now.sort,
    };
    // Formulas name indicators by code: renaming one that a formula reads would break that formula.
    if (merged.code !== now.code && (await repo.usedBy(trx, id)) === 'indicator')
      throw new AppError('IN_USE', {
        field: 'code',
        issues: [{ field: 'code', message: 'validation.inUseByIndicator' }],
      });
    const values = await checked(trx, id, merged);
    await repo.updateIndicator(trx, id, values.row);
    await saveInputs(trx, id, values.inputs);
  });
  return presentIndicator((await repo.findIndicator(r.app.db, id))!);
}

/** Deletes (softly) an indicator nothing names any more: a form, a value, another indicator, a rule, a target. */
export async function deleteIndicator(r: ReportingRequest, id: string, input: { version: number }) {
  await assertManager(r);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const locked = await repo.lockIndicator(trx, id);
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.version !== input.version) throw new AppError('CONFLICT');
    const by = await repo.usedBy(trx, id);
    if (by) throw inUse(by);
    await repo.softDeleteIndicator(trx, id);
    await repo.setInputs(trx, id, []);
  });
}

const IN_USE_MESSAGE = {
  form: 'validation.inUseByForm',
  value: 'validation.inUseByValue',
  indicator: 'validation.inUseByIndicator',
  rule: 'validation.inUseByRule',
  target: 'validation.inUseByTarget',
  task: 'validation.inUseByTask',
} as const;

function inUse(by: keyof typeof IN_USE_MESSAGE): AppError {
  return new AppError('IN_USE', { params: { by }, issues: [{ field: 'id', message: IN_USE_MESSAGE[by] }] });
}

type Fields = Omit<IndicatorInput, 'measure' | 'formula' | 'coverage' | 'breakdown' | 'description' | 'sort'> & {
  measure: string | null;
  formula: string | null;
  coverage: { sourceId: string; min: number | null; level: number } | null;
  breakdown: 'organisation' | null;
  description: string | null;
  sort: number;
};

/** The rules of an indicator, checked on its whole new state: the row to write and, for a computed one, the ids of
 * the indicators its formula reads. */
async function checked(q: Q, id: string | null, f: Fields): Promise<{ row: repo.IndicatorValues; inputs: string[] }> {
  if (await repo.codeTaken(q, f.code, id))
    throw new AppError('ALREADY_EXISTS', {
      field: 'code',
      issues: [{ field: 'code', message: 'validation.indicatorCodeTaken' }],
    });
  if ((f.valueType === 'text' || f.valueType === 'boolean') && f.kind !== 'entered')
    throw invalid('kind', 'validation.indicatorKindForType');
  let inputs: string[] = [];
  if (f.kind === 'computed') inputs = await formulaInputs(q, id, f.code, f.formula);
  if (f.kind === 'coverage') {
    if (!f.coverage) throw invalid('coverage', 'validation.required');
    if (f.coverage.sourceId === id) throw invalid('coverage.sourceId', 'validation.coverageSelf');
    const [source] = await repo.findIndicators(q, { ids: [f.coverage.sourceId] });
    if (!source) throw referenceRefused('coverage.sourceId');
    if (source.value_type === 'text') throw invalid('coverage.sourceId', 'validation.coverageSourceText');
  }
  const coverage = f.kind === 'coverage' ? f.coverage : null;
  return {
    row: {
      code: f.code,
      name: f.name,
      name_fold: fold(f.name),
      measure: f.measure,
      value_type: f.valueType,
      tree_aggregation: f.treeAggregation,
      time_aggregation: f.timeAggregation,
      kind: f.kind,
      formula: f.kind === 'computed' ? f.formula : null,
      coverage_source_id: coverage?.sourceId ?? null,
      coverage_min: coverage?.min ?? null,
      coverage_level: coverage?.level ?? null,
      breakdown: f.breakdown,
      description: f.description,
      sort: f.sort,
    },
    inputs,
  };
}

/** The ids a computed indicator's formula reads: it parses, every code names a live numeric indicator, and reading
 * them makes no cycle back to this one. */
async function formulaInputs(q: Q, id: string | null, code: string, formula: string | null): Promise<string[]> {
  if (!formula) throw invalid('formula', 'validation.required');
  let codes: string[];
  try {
    codes = parseFormula(formula).codes;
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    throw new AppError('VALIDATION_FAILED', {
      field: 'formula',
      params: { position: e.position + 1 },
      issues: [{ field: 'formula', message: 'validation.formulaSyntax' }],
    });
  }
  if (codes.includes(code)) throw formulaCycle([code, code]);
  const found = await repo.findIndicators(q, { codes });
  const byCode = new Map(found.map((i) => [i.code, i]));
  for (const c of codes) {
    const input = byCode.get(c);
    if (!input)
      throw new AppError('VALIDATION_FAILED', {
        field: 'formula',
        params: { code: c },
        issues: [{ field: 'formula', message: 'validation.formulaUnknownCode' }],
      });
    if (input.value_type === 'text')
      throw new AppError('VALIDATION_FAILED', {
        field: 'formula',
        params: { code: c },
        issues: [{ field: 'formula', message: 'validation.formulaTextInput' }],
      });
  }
  const inputs = found.map((i) => i.id);
  if (id) {
    const graph = new Map<string, string[]>();
    for (const e of await repo.inputGraph(q)) {
      if (e.indicator_id === id) continue;
      graph.set(e.indicator_id, [...(graph.get(e.indicator_id) ?? []), e.input_id]);
    }
    graph.set(id, inputs);
    const cycle = findCycle(id, graph);
    if (cycle) {
      const codesOf = new Map(
        (await repo.findIndicators(q, { ids: [...new Set(cycle)] })).map((i) => [i.id, i.code] as const),
      );
      throw formulaCycle(cycle.map((n) => (n === id ? code : (codesOf.get(n) ?? n))));
    }
  }
  return inputs;
}

function formulaCycle(codes: string[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    field: 'formula',
    params: { cycle: codes.join(' → ') },
    issues: [{ field: 'formula', message: 'validation.formulaCycle' }],
  });
}

async function saveInputs(trx: Trx, id: string, inputs: string[]): Promise<void> {
  await repo.setInputs(trx, id, inputs);
}
