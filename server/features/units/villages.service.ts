import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { UnitScope } from '../../http/scope.ts';
import type { Lang } from '../../i18n/messages.ts';
import { nameKey } from '../../i18n/names.ts';
import * as repo from './units.repository.ts';
import * as versions from './villages.repository.ts';
import type { VersionRow } from './villages.repository.ts';
import { rebuildSubtrees } from './tree.build.ts';
import { today } from '../../clock.ts';
import { presentUnit } from './units.presenter.ts';
import type { UnitsRequest } from './units.service.ts';

/** The commune (level 3) that has `code` on `date`, which the caller may manage. */
async function communeFor(trx: Trx, scope: UnitScope, code: string, date: string, field: string) {
  const c = await repo.findByCode(trx, code, date);
  if (!c) throw referenceRefused(field);
  if (c.level !== 3) throw invalid(field, 'validation.notCommune');
  if (!(await scope.canManageVillagesOf(trx, c.unit_id, date))) throw new AppError('FORBIDDEN');
  return c;
}

async function assertNameFree(trx: Trx, parentId: string, name: string, date: string, exceptUnit?: string) {
  const siblings = await repo.children(trx, parentId, date);
  if (siblings.some((s) => s.unit_id !== exceptUnit && nameKey(s.name) === nameKey(name)))
    throw new AppError('ALREADY_EXISTS', { field: 'name' });
}

/** Khối gives villages codes: <commune code>-<nnn>, numbers never reused under that prefix. */
async function nextVillageCode(trx: Trx, communeCode: string): Promise<string> {
  const n = await versions.nextCodeNumber(trx, communeCode);
  return `${communeCode}-${String(n).padStart(3, '0')}`;
}

/** The village's version in force on `date`, locked. With `version` (what the caller's change is based on), a changed
 * version is a CONFLICT, checked first: of two changes sent at once, the second waits for the unit's lock and then
 * reads the first one's rows, on which its checks of the date would fail and hide the cause. */
async function villageVersionAt(trx: Trx, unitId: string, date: string, version?: number): Promise<VersionRow> {
  const unit = await versions.lockedUnitLevel(trx, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  if (unit.level !== 4) throw invalid('id', 'validation.notVillage');
  const v = await versions.lockedVersionAt(trx, unitId, date);
  if (!v) throw invalid('date', 'validation.notInForce');
  if (version !== undefined && v.version !== version) throw new AppError('CONFLICT');
  const later = await versions.versionAfter(trx, unitId, date);
  if (later) throw invalid('date', 'validation.laterChange');
  return v;
}

/** Applies a change from `date` on: the version in force is cut there and a new one continues with the change
 * (or, when the version starts that very day, is changed in place). `close` ends the village on `date`. */
async function changeFrom(
  trx: Trx,
  v: VersionRow,
  date: string,
  change: Partial<Pick<VersionRow, 'name' | 'kind' | 'parent_id'>> | 'close',
) {
  if (change === 'close') {
    if (v.valid_from === date) await versions.deleteVersion(trx, v.id);
    else await versions.endVersion(trx, v.id, date);
    return;
  }
  if (v.valid_from === date) {
    await versions.changeVersion(trx, v.id, change);
    return;
  }
  await versions.endVersion(trx, v.id, date);
  // The new row carries the unit's next version number, so a change based on the old row is stale (409).
  await versions.insertVersion(trx, {
    unit_id: v.unit_id,
    valid_from: date,
    valid_to: v.valid_to,
    code: v.code,
    name: change.name ?? v.name,
    kind: change.kind ?? v.kind,
    parent_id: change.parent_id ?? v.parent_id,
    source: 'manual',
    version: v.version + 1,
  });
}

async function result(trx: Trx, unitId: string, date: string, lang: Lang) {
  await rebuildSubtrees(trx, [unitId]);
  const row = await repo.findById(trx, unitId, date);
  const v = await versions.versionNumberAt(trx, unitId, date);
  if (!row || !v) throw new AppError('NOT_FOUND');
  return { unit: presentUnit(row, lang), version: v.version };
}

export type VillageInput = { parentCode: string; name: string; kind: string; validFrom?: string };

export async function createVillage(trx: Trx, scope: UnitScope, input: VillageInput, date: string) {
  const commune = await communeFor(trx, scope, input.parentCode, date, 'parentCode');
  await assertNameFree(trx, commune.unit_id, input.name, date);
  const unitId = await versions.insertUnit(trx, 4);
  const code = await nextVillageCode(trx, commune.code!);
  await versions.insertVersion(trx, {
    unit_id: unitId,
    valid_from: date,
    valid_to: null,
    code,
    name: input.name,
    kind: input.kind,
    parent_id: commune.unit_id,
    source: 'manual',
  });
  return unitId;
}

export async function addVillage(r: UnitsRequest, input: VillageInput) {
  const date = input.validFrom ?? today(r.app);
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const id = await createVillage(trx, r.caller, input, date);
    return result(trx, id, date, r.lang);
  });
}

export async function renameVillage(
  r: UnitsRequest,
  id: string,
  input: { name: string; kind?: string; date?: string; version: number },
) {
  const { caller: scope } = r;
  const date = input.date ?? today(r.app);
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const v = await villageVersionAt(trx, id, date, input.version);
    if (!(await scope.canManageVillagesOf(trx, v.parent_id!, date))) throw new AppError('FORBIDDEN');
    await assertNameFree(trx, v.parent_id!, input.name, date, id);
    await changeFrom(trx, v, date, { name: input.name, ...(input.kind ? { kind: input.kind } : {}) });
    return result(trx, id, date, r.lang);
  });
}

/** Moves a village to another commune from `date` (also how a village waiting after a split is placed). */
export async function moveVillage(
  r: UnitsRequest,
  id: string,
  input: { parentCode: string; date?: string; version: number },
) {
  const { caller: scope } = r;
  const date = input.date ?? today(r.app);
  return inTransaction(r.app.db, r.actor, async (trx) => {
    const v = await villageVersionAt(trx, id, date, input.version);
    const target = await communeFor(trx, scope, input.parentCode, date, 'parentCode');
    const fromTree = await repo.findById(trx, v.parent_id!, date);
    // The old commune must be the caller's too, unless it no longer exists (a village waiting to be placed).
    if (fromTree && !(await scope.canManageVillagesOf(trx, v.parent_id!, date))) throw new AppError('FORBIDDEN');
    if (target.unit_id === v.parent_id) throw invalid('parentCode', 'validation.sameParent');
    await assertNameFree(trx, target.unit_id, v.name, date, id);
    await changeFrom(trx, v, date, { parent_id: target.unit_id });
    await versions.resolveVillagePlacement(trx, id, r.app.clock.now());
    return result(trx, id, date, r.lang);
  });
}

/** Merges a village into another of the same commune on `date`: it ends, with a full link to the other. */
export async function mergeVillage(
  r: UnitsRequest,
  id: string,
  input: { intoId: string; date?: string; version: number },
) {
  const { caller: scope } = r;
  const date = input.date ?? today(r.app);
  return inTransaction(r.app.db, r.actor, async (trx) => {
    if (input.intoId === id) throw invalid('intoId', 'validation.sameUnit');
    const v = await villageVersionAt(trx, id, date, input.version);
    const into = await villageVersionAt(trx, input.intoId, date).catch(() => {
      throw referenceRefused('intoId');
    });
    if (
      !(await scope.canManageVillagesOf(trx, v.parent_id!, date)) ||
      !(await scope.canManageVillagesOf(trx, into.parent_id!, date))
    )
      throw new AppError('FORBIDDEN');
    await changeFrom(trx, v, date, 'close');
    await versions.insertLink(trx, {
      from_unit_id: id,
      to_unit_id: input.intoId,
      type: 'full',
      link_date: date,
      source: 'manual',
    });
    await rebuildSubtrees(trx, [id]);
    return result(trx, input.intoId, date, r.lang);
  });
}

/** Closes (dissolves) a village from `date`; its history stays. */
export async function closeVillage(r: UnitsRequest, id: string, input: { date?: string; version: number }) {
  const date = input.date ?? today(r.app);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const v = await villageVersionAt(trx, id, date, input.version);
    if (!(await r.caller.canManageVillagesOf(trx, v.parent_id!, date))) throw new AppError('FORBIDDEN');
    await changeFrom(trx, v, date, 'close');
    await rebuildSubtrees(trx, [id]);
  });
}
