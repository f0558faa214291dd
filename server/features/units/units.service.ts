import type { AppContext } from '../../context.ts';
import { today } from '../../clock.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { Lang } from '../../i18n/messages.ts';
import type { UnitScope } from '../../http/scope.ts';
import { fold } from '../../i18n/names.ts';
import { presentKind, presentLink, presentPending, presentUnit, presentVersion } from './units.presenter.ts';
import * as repo from './units.repository.ts';
import * as versions from './villages.repository.ts';
import { followMergedParents } from './villages.follow.ts';
import { rebuildSubtrees } from './tree.build.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/** Resolves a code on a date; throws NOT_FOUND naming the field. */
export async function unitByCode(ctx: Ctx, code: string, asOf: string, field = 'code') {
  const u = await repo.findByCode(ctx.db, code, asOf);
  if (!u) throw referenceRefused(field);
  return u;
}

export async function listChildren(ctx: Ctx, lang: Lang, q: { asOf?: string; parent?: string }) {
  const asOf = q.asOf ?? today(ctx);
  const parent = q.parent ? await unitByCode(ctx, q.parent, asOf, 'parent') : null;
  return (await repo.children(ctx.db, parent?.unit_id ?? null, asOf)).map((r) => presentUnit(r, lang));
}

export async function searchUnits(ctx: Ctx, lang: Lang, q: { q: string; asOf?: string; limit: number }) {
  const asOf = q.asOf ?? today(ctx);
  const rows = await repo.search(ctx.db, {
    folded: fold(q.q.normalize('NFC')),
    raw: q.q.normalize('NFC').trim(),
    asOf,
    limit: q.limit,
  });
  const out = [];
  for (const r of rows) {
    const anc = await repo.ancestors(ctx.db, r.path, asOf);
    out.push({ ...presentUnit(r, lang), ancestors: anc.map((a) => a.name).join(' › ') });
  }
  return out;
}

export async function unitDetail(ctx: Ctx, lang: Lang, code: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(ctx);
  const u = await unitByCode(ctx, code, asOf);
  const [anc, history, links] = await Promise.all([
    repo.ancestors(ctx.db, u.path, asOf),
    repo.history(ctx.db, u.unit_id),
    repo.links(ctx.db, u.unit_id),
  ]);
  return {
    unit: presentUnit(u, lang),
    ancestors: anc.map((a) => presentUnit(a, lang)),
    history: history.map((h) => presentVersion(h, lang)),
    links: links.map(presentLink),
  };
}

export async function unitLinks(ctx: Ctx, code: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(ctx);
  const u = await unitByCode(ctx, code, asOf);
  return (await repo.links(ctx.db, u.unit_id)).map(presentLink);
}

export async function listKinds(ctx: Ctx, lang: Lang) {
  return (await repo.kinds(ctx.db)).map((k) => presentKind(k, lang));
}

export async function listPending(ctx: Ctx) {
  return (await repo.pending(ctx.db)).map(presentPending);
}

/** An administrator names the successor of a unit that ended without one (Hoà Lạc): its villages then follow. */
export async function linkEnding(
  ctx: Ctx,
  actor: Actor,
  scope: UnitScope,
  pendingId: string,
  input: { toCode: string; type: 'full' | 'partial' },
) {
  if (!scope.canAdministerCatalogue()) throw new AppError('FORBIDDEN');
  await inTransaction(ctx.db, actor, async (trx) => {
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
    await versions.resolvePending(trx, pendingId, ctx.clock.now());
    const follow = await followMergedParents(trx, actor, [p.unit_id]);
    if (follow.moved > 0) {
      const villages = await versions.followedChildren(trx, to.unit_id);
      await rebuildSubtrees(trx, [...new Set(villages.map((v) => v.unit_id))]);
    }
  });
}
