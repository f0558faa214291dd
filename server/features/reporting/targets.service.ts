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
 * Targets (kế hoạch giao) of an indicator for a unit, or a body (tổ chức), and a period, set top-down: a unit's target
 * is set by those who manage reporting over its parent (a province's by administrators), a body's by those who manage
 * it over its parent on its line (bodies.parent_id; a body without one by administrators); a target is split among
 * the children (child units, or child bodies) by those who manage reporting over it — proportionally (to last year's
 * results, or equally) with largest-remainder rounding that adds up exactly, or by hand with shares that must add up.
 */

function present(r: repo.TargetRow): Target {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    indicatorCode: r.indicator_code,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    body: r.node_kind === 'body' ? { id: r.node_id, name: r.body_name ?? '' } : null,
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

type Node = { kind: repo.NodeKind; id: string };

export async function listTargets(
  r: ReportingRequest,
  input: { unit: string; body?: string; period?: string; indicator?: string; asOf?: string },
) {
  const q = r.app.db;
  const day = input.asOf ?? today(r.app);
  const unit = await repo.unitRights(q, r.caller, { code: input.unit }, day, input.body ?? null);
  if (!unit?.readable) throw new AppError('NOT_FOUND', { field: 'unit' });
  let nodes: Node[];
  if (input.body) {
    const body = await repo.bodyRights(q, r.caller, input.body, day);
    if (!body || body.unit_id !== unit.unit_id) throw new AppError('NOT_FOUND', { field: 'body' });
    const kids = await repo.childBodies(q, body.body_id, day);
    nodes = [body, ...kids].map((b) => ({ kind: 'body', id: b.body_id }));
  } else {
    const kids = await unitChildren(q, unit.unit_id, day);
    nodes = [unit, ...kids].map((u) => ({ kind: 'unit', id: u.unit_id }));
  }
  let indicatorId: string | undefined;
  if (input.indicator) {
    const [i] = await indicatorsBy(q, { codes: [input.indicator] });
    if (!i) return { items: [] };
    indicatorId = i.id;
  }
  const rows = await repo.listTargets(q, {
    nodeKind: nodes[0]!.kind,
    nodeIds: nodes.map((n) => n.id),
    periodId: input.period,
    indicatorId,
    day,
  });
  return { items: rows.map(present) };
}

/** The unit or body a target is set for, resolved in the caller's read scope (refused alike when missing), with
 * whether the caller may set its target (reporting.manage over the level above). Exactly one must be named. */
async function settingNode(
  r: ReportingRequest,
  input: { unitId?: string; bodyId?: string },
  day: string,
): Promise<Node & { managesParent: boolean }> {
  const q = r.app.db;
  const unit = input.unitId === undefined ? undefined : await repo.unitRights(q, r.caller, { id: input.unitId }, day);
  if (input.unitId !== undefined && !unit?.readable) throw referenceRefused('unitId');
  const body = input.bodyId === undefined ? undefined : await repo.bodyRights(q, r.caller, input.bodyId, day);
  if (input.bodyId !== undefined && !body?.readable) throw referenceRefused('bodyId');
  // checked after the references, so that an id of another ward is refused as a missing one whatever else is sent
  if ((unit === undefined) === (body === undefined)) throw invalid('unitId', 'validation.targetUnitOrBody');
  if (body) return { kind: 'body', id: body.body_id, managesParent: body.manages_parent };
  return { kind: 'unit', id: unit!.unit_id, managesParent: unit!.manages_parent };
}

export async function putTarget(
  r: ReportingRequest,
  input: { indicatorId: string; unitId?: string; bodyId?: string; periodId: string; value: number; version?: number },
): Promise<Target> {
  const q = r.app.db;
  const p = parsePeriod(input.periodId)!;
  const day = monthEnd(p.lastMonth);
  const node = await settingNode(r, input, day);
  const indicator = await repo.indicatorById(q, input.indicatorId);
  if (!indicator) throw referenceRefused('indicatorId');
  if (!r.caller.isAdmin && !node.managesParent) throw new AppError('FORBIDDEN');
  const id = await inTransaction(r.app.db, r.actor, async (trx) => {
    const existing = await repo.targetByKey(trx, indicator.id, node, p.id);
    if (existing) {
      if (input.version !== existing.version) throw new AppError('CONFLICT', { params: { id: existing.id } });
      await repo.updateTarget(trx, existing.id, existing.version, { value: input.value });
      return existing.id;
    }
    if (input.version !== undefined) throw new AppError('NOT_FOUND', { field: 'version' });
    return repo.insertTarget(trx, {
      indicatorId: indicator.id,
      node: { kind: node.kind, id: node.id },
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
  shares?: { unitId?: string; bodyId?: string; value: number }[];
};

/** A child a target is split among: its node and where its results of last year are read. */
type Child = { id: string; place: Place };

/** The children of a target's unit or body, once the caller is found to manage reporting over it. */
async function childrenOf(
  r: ReportingRequest,
  target: { node_kind: string; node_id: string },
  day: string,
): Promise<Child[]> {
  const q = r.app.db;
  if (target.node_kind === 'body') {
    const body = await repo.bodyRights(q, r.caller, target.node_id, day);
    if (!body?.readable) throw new AppError('NOT_FOUND');
    if (!r.caller.isAdmin && !body.manages) throw new AppError('FORBIDDEN');
    const kids = await repo.childBodies(q, body.body_id, day);
    if (kids.length === 0) throw invalid('method', 'validation.targetNoChildBodies');
    return kids.map((k) => ({
      id: k.body_id,
      place: childPlace(k, { id: k.body_id, name: k.body_name }, day),
    }));
  }
  const unit = await repo.unitRights(q, r.caller, { id: target.node_id }, day);
  if (!unit?.readable) throw new AppError('NOT_FOUND');
  if (!r.caller.isAdmin && !unit.manages) throw new AppError('FORBIDDEN');
  const kids = await unitChildren(q, unit.unit_id, day);
  if (kids.length === 0) throw invalid('method', 'validation.targetNoChildren');
  return kids.map((k) => ({ id: k.unit_id, place: childPlace(k, null, day) }));
}

/** Where a child's results are read: a unit's subtree (a village's own values), or one body's line on its unit. */
function childPlace(
  u: { unit_id: string; code: string | null; name: string; level: number; path: string },
  body: { id: string; name: string } | null,
  day: string,
): Place {
  return {
    unit: {
      unit_id: u.unit_id,
      code: u.code,
      name: u.name,
      level: u.level,
      path: u.path,
      valid_from: null,
      readable: true,
    },
    body,
    own: !body && u.level > 3,
    nodes: [{ id: body?.id ?? u.unit_id, partial: false }],
    day,
  };
}

/** Manual shares, each naming one child (a unit's by unitId, a body's by bodyId) once, adding up to the target. */
function manualParts(
  kind: repo.NodeKind,
  kids: Child[],
  shares: NonNullable<SplitInput['shares']>,
  whole: number,
  decimals: number,
) {
  if (shares.length === 0) throw invalid('shares', 'validation.required');
  const key = kind === 'unit' ? 'unitId' : 'bodyId';
  const other = kind === 'unit' ? 'bodyId' : 'unitId';
  const ids = new Set(kids.map((k) => k.id));
  const seen = new Set<string>();
  const parts = shares.map((s, i) => {
    // a child of the other kind, or one not below this target's node, is refused as a missing one (it may be
    // outside what the caller reads)
    if (s[other] !== undefined) throw referenceRefused(`shares.${i}.${other}`);
    const id = s[key];
    if (id === undefined) throw invalid(`shares.${i}.${key}`, 'validation.required');
    if (!ids.has(id)) throw referenceRefused(`shares.${i}.${key}`);
    if (seen.has(id))
      throw invalid(
        `shares.${i}.${key}`,
        kind === 'unit' ? 'validation.targetNotChild' : 'validation.targetBodyListed',
      );
    seen.add(id);
    return { id, value: s.value };
  });
  const scale = 10 ** decimals;
  const sum = parts.reduce((a, s) => a + Math.round(s.value * scale), 0);
  if (parts.some((s) => Math.round(s.value * scale) !== s.value * scale) || sum !== Math.round(whole * scale))
    throw invalid('shares', 'validation.targetSharesSum');
  return parts;
}

export async function splitTarget(r: ReportingRequest, id: string, input: SplitInput): Promise<{ items: Target[] }> {
  const q = r.app.db;
  const target = await repo.targetById(q, id);
  if (!target) throw new AppError('NOT_FOUND');
  const kind: repo.NodeKind = target.node_kind === 'body' ? 'body' : 'unit';
  const day = monthEnd(target.last_month);
  const kids = await childrenOf(r, target, day);
  const indicator = (await repo.indicatorById(q, target.indicator_id))!;
  const decimals = indicator.value_type === 'integer' || indicator.value_type === 'money' ? 0 : 2;
  let parts: { id: string; value: number }[];
  if (input.method === 'manual') parts = manualParts(kind, kids, input.shares ?? [], target.value, decimals);
  else {
    let weights = kids.map(() => 1);
    if ((input.basis ?? 'lastYear') === 'lastYear') {
      const [ind] = await indicatorsBy(q, { ids: [target.indicator_id] });
      const last = samePeriodLastYear({
        id: target.period_id,
        firstMonth: target.first_month,
        lastMonth: target.last_month,
      });
      if (ind && last) {
        const figures = await figuresAt(
          q,
          [ind],
          kids.map((k) => k.place),
          last,
        );
        const results = figures.map((f) => Math.max(f.get(ind.id)?.value ?? 0, 0));
        if (results.some((x) => x > 0)) weights = results;
      }
    }
    const values = splitLargestRemainder(target.value, weights, decimals);
    parts = kids.map((k, i) => ({ id: k.id, value: values[i]! }));
  }
  const ids = await inTransaction(r.app.db, r.actor, async (trx) => {
    const out: string[] = [];
    for (const part of parts) {
      const node = { kind, id: part.id };
      const existing = await repo.targetByKey(trx, target.indicator_id, node, target.period_id);
      if (existing) {
        await repo.updateTarget(trx, existing.id, null, { value: part.value, splitFromId: target.id });
        out.push(existing.id);
      } else
        out.push(
          await repo.insertTarget(trx, {
            indicatorId: target.indicator_id,
            node,
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
