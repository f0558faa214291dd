import { today } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { fold } from '../../i18n/names.ts';
import { unitByCode, unitById } from '../units/index.ts';
import { presentBody, presentBodyLink, presentKind } from './bodies.presenter.ts';
import * as repo from './bodies.repository.ts';

/** Bodies are reference data: every signed-in account reads them, administrators (the route's access) change them,
 * so the service needs nothing of the caller beyond who acts. */
export type BodiesRequest = RequestContext<null>;
type BodiesReading = Pick<BodiesRequest, 'app' | 'lang'>;
type Q = Database | Trx;

export async function listBodies(
  r: BodiesReading,
  q: {
    unit?: string;
    asOf?: string;
    kind?: string;
    q?: string;
    includeEnded?: string;
    includeDeleted?: string;
    namedBy?: string;
    rule?: 'lead' | 'near';
  },
) {
  const asOf = q.asOf ?? today(r.app);
  let unitId: string | undefined;
  if (q.unit) {
    const u = await unitByCode(r.app.db, q.unit, asOf);
    if (!u) throw referenceRefused('unit');
    unitId = u.unit_id;
  }
  const rows = await repo.listBodies(r.app.db, asOf, {
    unitId,
    kind: q.kind,
    namedBy: q.namedBy,
    rule: q.rule ?? 'lead',
    includeEnded: q.includeEnded === 'true',
    includeDeleted: q.includeDeleted === 'true',
    folded: q.q ? fold(q.q) : undefined,
  });
  return rows.map((b) => presentBody(b, r.lang));
}

/** The bodies above a body on `asOf`, top first. */
async function lineOf(q: Q, id: string, asOf: string) {
  const ids = await repo.ancestorIds(q, id);
  if (!ids.length) return [];
  const rows = await repo.findByIds(
    q,
    ids.map((r) => r.id),
    asOf,
  );
  const depth = new Map(ids.map((r) => [r.id, r.depth]));
  return rows.sort((a, b) => depth.get(b.id)! - depth.get(a.id)!);
}

export async function bodyDetail(r: BodiesReading, id: string, asOfRaw?: string) {
  const { app, lang } = r;
  const asOf = asOfRaw ?? today(app);
  const b = await repo.findById(app.db, id, asOf);
  if (!b) throw new AppError('NOT_FOUND');
  const [line, children, before, after] = await Promise.all([
    lineOf(app.db, id, asOf),
    repo.childrenOf(app.db, id, asOf),
    repo.predecessorsOf(app.db, id),
    repo.successorsOf(app.db, id),
  ]);
  return {
    body: presentBody(b, lang),
    line: line.map((l) => presentBody(l, lang)),
    children: children.map((c) => presentBody(c, lang)),
    predecessors: before.map(presentBodyLink),
    successors: after.map(presentBodyLink),
  };
}

/** A parent body must be in force on the date and sit on the same unit or one of its ancestors. */
async function checkParent(q: Q, parentId: string, unitPath: string, date: string) {
  const p = await repo.findById(q, parentId, date);
  if (!p || p.deleted_at) throw referenceRefused('parentId');
  if (p.valid_from && p.valid_from > date) throw invalid('parentId', 'validation.parentNotInForce');
  if (p.valid_to && p.valid_to <= date) throw invalid('parentId', 'validation.parentNotInForce');
  if (!p.unit_path || !(unitPath === p.unit_path || unitPath.startsWith(p.unit_path + '.')))
    throw invalid('parentId', 'validation.parentNotAbove');
}

export async function createBodyRecord(
  r: BodiesRequest,
  input: {
    unitCode: string;
    kind: string;
    name: string;
    shortName?: string;
    parentId?: string | null;
    validFrom?: string;
  },
) {
  const date = input.validFrom ?? today(r.app);
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const unit = await unitByCode(trx, input.unitCode, date);
    if (!unit) throw referenceRefused('unitCode');
    const kind = await repo.liveKind(trx, input.kind);
    if (!kind) throw referenceRefused('kind');
    if (input.parentId) await checkParent(trx, input.parentId, unit.path, date);
    const id = await repo.insertBody(trx, {
      unit_id: unit.unit_id,
      kind: input.kind,
      name: input.name,
      short_name: input.shortName ?? null,
      parent_id: input.parentId ?? null,
      valid_from: input.validFrom ?? null,
    });
    return presentBody((await repo.findById(trx, id, date))!, r.lang);
  });
}

export async function updateBodyRecord(
  r: BodiesRequest,
  id: string,
  input: { version: number; name?: string; shortName?: string | null; parentId?: string | null },
) {
  const date = today(r.app);
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const b = await repo.lockBody(trx, id);
    if (!b) throw new AppError('NOT_FOUND');
    if (b.version !== input.version) throw new AppError('CONFLICT');
    if (input.parentId) {
      if (input.parentId === id) throw invalid('parentId', 'validation.parentNotAbove');
      const at = b.valid_from ?? date;
      const unit = await unitById(trx, b.unit_id, b.valid_to && b.valid_to <= at ? (b.valid_from ?? at) : at);
      if (!unit) throw invalid('parentId', 'validation.parentNotAbove');
      await checkParent(trx, input.parentId, unit.path, unit.valid_from ?? at);
      // No cycles in a line.
      const line = await lineOf(trx, input.parentId, date);
      if (line.some((l) => l.id === id)) throw invalid('parentId', 'validation.parentNotAbove');
    }
    await repo.updateBody(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    });
    return presentBody((await repo.findById(trx, id, date))!, r.lang);
  });
}

/** Ends a body on a date, naming the bodies that take over its work. */
export async function endBodyRecord(
  r: BodiesRequest,
  id: string,
  input: { version: number; date: string; successorIds: string[] },
) {
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const b = await repo.lockBody(trx, id);
    if (!b) throw new AppError('NOT_FOUND');
    if (b.version !== input.version) throw new AppError('CONFLICT');
    if (b.valid_from && b.valid_from >= input.date) throw invalid('date', 'validation.endBeforeStart');
    for (const [i, s] of input.successorIds.entries()) {
      if (s === id) throw invalid(`successorIds.${i}`, 'validation.successorSelf');
      const succ = await repo.findById(trx, s, input.date);
      if (!succ || succ.deleted_at) throw referenceRefused(`successorIds.${i}`);
      if ((succ.valid_from && succ.valid_from > input.date) || (succ.valid_to && succ.valid_to <= input.date))
        throw invalid(`successorIds.${i}`, 'validation.successorNotInForce');
    }
    await repo.endBody(trx, id, input.date);
    for (const s of input.successorIds) await repo.insertBodyLink(trx, id, s, input.date);
    return presentBody((await repo.findById(trx, id, input.date))!, r.lang);
  });
}

/** Soft delete (a body entered by mistake) and restore. */
export const deleteBody = (r: BodiesRequest, id: string, input: { version: number }) =>
  setDeleted(r, id, input.version, true);
export const restoreBody = (r: BodiesRequest, id: string, input: { version: number }) =>
  setDeleted(r, id, input.version, false);

async function setDeleted(r: BodiesRequest, id: string, version: number, deleted: boolean) {
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const b = await repo.lockBody(trx, id, true);
    if (!b || (b.deleted_at !== null) === deleted) throw new AppError('NOT_FOUND');
    if (b.version !== version) throw new AppError('CONFLICT');
    await repo.setBodyDeleted(trx, id, deleted);
    return presentBody((await repo.findById(trx, id, today(r.app)))!, r.lang);
  });
}

export async function listKinds(r: BodiesReading) {
  return (await repo.kinds(r.app.db)).map((k) => presentKind(k, r.lang));
}

export async function createKind(
  r: BodiesRequest,
  input: { code: string; nameVi: string; nameEn: string; shortVi?: string; inBloc: boolean },
) {
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const exists = await repo.anyKind(trx, input.code);
    if (exists) throw new AppError('ALREADY_EXISTS', { field: 'code' });
    const k = await repo.insertKind(trx, {
      code: input.code,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      short_vi: input.shortVi ?? null,
      in_bloc: input.inBloc,
      sort: 50,
    });
    return presentKind(k, r.lang);
  });
}
