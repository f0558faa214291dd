import { sql, type Insertable, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';

export type VersionRow = {
  id: string;
  unit_id: string;
  valid_from: string | null;
  valid_to: string | null;
  code: string | null;
  name: string;
  kind: string;
  parent_id: string | null;
  version: number;
};

/** The next number of a village code prefix (a counter row: numbers are never reused). */
export async function nextCodeNumber(trx: Trx, prefix: string): Promise<number> {
  const r = await trx
    .insertInto('unit_code_counters')
    .values({ prefix, last_value: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ last_value: sql`unit_code_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return r.last_value;
}

/** The unit's level, the unit locked (`no key update`: against a concurrent change of it, not the rows that merely
 * refer to it). */
export async function lockedUnitLevel(trx: Trx, unitId: string) {
  return trx.selectFrom('units').select('level').where('id', '=', unitId).forNoKeyUpdate().executeTakeFirst();
}

/** The unit's version in force on `date`, locked. */
export async function lockedVersionAt(trx: Trx, unitId: string, date: string): Promise<VersionRow | undefined> {
  return trx
    .selectFrom('unit_versions as v')
    .select([
      'v.id',
      'v.unit_id',
      'v.valid_from',
      'v.valid_to',
      'v.code',
      'v.name',
      'v.kind',
      'v.parent_id',
      'v.version',
    ])
    .where('v.unit_id', '=', unitId)
    .where('v.deleted_at', 'is', null)
    .where(inForce('v', date))
    .forUpdate()
    .executeTakeFirst();
}

/** A version of the unit starting after `date`, if any. */
export async function versionAfter(trx: Trx, unitId: string, date: string) {
  return trx
    .selectFrom('unit_versions')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('deleted_at', 'is', null)
    .where('valid_from', '>', date)
    .executeTakeFirst();
}

/** The dates of the unit's version in force on `date` (there must be one). */
export async function versionDatesAt(trx: Trx, unitId: string, date: string) {
  return trx
    .selectFrom('unit_versions as v')
    .select(['id', 'valid_from', 'valid_to'])
    .where('unit_id', '=', unitId)
    .where('deleted_at', 'is', null)
    .where(inForce('v', date))
    .executeTakeFirstOrThrow();
}

/** The version number of the unit's version in force on `date`. */
export async function versionNumberAt(trx: Trx, unitId: string, date: string) {
  return trx
    .selectFrom('unit_versions as v')
    .select('version')
    .where('unit_id', '=', unitId)
    .where('deleted_at', 'is', null)
    .where(inForce('v', date))
    .executeTakeFirst();
}

export async function deleteVersion(trx: Trx, id: string) {
  await trx.updateTable('unit_versions').set({ deleted_at: new Date() }).where('id', '=', id).execute();
}

/** Cuts a version on `date` (its next number, so a change based on it is stale). */
export async function endVersion(trx: Trx, id: string, date: string) {
  await trx
    .updateTable('unit_versions')
    .set((eb) => ({ valid_to: date, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Changes a version in place, as an officer's change. */
export async function changeVersion(
  trx: Trx,
  id: string,
  change: Pick<Updateable<DB['unit_versions']>, 'name' | 'kind' | 'parent_id'>,
) {
  await trx
    .updateTable('unit_versions')
    .set((eb) => ({ ...change, source: 'manual', updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Renames a version in place, as an import's change. */
export async function renameVersion(trx: Trx, id: string, name: string, kind: string) {
  await trx
    .updateTable('unit_versions')
    .set((eb) => ({ name, kind, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

export async function insertVersion(trx: Trx, row: Insertable<DB['unit_versions']>) {
  await trx.insertInto('unit_versions').values(row).execute();
}

/** A new unit of `level`: its id. */
export async function insertUnit(trx: Trx, level: number): Promise<string> {
  const unit = await trx.insertInto('units').values({ level }).returning('id').executeTakeFirstOrThrow();
  return unit.id;
}

export async function insertLink(
  trx: Trx,
  row: { from_unit_id: string; to_unit_id: string; type: 'full' | 'partial'; link_date: string; source: string },
) {
  await trx.insertInto('unit_links').values(row).execute();
}

/** Adds a link, or changes the type of the link already there between the two units on that date. */
export async function upsertLink(
  trx: Trx,
  row: { from_unit_id: string; to_unit_id: string; type: 'full' | 'partial'; link_date: string; source: string },
) {
  await trx
    .insertInto('unit_links')
    .values(row)
    .onConflict((oc) => oc.columns(['from_unit_id', 'to_unit_id', 'link_date']).doUpdateSet({ type: row.type }))
    .execute();
}

/** An open decision "which unit follows this one that ended without a link". */
export async function openUnlinkedEnding(trx: Trx, pendingId: string) {
  return trx
    .selectFrom('unit_pending')
    .selectAll()
    .where('id', '=', pendingId)
    .where('resolved_at', 'is', null)
    .where('reason', '=', 'unlinked_ending')
    .executeTakeFirst();
}

export async function resolvePending(trx: Trx, pendingId: string, at: Date) {
  await trx.updateTable('unit_pending').set({ resolved_at: at }).where('id', '=', pendingId).execute();
}

/** Closes the open "place this village" decision of a village (it has been placed). */
export async function resolveVillagePlacement(trx: Trx, unitId: string, at: Date) {
  await trx
    .updateTable('unit_pending')
    .set({ resolved_at: at })
    .where('unit_id', '=', unitId)
    .where('reason', '=', 'village_placement')
    .where('resolved_at', 'is', null)
    .execute();
}

/** The units with a version under `parentId` that came from following a merged parent. */
export async function followedChildren(trx: Trx, parentId: string) {
  return trx
    .selectFrom('unit_versions')
    .select('unit_id')
    .where('parent_id', '=', parentId)
    .where('source', '=', 'follow')
    .execute();
}
