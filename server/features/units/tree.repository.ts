import { sql } from 'kysely';
import type { Trx } from '../../db/tx.ts';

export type TreeVersion = {
  id: string;
  unit_id: string;
  seq: number;
  level: number;
  valid_from: string | null;
  valid_to: string | null;
  code: string | null;
  name: string;
  kind: string;
  parent_id: string | null;
};
export type TreeRowInput = {
  unitId: string;
  versionId: string;
  from: string | null;
  to: string | null;
  parentId: string | null;
  path: string;
  level: number;
  code: string | null;
  name: string;
  nameFold: string;
  kind: string;
};

/** The versions (not deleted) of these units, or of all, with each unit's sequence number and level. */
export async function versionsForTree(trx: Trx, unitIds?: string[]): Promise<TreeVersion[]> {
  let q = trx
    .selectFrom('unit_versions as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select([
      'v.id',
      'v.unit_id',
      'u.seq',
      'u.level',
      'v.valid_from',
      'v.valid_to',
      'v.code',
      'v.name',
      'v.kind',
      'v.parent_id',
    ])
    .where('v.deleted_at', 'is', null);
  if (unitIds) q = q.where('v.unit_id', 'in', unitIds);
  return q.execute();
}

/** Inserts tree rows in one statement (the caller cuts them into chunks). */
export async function insertTreeRows(trx: Trx, chunk: TreeRowInput[]) {
  await sql`insert into unit_tree (unit_id, version_id, valid_from, valid_to, parent_id, path, level, code, name, name_fold, kind)
      select * from unnest(
        ${chunk.map((s) => s.unitId)}::uuid[], ${chunk.map((s) => s.versionId)}::uuid[],
        ${chunk.map((s) => s.from)}::date[], ${chunk.map((s) => s.to)}::date[],
        ${chunk.map((s) => s.parentId)}::uuid[], ${chunk.map((s) => s.path)}::ltree[],
        ${chunk.map((s) => s.level)}::smallint[], ${chunk.map((s) => s.code)}::text[],
        ${chunk.map((s) => s.name)}::text[], ${chunk.map((s) => s.nameFold)}::text[], ${chunk.map((s) => s.kind)}::text[])`.execute(
    trx,
  );
}

export async function deleteAllTreeRows(trx: Trx) {
  await sql`delete from unit_tree`.execute(trx);
}

export async function deleteTreeRowsOf(trx: Trx, unitIds: string[]) {
  await sql`delete from unit_tree where unit_id = any(${unitIds}::uuid[])`.execute(trx);
}

/** Every unit ever below one of these (through any version), plus the units themselves. */
export async function unitsAndDescendants(trx: Trx, unitIds: string[]): Promise<string[]> {
  const affected = await sql<{ id: string }>`
    with recursive d(id) as (
      select unnest(${unitIds}::uuid[])
      union
      select v.unit_id from unit_versions v join d on v.parent_id = d.id where v.deleted_at is null
    ) select id from d`.execute(trx);
  return affected.rows.map((r) => r.id);
}

/** The units of levels 1–3 on the tree paths of these units in any epoch (themselves included). */
export async function upperAncestorsInTree(trx: Trx, unitIds: string[]): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select distinct a.id from unit_tree t
      join units a on a.seq = any (string_to_array(t.path::text, '.')::bigint[]) and a.level <= 3
     where t.unit_id = any (${unitIds}::uuid[])`.execute(trx);
  return rows.rows.map((r) => r.id);
}

/** Every unit ever above one of these (through any version). */
export async function ancestorsEver(trx: Trx, unitIds: string[]): Promise<string[]> {
  const anc = await sql<{ id: string }>`
    with recursive a(id) as (
      select distinct v.parent_id from unit_versions v where v.unit_id = any(${unitIds}::uuid[]) and v.parent_id is not null and v.deleted_at is null
      union
      select v.parent_id from unit_versions v join a on v.unit_id = a.id where v.parent_id is not null and v.deleted_at is null
    ) select id from a`.execute(trx);
  return anc.rows.map((r) => r.id);
}
