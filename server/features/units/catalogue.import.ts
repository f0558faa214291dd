import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { planCatalogue, type Catalogue } from './catalogue.plan.ts';
import * as repo from './catalogue.repository.ts';
import type { CatalogueLink, CatalogueVersion } from './catalogue.repository.ts';
import { rebuildTree } from './tree.build.ts';
import { followMergedParents } from './villages.follow.ts';

export type ImportCounts = {
  units: { added: number; changed: number; unchanged: number };
  versions: { added: number; changed: number; unchanged: number; removed: number };
  links: { added: number; changed: number; unchanged: number; removed: number };
  pending: { added: number };
  villagesMoved: number;
  villagesWaiting: number;
};

/** Imports the catalogue idempotently: computes the dated state it describes and applies only the differences,
 * in one transaction. Importing the same catalogue twice changes nothing. */
export async function importCatalogue(
  db: Database,
  actor: Actor,
  catalogue: Catalogue,
  opts: { provinces?: string[] } = {},
): Promise<ImportCounts> {
  const plan = planCatalogue(catalogue, opts);
  return inTransaction(db, actor, async (trx) => {
    await repo.deferConstraints(trx);
    await repo.lockCatalogueImport(trx);
    const counts: ImportCounts = {
      units: { added: 0, changed: 0, unchanged: 0 },
      versions: { added: 0, changed: 0, unchanged: 0, removed: 0 },
      links: { added: 0, changed: 0, unchanged: 0, removed: 0 },
      pending: { added: 0 },
      villagesMoved: 0,
      villagesWaiting: 0,
    };

    // Units by catalogue key.
    const keys = [...plan.units.keys()];
    const existing = new Map<string, string>();
    for (let i = 0; i < keys.length; i += 10_000) {
      const rows = await repo.unitsByCatalogueKey(trx, keys.slice(i, i + 10_000));
      for (const r of rows) existing.set(r.catalogue_key!, r.id);
    }
    const missing = keys.filter((k) => !existing.has(k));
    for (let i = 0; i < missing.length; i += 5000) {
      const chunk = missing.slice(i, i + 5000);
      const rows = await repo.insertCatalogueUnits(
        trx,
        chunk.map((k) => ({ catalogue_key: k, level: plan.units.get(k)! })),
      );
      for (const r of rows) existing.set(r.catalogue_key!, r.id);
    }
    counts.units.added = missing.length;
    const idOf = (key: string | null) => (key === null ? null : existing.get(key)!);
    const unitIds = keys.map((k) => existing.get(k)!);

    // Versions: diff by (unit, valid_from).
    const current = new Map<string, CatalogueVersion>();
    for (let i = 0; i < unitIds.length; i += 10_000) {
      const rows = await repo.catalogueVersionsOf(trx, unitIds.slice(i, i + 10_000));
      for (const r of rows) current.set(`${r.unit_id}|${r.valid_from ?? ''}`, r);
    }
    const changedUnits = new Set<string>();
    const inserts: Omit<CatalogueVersion, 'id'>[] = [];
    const wanted = new Set<string>();
    for (const v of plan.versions) {
      const unitId = idOf(v.key)!;
      const k = `${unitId}|${v.from ?? ''}`;
      wanted.add(k);
      const desired = {
        unit_id: unitId,
        valid_from: v.from,
        valid_to: v.to,
        code: v.code,
        name: v.name,
        kind: v.kind,
        parent_id: idOf(v.parentKey),
      };
      const have = current.get(k);
      if (!have) {
        inserts.push(desired);
        if (!missing.includes(v.key)) changedUnits.add(unitId);
        continue;
      }
      if (
        have.valid_to === desired.valid_to &&
        have.code === desired.code &&
        have.name === desired.name &&
        have.kind === desired.kind &&
        have.parent_id === desired.parent_id
      ) {
        counts.versions.unchanged++;
        continue;
      }
      await repo.updateCatalogueVersion(trx, have.id, desired);
      counts.versions.changed++;
      changedUnits.add(unitId);
    }
    for (const [k, have] of current) {
      if (wanted.has(k)) continue;
      await repo.deleteCatalogueVersion(trx, have.id);
      counts.versions.removed++;
      changedUnits.add(have.unit_id);
    }
    for (let i = 0; i < inserts.length; i += 2000) {
      await repo.insertCatalogueVersions(trx, inserts.slice(i, i + 2000));
    }
    counts.versions.added = inserts.length;
    counts.units.changed = changedUnits.size;
    counts.units.unchanged = keys.length - missing.length - changedUnits.size;

    // Links.
    const haveLinks = new Map<string, { id: string; type: string }>();
    for (let i = 0; i < unitIds.length; i += 10_000) {
      const rows = await repo.catalogueLinksTo(trx, unitIds.slice(i, i + 10_000));
      for (const r of rows) haveLinks.set(`${r.from_unit_id}|${r.to_unit_id}|${r.link_date}`, r);
    }
    const linkInserts: CatalogueLink[] = [];
    const wantedLinks = new Set<string>();
    for (const l of plan.links) {
      const from = idOf(l.fromKey)!;
      const to = idOf(l.toKey)!;
      const k = `${from}|${to}|${l.date}`;
      wantedLinks.add(k);
      const have = haveLinks.get(k);
      if (!have)
        linkInserts.push({ from_unit_id: from, to_unit_id: to, type: l.type, link_date: l.date, source: 'catalogue' });
      else if (have.type !== l.type) {
        await repo.setLinkType(trx, have.id, l.type);
        counts.links.changed++;
      } else counts.links.unchanged++;
    }
    for (const [k, have] of haveLinks) {
      if (wantedLinks.has(k)) continue;
      await repo.deleteLink(trx, have.id);
      counts.links.removed++;
    }
    for (let i = 0; i < linkInserts.length; i += 5000) await repo.insertLinks(trx, linkInserts.slice(i, i + 5000));
    counts.links.added = linkInserts.length;

    // Pending decisions (an admin links Hoà Lạc to its successor).
    if (plan.pending.length) {
      const res = await repo.insertPending(
        trx,
        plan.pending.map((p) => ({ unit_id: idOf(p.key)!, reason: p.reason, pending_date: p.date })),
      );
      counts.pending.added = res.length;
    }

    const anyChange =
      counts.units.added +
        counts.versions.added +
        counts.versions.changed +
        counts.versions.removed +
        counts.links.added +
        counts.links.changed +
        counts.links.removed >
      0;
    if (anyChange) {
      await repo.checkConstraintsNow(trx);
      const follow = await followMergedParents(trx, actor);
      counts.villagesMoved = follow.moved;
      counts.villagesWaiting = follow.waiting;
      await rebuildTree(trx);
    }
    return counts;
  });
}

export type { Trx };
