import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { planCatalogue, type Catalogue } from './catalogue.plan.ts';
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

type Row = { id: string; unit_id: string; valid_from: string | null; valid_to: string | null; code: string | null; name: string; kind: string; parent_id: string | null };

/** Imports the catalogue idempotently: computes the dated state it describes and applies only the differences,
 * in one transaction. Importing the same catalogue twice changes nothing. */
export async function importCatalogue(db: Database, actor: Actor, catalogue: Catalogue, opts: { provinces?: string[] } = {}): Promise<ImportCounts> {
  const plan = planCatalogue(catalogue, opts);
  return inTransaction(db, actor, async (trx) => {
    await sql`set constraints all deferred`.execute(trx);
    await sql`select pg_advisory_xact_lock(727003)`.execute(trx);
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
      const rows = await trx.selectFrom('units').select(['id', 'catalogue_key']).where('catalogue_key', 'in', keys.slice(i, i + 10_000)).execute();
      for (const r of rows) existing.set(r.catalogue_key!, r.id);
    }
    const missing = keys.filter((k) => !existing.has(k));
    for (let i = 0; i < missing.length; i += 5000) {
      const chunk = missing.slice(i, i + 5000);
      const rows = await trx.insertInto('units').values(chunk.map((k) => ({ catalogue_key: k, level: plan.units.get(k)! }))).returning(['id', 'catalogue_key']).execute();
      for (const r of rows) existing.set(r.catalogue_key!, r.id);
    }
    counts.units.added = missing.length;
    const idOf = (key: string | null) => (key === null ? null : existing.get(key)!);
    const unitIds = keys.map((k) => existing.get(k)!);

    // Versions: diff by (unit, valid_from).
    const current = new Map<string, Row>();
    for (let i = 0; i < unitIds.length; i += 10_000) {
      const rows = await trx
        .selectFrom('unit_versions')
        .select(['id', 'unit_id', 'valid_from', 'valid_to', 'code', 'name', 'kind', 'parent_id'])
        .where('unit_id', 'in', unitIds.slice(i, i + 10_000))
        .where('source', '=', 'catalogue')
        .where('deleted_at', 'is', null)
        .execute();
      for (const r of rows) current.set(`${r.unit_id}|${r.valid_from ?? ''}`, r as Row);
    }
    const changedUnits = new Set<string>();
    const inserts: Omit<Row, 'id'>[] = [];
    const wanted = new Set<string>();
    for (const v of plan.versions) {
      const unitId = idOf(v.key)!;
      const k = `${unitId}|${v.from ?? ''}`;
      wanted.add(k);
      const desired = { unit_id: unitId, valid_from: v.from, valid_to: v.to, code: v.code, name: v.name, kind: v.kind, parent_id: idOf(v.parentKey) };
      const have = current.get(k);
      if (!have) {
        inserts.push(desired);
        if (!missing.includes(v.key)) changedUnits.add(unitId);
        continue;
      }
      if (have.valid_to === desired.valid_to && have.code === desired.code && have.name === desired.name && have.kind === desired.kind && have.parent_id === desired.parent_id) {
        counts.versions.unchanged++;
        continue;
      }
      await trx
        .updateTable('unit_versions')
        .set((eb) => ({ valid_to: desired.valid_to, code: desired.code, name: desired.name, kind: desired.kind, parent_id: desired.parent_id, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', have.id)
        .execute();
      counts.versions.changed++;
      changedUnits.add(unitId);
    }
    for (const [k, have] of current) {
      if (wanted.has(k)) continue;
      await trx.updateTable('unit_versions').set({ deleted_at: new Date() }).where('id', '=', have.id).execute();
      counts.versions.removed++;
      changedUnits.add(have.unit_id);
    }
    for (let i = 0; i < inserts.length; i += 2000) {
      await trx.insertInto('unit_versions').values(inserts.slice(i, i + 2000).map((r) => ({ ...r, source: 'catalogue' }))).execute();
    }
    counts.versions.added = inserts.length;
    counts.units.changed = changedUnits.size;
    counts.units.unchanged = keys.length - missing.length - changedUnits.size;

    // Links.
    const haveLinks = new Map<string, { id: string; type: string }>();
    for (let i = 0; i < unitIds.length; i += 10_000) {
      const rows = await trx.selectFrom('unit_links').select(['id', 'from_unit_id', 'to_unit_id', 'link_date', 'type']).where('to_unit_id', 'in', unitIds.slice(i, i + 10_000)).where('source', '=', 'catalogue').execute();
      for (const r of rows) haveLinks.set(`${r.from_unit_id}|${r.to_unit_id}|${r.link_date}`, r);
    }
    const linkInserts: { from_unit_id: string; to_unit_id: string; type: 'full' | 'partial'; link_date: string; source: string }[] = [];
    const wantedLinks = new Set<string>();
    for (const l of plan.links) {
      const from = idOf(l.fromKey)!;
      const to = idOf(l.toKey)!;
      const k = `${from}|${to}|${l.date}`;
      wantedLinks.add(k);
      const have = haveLinks.get(k);
      if (!have) linkInserts.push({ from_unit_id: from, to_unit_id: to, type: l.type, link_date: l.date, source: 'catalogue' });
      else if (have.type !== l.type) {
        await trx.updateTable('unit_links').set({ type: l.type }).where('id', '=', have.id).execute();
        counts.links.changed++;
      } else counts.links.unchanged++;
    }
    for (const [k, have] of haveLinks) {
      if (wantedLinks.has(k)) continue;
      await trx.deleteFrom('unit_links').where('id', '=', have.id).execute();
      counts.links.removed++;
    }
    for (let i = 0; i < linkInserts.length; i += 5000) await trx.insertInto('unit_links').values(linkInserts.slice(i, i + 5000)).execute();
    counts.links.added = linkInserts.length;

    // Pending decisions (an admin links Hoà Lạc to its successor).
    if (plan.pending.length) {
      const res = await trx
        .insertInto('unit_pending')
        .values(plan.pending.map((p) => ({ unit_id: idOf(p.key)!, reason: p.reason, pending_date: p.date })))
        .onConflict((oc) => oc.columns(['unit_id', 'reason', 'pending_date']).doNothing())
        .returning('id')
        .execute();
      counts.pending.added = res.length;
    }

    const anyChange = counts.units.added + counts.versions.added + counts.versions.changed + counts.versions.removed + counts.links.added + counts.links.changed + counts.links.removed > 0;
    if (anyChange) {
      await sql`set constraints all immediate`.execute(trx);
      const follow = await followMergedParents(trx, actor);
      counts.villagesMoved = follow.moved;
      counts.villagesWaiting = follow.waiting;
      await rebuildTree(trx);
    }
    return counts;
  });
}

export type { Trx };
