import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { UnitScope } from '../../http/scope.ts';
import type { Lang } from '../../i18n/messages.ts';
import { nameKey } from '../../i18n/names.ts';
import * as repo from './units.repository.ts';
import { rebuildSubtrees } from './tree.build.ts';
import { today } from '../../clock.ts';
import { presentUnit } from './units.service.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type VersionRow = { id: string; unit_id: string; valid_from: string | null; valid_to: string | null; code: string | null; name: string; kind: string; parent_id: string | null; version: number };


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
  if (siblings.some((s) => s.unit_id !== exceptUnit && nameKey(s.name) === nameKey(name))) throw new AppError('ALREADY_EXISTS', { field: 'name' });
}

/** Khối gives villages codes: <commune code>-<nnn>, numbers never reused under that prefix. */
async function nextVillageCode(trx: Trx, communeCode: string): Promise<string> {
  const r = await trx
    .insertInto('unit_code_counters')
    .values({ prefix: communeCode, last_value: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ last_value: sql`unit_code_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `${communeCode}-${String(r.last_value).padStart(3, '0')}`;
}

/** The village's version in force on `date`, locked. With `version` (what the caller's change is based on), a changed
 * version is a CONFLICT, checked first: of two changes sent at once, the second waits for the unit's lock and then
 * reads the first one's rows, on which its checks of the date would fail and hide the cause. */
async function villageVersionAt(trx: Trx, unitId: string, date: string, version?: number): Promise<VersionRow> {
  // `no key update`: locks out a concurrent change of this village, not the rows that merely refer to it.
  const unit = await trx.selectFrom('units').select('level').where('id', '=', unitId).forNoKeyUpdate().executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND');
  if (unit.level !== 4) throw invalid('id', 'validation.notVillage');
  const v = await trx
    .selectFrom('unit_versions as v')
    .select(['v.id', 'v.unit_id', 'v.valid_from', 'v.valid_to', 'v.code', 'v.name', 'v.kind', 'v.parent_id', 'v.version'])
    .where('v.unit_id', '=', unitId)
    .where('v.deleted_at', 'is', null)
    .where(repo.inForce('v', date))
    .forUpdate()
    .executeTakeFirst();
  if (!v) throw invalid('date', 'validation.notInForce');
  if (version !== undefined && v.version !== version) throw new AppError('CONFLICT');
  const later = await trx.selectFrom('unit_versions').select('id').where('unit_id', '=', unitId).where('deleted_at', 'is', null).where('valid_from', '>', date).executeTakeFirst();
  if (later) throw invalid('date', 'validation.laterChange');
  return v as VersionRow;
}

/** Applies a change from `date` on: the version in force is cut there and a new one continues with the change
 * (or, when the version starts that very day, is changed in place). `close` ends the village on `date`. */
async function changeFrom(trx: Trx, v: VersionRow, date: string, change: Partial<Pick<VersionRow, 'name' | 'kind' | 'parent_id'>> | 'close') {
  if (change === 'close') {
    if (v.valid_from === date) await trx.updateTable('unit_versions').set({ deleted_at: new Date() }).where('id', '=', v.id).execute();
    else await trx.updateTable('unit_versions').set((eb) => ({ valid_to: date, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', v.id).execute();
    return;
  }
  if (v.valid_from === date) {
    await trx.updateTable('unit_versions').set((eb) => ({ ...change, source: 'manual', updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', v.id).execute();
    return;
  }
  await trx.updateTable('unit_versions').set((eb) => ({ valid_to: date, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', v.id).execute();
  await trx
    .insertInto('unit_versions')
    // The new row carries the unit's next version number, so a change based on the old row is stale (409).
    .values({ unit_id: v.unit_id, valid_from: date, valid_to: v.valid_to, code: v.code, name: change.name ?? v.name, kind: change.kind ?? v.kind, parent_id: change.parent_id ?? v.parent_id, source: 'manual', version: v.version + 1 })
    .execute();
}

async function result(trx: Trx, unitId: string, date: string, lang: Lang) {
  await rebuildSubtrees(trx, [unitId]);
  const row = await repo.findById(trx, unitId, date);
  const v = await trx.selectFrom('unit_versions as v').select('version').where('unit_id', '=', unitId).where('deleted_at', 'is', null).where(repo.inForce('v', date)).executeTakeFirst();
  if (!row || !v) throw new AppError('NOT_FOUND');
  return { unit: presentUnit(row, lang), version: v.version };
}

export type VillageInput = { parentCode: string; name: string; kind: string; validFrom?: string };

export async function createVillage(trx: Trx, scope: UnitScope, input: VillageInput, date: string) {
  const commune = await communeFor(trx, scope, input.parentCode, date, 'parentCode');
  await assertNameFree(trx, commune.unit_id, input.name, date);
  const unit = await trx.insertInto('units').values({ level: 4 }).returning('id').executeTakeFirstOrThrow();
  const code = await nextVillageCode(trx, commune.code!);
  await trx.insertInto('unit_versions').values({ unit_id: unit.id, valid_from: date, valid_to: null, code, name: input.name, kind: input.kind, parent_id: commune.unit_id, source: 'manual' }).execute();
  return unit.id;
}

export async function addVillage(ctx: Ctx, actor: Actor, scope: UnitScope, lang: Lang, input: VillageInput) {
  const date = input.validFrom ?? today(ctx);
  return inTransaction(ctx.db, actor, async (trx) => {
    const id = await createVillage(trx, scope, input, date);
    return result(trx, id, date, lang);
  });
}

export async function renameVillage(ctx: Ctx, actor: Actor, scope: UnitScope, lang: Lang, id: string, input: { name: string; kind?: string; date?: string; version: number }) {
  const date = input.date ?? today(ctx);
  return inTransaction(ctx.db, actor, async (trx) => {
    const v = await villageVersionAt(trx, id, date, input.version);
    if (!(await scope.canManageVillagesOf(trx, v.parent_id!, date))) throw new AppError('FORBIDDEN');
    await assertNameFree(trx, v.parent_id!, input.name, date, id);
    await changeFrom(trx, v, date, { name: input.name, ...(input.kind ? { kind: input.kind } : {}) });
    return result(trx, id, date, lang);
  });
}

/** Moves a village to another commune from `date` (also how a village waiting after a split is placed). */
export async function moveVillage(ctx: Ctx, actor: Actor, scope: UnitScope, lang: Lang, id: string, input: { parentCode: string; date?: string; version: number }) {
  const date = input.date ?? today(ctx);
  return inTransaction(ctx.db, actor, async (trx) => {
    const v = await villageVersionAt(trx, id, date, input.version);
    const target = await communeFor(trx, scope, input.parentCode, date, 'parentCode');
    const fromTree = await repo.findById(trx, v.parent_id!, date);
    // The old commune must be the caller's too, unless it no longer exists (a village waiting to be placed).
    if (fromTree && !(await scope.canManageVillagesOf(trx, v.parent_id!, date))) throw new AppError('FORBIDDEN');
    if (target.unit_id === v.parent_id) throw invalid('parentCode', 'validation.sameParent');
    await assertNameFree(trx, target.unit_id, v.name, date, id);
    await changeFrom(trx, v, date, { parent_id: target.unit_id });
    await trx.updateTable('unit_pending').set({ resolved_at: ctx.clock.now() }).where('unit_id', '=', id).where('reason', '=', 'village_placement').where('resolved_at', 'is', null).execute();
    return result(trx, id, date, lang);
  });
}

/** Merges a village into another of the same commune on `date`: it ends, with a full link to the other. */
export async function mergeVillage(ctx: Ctx, actor: Actor, scope: UnitScope, lang: Lang, id: string, input: { intoId: string; date?: string; version: number }) {
  const date = input.date ?? today(ctx);
  return inTransaction(ctx.db, actor, async (trx) => {
    if (input.intoId === id) throw invalid('intoId', 'validation.sameUnit');
    const v = await villageVersionAt(trx, id, date, input.version);
    const into = await villageVersionAt(trx, input.intoId, date).catch(() => {
      throw referenceRefused('intoId');
    });
    if (!(await scope.canManageVillagesOf(trx, v.parent_id!, date)) || !(await scope.canManageVillagesOf(trx, into.parent_id!, date))) throw new AppError('FORBIDDEN');
    await changeFrom(trx, v, date, 'close');
    await trx.insertInto('unit_links').values({ from_unit_id: id, to_unit_id: input.intoId, type: 'full', link_date: date, source: 'manual' }).execute();
    await rebuildSubtrees(trx, [id]);
    return result(trx, input.intoId, date, lang);
  });
}

/** Closes (dissolves) a village from `date`; its history stays. */
export async function closeVillage(ctx: Ctx, actor: Actor, scope: UnitScope, id: string, input: { date?: string; version: number }) {
  const date = input.date ?? today(ctx);
  await inTransaction(ctx.db, actor, async (trx) => {
    const v = await villageVersionAt(trx, id, date, input.version);
    if (!(await scope.canManageVillagesOf(trx, v.parent_id!, date))) throw new AppError('FORBIDDEN');
    await changeFrom(trx, v, date, 'close');
    await rebuildSubtrees(trx, [id]);
  });
}
