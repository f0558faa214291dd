import { today } from '../../clock.ts';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { unitChildren } from '../units/index.ts';
import { monthEnd, parsePeriod, samePeriodLastYear } from './periods.ts';
import type { ReportingRequest } from './reporting.scope.ts';
import * as repo from './targets.repository.ts';
import type { Target } from './targets.schemas.ts';
import { indicatorsBy } from './totals.repository.ts';
import { splitLargestRemainder } from './totals.rules.ts';
import { figuresAt, type Place } from './totals.service.ts';

/**
 * Targets (kế hoạch giao) of an indicator for a unit and a period, set top-down: a unit's target is set by those who
 * manage reporting over its parent (a province's by administrators), and split among its children by those who
 * manage reporting over it — proportionally (to last year's results, or equally) with largest-remainder rounding
 * that adds up exactly, or by hand with shares that must add up to it.
 */

function present(r: repo.TargetRow): Target {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    indicatorCode: r.indicator_code,
    unit: { id: r.node_id, code: r.unit_code, name: r.unit_name },
    periodId: r.period_id,
    value: r.value,
    splitFromId: r.split_from_id,
    version: r.version,
  };
}

async function presentIds(q: ReportingRequest['app']['db'] | Trx, ids: string[], day: string): Promise<Target[]> {
  const rows = await repo.listTargets(q, { ids, day });
  return ids.map((id) => present(rows.find((r) => r.id === id)!));
}

export async function listTargets(
  r: ReportingRequest,
  input: { unit: string; period?: string; indicator?: string; asOf?: string },
) {
  const q = r.app.db;
  const day = input.asOf ?? today(r.app);
  const unit = await repo.unitRights(q, r.caller, { code: input.unit }, day);
  if (!unit?.readable) throw new AppError('NOT_FOUND', { field: 'unit' });
  let indicatorId: string | undefined;
  if (input.indicator) {
    const [i] = await indicatorsBy(q, { codes: [input.indicator] });
    if (!i) return { items: [] };
    indicatorId = i.id;
  }
  const kids = await unitChildren(q, unit.unit_id, day);
  const rows = await repo.listTargets(q, {
    unitIds: [unit.unit_id, ...kids.map((k) => k.unit_id)],
    periodId: input.period,
    indicatorId,
    day,
  });
  return { items: rows.map(present) };
}

export async function putTarget(
  r: ReportingRequest,
  input: { indicatorId: string; unitId: string; periodId: string; value: number; version?: number },
): Promise<Target> {
  const q = r.app.db;
  const p = parsePeriod(input.periodId)!;
  const day = monthEnd(p.lastMonth);
  const unit = await repo.unitRights(q, r.caller, { id: input.unitId }, day);
  if (!unit?.readable) throw referenceRefused('unitId');
  const indicator = await repo.indicatorById(q, input.indicatorId);
  if (!indicator) throw referenceRefused('indicatorId');
  if (!r.caller.isAdmin && !unit.manages_parent) throw new AppError('FORBIDDEN');
  const id = await inTransaction(r.app.db, r.actor, async (trx) => {
    const existing = await repo.targetByKey(trx, indicator.id, unit.unit_id, p.id);
    if (existing) {
      if (input.version !== existing.version) throw new AppError('CONFLICT', { params: { id: existing.id } });
      await repo.updateTarget(trx, existing.id, existing.version, { value: input.value });
      return existing.id;
    }
    if (input.version !== undefined) throw new AppError('NOT_FOUND', { field: 'version' });
    return repo.insertTarget(trx, {
      indicatorId: indicator.id,
      unitId: unit.unit_id,
      periodId: p.id,
      firstMonth: p.firstMonth,
      lastMonth: p.lastMonth,
      value: input.value,
      splitFromId: null,
      createdBy: r.actor.accountId,
    });
  });
  return (await presentIds(q, [id], day))[0]!;
}

type SplitInput = {
  method: 'proportional' | 'manual';
  basis?: 'lastYear' | 'equal';
  shares?: { unitId: string; value: number }[];
};

export async function splitTarget(r: ReportingRequest, id: string, input: SplitInput): Promise<{ items: Target[] }> {
  const q = r.app.db;
  const target = await repo.targetById(q, id);
  if (!target || target.node_kind !== 'unit') throw new AppError('NOT_FOUND');
  const day = monthEnd(target.last_month);
  const unit = await repo.unitRights(q, r.caller, { id: target.node_id }, day);
  if (!unit?.readable) throw new AppError('NOT_FOUND');
  if (!r.caller.isAdmin && !unit.manages) throw new AppError('FORBIDDEN');
  const kids = await unitChildren(q, unit.unit_id, day);
  if (kids.length === 0) throw invalid('method', 'validation.targetNoChildren');
  const indicator = (await repo.indicatorById(q, target.indicator_id))!;
  const decimals = indicator.value_type === 'integer' || indicator.value_type === 'money' ? 0 : 2;
  let parts: { unitId: string; value: number }[];
  if (input.method === 'manual') {
    const shares = input.shares ?? [];
    if (shares.length === 0) throw invalid('shares', 'validation.required');
    const ids = new Set(kids.map((k) => k.unit_id));
    const seen = new Set<string>();
    shares.forEach((s, i) => {
      // a unit not below this one is refused as a missing one (it may be outside what the caller reads)
      if (!ids.has(s.unitId)) throw referenceRefused(`shares.${i}.unitId`);
      if (seen.has(s.unitId)) throw invalid(`shares.${i}.unitId`, 'validation.targetNotChild');
      seen.add(s.unitId);
    });
    const scale = 10 ** decimals;
    const sum = shares.reduce((a, s) => a + Math.round(s.value * scale), 0);
    if (shares.some((s) => Math.round(s.value * scale) !== s.value * scale) || sum !== Math.round(target.value * scale))
      throw invalid('shares', 'validation.targetSharesSum');
    parts = shares;
  } else {
    let weights = kids.map(() => 1);
    if ((input.basis ?? 'lastYear') === 'lastYear') {
      const [ind] = await indicatorsBy(q, { ids: [target.indicator_id] });
      const last = samePeriodLastYear({
        id: target.period_id,
        firstMonth: target.first_month,
        lastMonth: target.last_month,
      });
      if (ind && last) {
        const places: Place[] = kids.map((k) => ({
          unit: {
            unit_id: k.unit_id,
            code: k.code,
            name: k.name,
            level: k.level,
            path: k.path,
            valid_from: null,
            readable: true,
          },
          body: null,
          own: k.level > 3,
          nodes: [{ id: k.unit_id, partial: false }],
          day,
        }));
        const figures = await figuresAt(q, [ind], places, last);
        const results = figures.map((f) => Math.max(f.get(ind.id)?.value ?? 0, 0));
        if (results.some((x) => x > 0)) weights = results;
      }
    }
    const values = splitLargestRemainder(target.value, weights, decimals);
    parts = kids.map((k, i) => ({ unitId: k.unit_id, value: values[i]! }));
  }
  const ids = await inTransaction(r.app.db, r.actor, async (trx) => {
    const out: string[] = [];
    for (const part of parts) {
      const existing = await repo.targetByKey(trx, target.indicator_id, part.unitId, target.period_id);
      if (existing) {
        await repo.updateTarget(trx, existing.id, null, { value: part.value, splitFromId: target.id });
        out.push(existing.id);
      } else
        out.push(
          await repo.insertTarget(trx, {
            indicatorId: target.indicator_id,
            unitId: part.unitId,
            periodId: target.period_id,
            firstMonth: target.first_month,
            lastMonth: target.last_month,
            value: part.value,
            splitFromId: target.id,
            createdBy: r.actor.accountId,
          }),
        );
    }
    return out;
  });
  return { items: await presentIds(q, ids, day) };
}
