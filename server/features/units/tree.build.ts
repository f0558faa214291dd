import type { Trx } from '../../db/tx.ts';
import { fold } from '../../i18n/names.ts';
import * as repo from './tree.repository.ts';
import type { TreeVersion } from './tree.repository.ts';

type V = TreeVersion;
type Segment = {
  unitId: string;
  versionId: string;
  from: string | null;
  to: string | null;
  parentId: string | null;
  path: string;
  level: number;
  code: string | null;
  name: string;
  kind: string;
};

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
      const base = {
        unitId,
        versionId: v.id,
        level: v.level,
        code: v.code,
        name: v.name,
        kind: v.kind,
        parentId: v.parent_id,
      };
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

async function insertSegments(trx: Trx, segs: Segment[]): Promise<void> {
  for (let i = 0; i < segs.length; i += 5000) {
    await repo.insertTreeRows(
      trx,
      segs.slice(i, i + 5000).map((s) => ({ ...s, nameFold: fold(s.name) })),
    );
  }
}

/**
 * What other modules derive from the tree's paths (reporting's totals per ancestor), told of a change in the same
 * transaction: `null` after a full rebuild, else the units of levels 1–3 that were or now are above a changed unit.
 * Handed in at start-up (server/wiring.ts) because those modules depend on this one, not the other way round.
 */
export type TreeListener = (trx: Trx, aboveChanged: string[] | null) => Promise<void>;
let listener: TreeListener | null = null;
export function provideTreeListener(fn: TreeListener | null): void {
  listener = fn;
}

/** Rebuilds the whole derived tree (after a catalogue import). */
export async function rebuildTree(trx: Trx): Promise<number> {
  const segs = deriveSegments(await repo.versionsForTree(trx));
  await repo.deleteAllTreeRows(trx);
  await insertSegments(trx, segs);
  await listener?.(trx, null);
  return segs.length;
}

/** Rebuilds the rows of some units and everything below them, in the write transaction of an edit. */
export async function rebuildSubtrees(trx: Trx, unitIds: string[]): Promise<void> {
  if (unitIds.length === 0) return;
  const ids = await repo.unitsAndDescendants(trx, unitIds);
  // Ancestors' rows are needed to derive paths: load the ancestors' versions too.
  const anc = await repo.ancestorsEver(trx, ids);
  const all = [...new Set([...ids, ...anc])];
  const wanted = new Set(ids);
  const segs = deriveSegments(await repo.versionsForTree(trx, all)).filter((s) => wanted.has(s.unitId));
  const before = listener ? await repo.upperAncestorsInTree(trx, ids) : [];
  await repo.deleteTreeRowsOf(trx, ids);
  await insertSegments(trx, segs);
  if (listener) await listener(trx, [...new Set([...before, ...(await repo.upperAncestorsInTree(trx, ids))])]);
}
