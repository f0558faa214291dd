import { sql } from 'kysely';
import type { Trx } from '../../db/tx.ts';

// The statements of the catalogue import (catalogue.import.ts); the import cuts long lists into chunks.

export type CatalogueVersion = {
  id: string;
  unit_id: string;
  valid_from: string | null;
  valid_to: string | null;
  code: string | null;
  name: string;
  kind: string;
  parent_id: string | null;
};
export type CatalogueLink = {
  from_unit_id: string;
  to_unit_id: string;
  type: 'full' | 'partial';
  link_date: string;
  source: string;
};

export async function deferConstraints(trx: Trx) {
  await sql`set constraints all deferred`.execute(trx);
}

export async function checkConstraintsNow(trx: Trx) {
  await sql`set constraints all immediate`.execute(trx);
}

/** One catalogue import at a time. */
export async function lockCatalogueImport(trx: Trx) {
  await sql`select pg_advisory_xact_lock(727003)`.execute(trx);
}

export async function unitsByCatalogueKey(trx: Trx, keys: string[]) {
  return trx.selectFrom('units').select(['id', 'catalogue_key']).where('catalogue_key', 'in', keys).execute();
}

/** New units with their catalogue keys: their ids. */
export async function insertCatalogueUnits(trx: Trx, rows: { catalogue_key: string; level: number }[]) {
  return trx.insertInto('units').values(rows).returning(['id', 'catalogue_key']).execute();
}

/** The catalogue's versions (not deleted) of these units. */
export async function catalogueVersionsOf(trx: Trx, unitIds: string[]): Promise<CatalogueVersion[]> {
  const rows = await trx
    .selectFrom('unit_versions')
    .select(['id', 'unit_id', 'valid_from', 'valid_to', 'code', 'name', 'kind', 'parent_id'])
    .where('unit_id', 'in', unitIds)
    .where('source', '=', 'catalogue')
    .where('deleted_at', 'is', null)
    .execute();
  return rows;
}

export async function updateCatalogueVersion(
  trx: Trx,
  id: string,
  desired: Omit<CatalogueVersion, 'id' | 'unit_id' | 'valid_from'>,
) {
  await trx
    .updateTable('unit_versions')
    .set((eb) => ({
      valid_to: desired.valid_to,
      code: desired.code,
      name: desired.name,
      kind: desired.kind,
      parent_id: desired.parent_id,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function deleteCatalogueVersion(trx: Trx, id: string) {
  await trx.updateTable('unit_versions').set({ deleted_at: new Date() }).where('id', '=', id).execute();
}

export async function insertCatalogueVersions(trx: Trx, rows: Omit<CatalogueVersion, 'id'>[]) {
  await trx
    .insertInto('unit_versions')
    .values(rows.map((r) => ({ ...r, source: 'catalogue' })))
    .execute();
}

/** The catalogue's links to these units. */
export async function catalogueLinksTo(trx: Trx, unitIds: string[]) {
  return trx
    .selectFrom('unit_links')
    .select(['id', 'from_unit_id', 'to_unit_id', 'link_date', 'type'])
    .where('to_unit_id', 'in', unitIds)
    .where('source', '=', 'catalogue')
    .execute();
}

export async function setLinkType(trx: Trx, id: string, type: 'full' | 'partial') {
  await trx.updateTable('unit_links').set({ type }).where('id', '=', id).execute();
}

export async function deleteLink(trx: Trx, id: string) {
  await trx.deleteFrom('unit_links').where('id', '=', id).execute();
}

export async function insertLinks(trx: Trx, rows: CatalogueLink[]) {
  await trx.insertInto('unit_links').values(rows).execute();
}

/** Opens the decisions not already open: the ids of those added. */
export async function insertPending(
  trx: Trx,
  rows: { unit_id: string; reason: 'unlinked_ending' | 'village_placement'; pending_date: string }[],
) {
  return trx
    .insertInto('unit_pending')
    .values(rows)
    .onConflict((oc) => oc.columns(['unit_id', 'reason', 'pending_date']).doNothing())
    .returning('id')
    .execute();
}
