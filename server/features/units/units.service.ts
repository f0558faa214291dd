import { today } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { UnitScope } from '../../http/scope.ts';
import { fold } from '../../i18n/names.ts';
import { presentKind, presentLink, presentPending, presentUnit, presentVersion } from './units.presenter.ts';
import * as repo from './units.repository.ts';
import * as versions from './villages.repository.ts';
import { followMergedParents } from './villages.follow.ts';
import { rebuildSubtrees } from './tree.build.ts';
import { crossTo, dayBefore, sourcesOf, successorsOf } from './units.crossing.service.ts';

/** A request to the units module: the caller is what it may change (its communes' villages, the catalogue).
 * Units are read by everyone, so a read needs only the app and the language. */
export type UnitsRequest = RequestContext<UnitScope>;
type UnitsReading = Pick<UnitsRequest, 'app' | 'lang'>;

/** Resolves a code on a date; throws NOT_FOUND naming the field. */
async function unitByCode(db: Database, code: string, asOf: string, field = 'code') {
  const u = await repo.findByCode(db, code, asOf);
  if (!u) throw referenceRefused(field);
  return u;
}

export async function listChildren(r: UnitsReading, q: { asOf?: string; parent?: string }) {
  const asOf = q.asOf ?? today(r.app);
  const parent = q.parent ? await unitByCode(r.app.db, q.parent, asOf, 'parent') : null;
  return (await repo.children(r.app.db, parent?.unit_id ?? null, asOf)).map((u) => presentUnit(u, r.lang));
}

export async function searchUnits(r: UnitsReading, q: { q: string; asOf?: string; limit: number }) {
  const asOf = q.asOf ?? today(r.app);
  const rows = await repo.search(r.app.db, {
    folded: fold(q.q.normalize('NFC')),
    raw: q.q.normalize('NFC').trim(),
    asOf,
    limit: q.limit,
  });
  const out = [];
  for (const u of rows) {
    const anc = await repo.ancestors(r.app.db, u.path, asOf);
    out.push({ ...presentUnit(u, r.lang), ancestors: anc.map((a) => a.name).join(' › ') });
  }
  return out;
}

export async function unitDetail(r: UnitsReading, code: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(r.app);
  const u = await unitByCode(r.app.db, code, asOf);
  const [anc, history, links] = await Promise.all([
    repo.ancestors(r.app.db, u.path, asOf),
    repo.history(r.app.db, u.unit_id),
    repo.links(r.app.db, u.unit_id),
  ]);
  // What the unit as a whole became when it ended (its last version) and came from when it began (its first).
  const last = history.at(-1)?.valid_to;
  const first = history[0]?.valid_from;
  const [successors, sources] = await Promise.all([
    last ? successorsOf(r.app.db, u.unit_id, dayBefore(last)) : [],
    first ? sourcesOf(r.app.db, u.unit_id, first) : [],
  ]);
  return {
    unit: presentUnit(u, r.lang),
    ancestors: anc.map((a) => presentUnit(a, r.lang)),
    history: history.map((h) => presentVersion(h, r.lang)),
    links: links.map(presentLink),
    successors,
    sources,
  };
}

export async function unitLinks(r: UnitsReading, code: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(r.app);
  const u = await unitByCode(r.app.db, code, asOf);
  return (await repo.links(r.app.db, u.unit_id)).map(presentLink);
}

/** Where the unit that had `code` on `asOf` stands on `date`: itself, or what it became or came from. */
export async function unitAcross(r: UnitsReading, code: string, q: { asOf?: string; date: string }) {
  const asOf = q.asOf ?? today(r.app);
  const u = await unitByCode(r.app.db, code, asOf);
  const crossing = await crossTo(r.app.db, u.unit_id, asOf, q.date);
  const units = await Promise.all(
    crossing.units.map(async (c) => ({
      ...presentUnit(c, r.lang),
      ancestors: (await repo.ancestors(r.app.db, c.path, q.date)).map((a) => ({ code: a.code, name: a.name })),
    })),
  );
  return {
    unit: presentUnit(u, r.lang),
    date: q.date,
    self: crossing.self ? presentUnit(crossing.self, r.lang) : null,
    direction: crossing.direction,
    changed: crossing.changed,
    units,
  };
}

export async function listKinds(r: UnitsReading) {
  return (await repo.kinds(r.app.db)).map((k) => presentKind(k, r.lang));
}

export async function listPending(r: UnitsReading) {
  return (await repo.pending(r.app.db)).map(presentPending);
}

/** An administrator names the successor of a unit that ended without one (Hoà Lạc): its villages then follow. */
export async function linkEnding(
  r: UnitsRequest,
  pendingId: string,
  input: { toCode: string; type: 'full' | 'partial' },
) {
  const { app, actor } = r;
  if (!r.caller.canAdministerCatalogue()) throw new AppError('FORBIDDEN');
  await inTransaction(app.db, actor, async (trx) => {
    const p = await versions.openUnlinkedEnding(trx, pendingId);
    if (!p) throw new AppError('NOT_FOUND');
    const to = await repo.findByCode(trx, input.toCode, p.pending_date);
    if (!to) throw referenceRefused('toCode');
    if (to.unit_id === p.unit_id) throw new AppError('VALIDATION_FAILED', { field: 'toCode' });
    await versions.upsertLink(trx, {
      from_unit_id: p.unit_id,
      to_unit_id: to.unit_id,
      type: input.type,
      link_date: p.pending_date,
      source: 'manual',
    });
    await versions.resolvePending(trx, pendingId, app.clock.now());
    const follow = await followMergedParents(trx, actor, [p.unit_id]);
    if (follow.moved > 0) {
      const villages = await versions.followedChildren(trx, to.unit_id);
      await rebuildSubtrees(trx, [...new Set(villages.map((v) => v.unit_id))]);
    }
  });
}
