import { sql } from 'kysely';
import type { Trx } from '../../db/tx.ts';
import { fold } from '../../i18n/names.ts';

type V = { id: string; unit_id: string; seq: number; level: number; valid_from: string | null; valid_to: string | null; code: string | null; name: string; kind: string; parent_id: string | null };
type Segment = { unitId: string; versionId: string; from: string | null; to: string | null; parentId: string | null; path: string; level: number; code: string | null; name: string; kind: string };

const lo = (d: string | null) => d ?? '0000-01-01';
const hi = (d: string | null) => d ?? '9999-12-31';
const maxFrom = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const minTo = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** Derives the tree rows: each version of a unit, cut where its parent's own rows start or end, with the
 * ancestor path of unit sequence numbers. A child outside any row of its parent is not in the tree (a village
 * of a split commune waiting to be placed). */
export function deriveSegments(versions: V[]): Segment[] {
  const byUnit = new Map<string, V[]>();
  for (const v of versions) (byUnit.get(v.unit_id) ?? byUnit.set(v.unit_id, []).get(v.unit_id)!).push(v);
  const segments = new Map<string, Segment[]>();
  const visiting = new Set<string>();
  const of = (unitId: string): Segment[] => {
    const done = segments.get(unitId);
    if (done) return done;
    if (visiting.has(unitId)) throw new Error(`unit ${unitId} is its own ancestor`);
    visiting.add(unitId);
    const out: Segment[] = [];
    for (const v of byUnit.get(unitId) ?? []) {
      const base = { unitId, versionId: v.id, level: v.level, code: v.code, name: v.name, kind: v.kind, parentId: v.parent_id };
      if (!v.parent_id) {
        out.push({ ...base, from: v.valid_from, to: v.valid_to, path: String(v.seq) });
        continue;
      }
      for (const p of of(v.parent_id)) {
        const from = maxFrom(v.valid_from, p.from);
        const to = minTo(v.valid_to, p.to);
        if (lo(from) < hi(to)) out.push({ ...base, from, to, path: `${p.path}.${v.seq}` });
      }
    }
    visiting.delete(unitId);
    segments.set(unitId, out);
    return out;
  };
  for (const unitId of byUnit.keys()) of(unitId);
  return [...segments.values()].flat();
}

async function loadVersions(trx: Trx, unitIds?: string[]): Promise<V[]> {
  let q = trx
    .selectFrom('unit_versions as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(['v.id', 'v.unit_id', 'u.seq', 'u.level', 'v.valid_from', 'v.valid_to', 'v.code', 'v.name', 'v.kind', 'v.parent_id'])
    .where('v.deleted_at', 'is', null);
  if (unitIds) q = q.where('v.unit_id', 'in', unitIds);
  return (await q.execute()) as V[];
}

async function insertSegments(trx: Trx, segs: Segment[]): Promise<void> {
  for (let i = 0; i < segs.length; i += 5000) {
    const chunk = segs.slice(i, i + 5000);
    await sql`insert into unit_tree (unit_id, version_id, valid_from, valid_to, parent_id, path, level, code, name, name_fold, kind)
      select * from unnest(
        ${chunk.map((s) => s.unitId)}::uuid[], ${chunk.map((s) => s.versionId)}::uuid[],
        ${chunk.map((s) => s.from)}::date[], ${chunk.map((s) => s.to)}::date[],
        ${chunk.map((s) => s.parentId)}::uuid[], ${chunk.map((s) => s.path)}::ltree[],
        ${chunk.map((s) => s.level)}::smallint[], ${chunk.map((s) => s.code)}::text[],
        ${chunk.map((s) => s.name)}::text[], ${chunk.map((s) => fold(s.name))}::text[], ${chunk.map((s) => s.kind)}::text[])`.execute(trx);
  }
}

/** Rebuilds the whole derived tree (after a catalogue import). */
export async function rebuildTree(trx: Trx): Promise<number> {
  const segs = deriveSegments(await loadVersions(trx));
  await sql`delete from unit_tree`.execute(trx);
  await insertSegments(trx, segs);
  return segs.length;
}

/** Rebuilds the rows of some units and everything below them, in the write transaction of an edit. */
export async function rebuildSubtrees(trx: Trx, unitIds: string[]): Promise<void> {
  if (unitIds.length === 0) return;
  // Every unit ever below one of these (through any version), plus the units themselves.
  const affected = await sql<{ id: string }>`
    with recursive d(id) as (
      select unnest(${unitIds}::uuid[])
      union
      select v.unit_id from unit_versions v join d on v.parent_id = d.id where v.deleted_at is null
    ) select id from d`.execute(trx);
  const ids = affected.rows.map((r) => r.id);
  // Ancestors' rows are needed to derive paths: load the ancestors' versions too.
  const anc = await sql<{ id: string }>`
    with recursive a(id) as (
      select distinct v.parent_id from unit_versions v where v.unit_id = any(${ids}::uuid[]) and v.parent_id is not null and v.deleted_at is null
      union
      select v.parent_id from unit_versions v join a on v.unit_id = a.id where v.parent_id is not null and v.deleted_at is null
    ) select id from a`.execute(trx);
  const all = [...new Set([...ids, ...anc.rows.map((r) => r.id)])];
  const wanted = new Set(ids);
  const segs = deriveSegments(await loadVersions(trx, all)).filter((s) => wanted.has(s.unitId));
  await sql`delete from unit_tree where unit_id = any(${ids}::uuid[])`.execute(trx);
  await insertSegments(trx, segs);
}
