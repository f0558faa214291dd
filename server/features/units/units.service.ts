import type { AppContext } from '../../context.ts';
import { today } from '../../clock.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { Lang } from '../../i18n/messages.ts';
import type { UnitScope } from '../../http/scope.ts';
import { fold } from '../../i18n/names.ts';
import * as repo from './units.repository.ts';
import { followMergedParents } from './villages.follow.ts';
import { rebuildSubtrees } from './tree.build.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type TreeRow = Awaited<ReturnType<typeof repo.children>>[number] | NonNullable<Awaited<ReturnType<typeof repo.findByCode>>>;

export function presentUnit(r: TreeRow, lang: Lang) {
  return {
    id: r.unit_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    kindName: lang === 'en' ? r.kind_en : r.kind_vi,
    level: r.level,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
    ...('has_children' in r ? { hasChildren: Boolean(r.has_children) } : {}),
  };
}

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
  const rows = await repo.search(ctx.db, { folded: fold(q.q.normalize('NFC')), raw: q.q.normalize('NFC').trim(), asOf, limit: q.limit });
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
  const [anc, history, links] = await Promise.all([repo.ancestors(ctx.db, u.path, asOf), repo.history(ctx.db, u.unit_id), repo.links(ctx.db, u.unit_id)]);
  return {
    unit: presentUnit(u, lang),
    ancestors: anc.map((a) => presentUnit(a, lang)),
    history: history.map((h) => ({
      id: h.id,
      validFrom: h.valid_from,
      validTo: h.valid_to,
      code: h.code,
      name: h.name,
      kind: h.kind,
      kindName: lang === 'en' ? h.kind_en : h.kind_vi,
      parentCode: h.parent_code,
      parentName: h.parent_name,
      source: h.source,
      version: h.version,
    })),
    links: links.map((l) => ({ direction: l.direction, id: l.other_id, code: l.code, name: l.name, type: l.type, date: l.link_date })),
  };
}

export async function unitLinks(ctx: Ctx, code: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(ctx);
  const u = await unitByCode(ctx, code, asOf);
  return (await repo.links(ctx.db, u.unit_id)).map((l) => ({ direction: l.direction, id: l.other_id, code: l.code, name: l.name, type: l.type, date: l.link_date }));
}

export async function listKinds(ctx: Ctx, lang: Lang) {
  return (await repo.kinds(ctx.db)).map((k) => ({ code: k.code, level: k.level, name: lang === 'en' ? k.name_en : k.name_vi }));
}

export async function listPending(ctx: Ctx) {
  return (await repo.pending(ctx.db)).map((p) => ({
    id: p.id,
    unitId: p.unit_id,
    reason: p.reason as 'unlinked_ending' | 'village_placement',
    date: p.pending_date,
    code: p.code,
    name: p.name,
    level: p.level,
    parentName: p.parent_name,
  }));
}

/** An administrator names the successor of a unit that ended without one (Hoà Lạc): its villages then follow. */
export async function linkEnding(ctx: Ctx, actor: Actor, scope: UnitScope, pendingId: string, input: { toCode: string; type: 'full' | 'partial' }) {
  if (!scope.canAdministerCatalogue()) throw new AppError('FORBIDDEN');
  await inTransaction(ctx.db, actor, async (trx) => {
    const p = await trx.selectFrom('unit_pending').selectAll().where('id', '=', pendingId).where('resolved_at', 'is', null).where('reason', '=', 'unlinked_ending').executeTakeFirst();
    if (!p) throw new AppError('NOT_FOUND');
    const to = await repo.findByCode(trx, input.toCode, p.pending_date);
    if (!to) throw referenceRefused('toCode');
    if (to.unit_id === p.unit_id) throw new AppError('VALIDATION_FAILED', { field: 'toCode' });
    await trx
      .insertInto('unit_links')
      .values({ from_unit_id: p.unit_id, to_unit_id: to.unit_id, type: input.type, link_date: p.pending_date, source: 'manual' })
      .onConflict((oc) => oc.columns(['from_unit_id', 'to_unit_id', 'link_date']).doUpdateSet({ type: input.type }))
      .execute();
    await trx.updateTable('unit_pending').set({ resolved_at: ctx.clock.now() }).where('id', '=', pendingId).execute();
    const follow = await followMergedParents(trx, actor, [p.unit_id]);
    if (follow.moved > 0) {
      const villages = await trx.selectFrom('unit_versions').select('unit_id').where('parent_id', '=', to.unit_id).where('source', '=', 'follow').execute();
      await rebuildSubtrees(trx, [...new Set(villages.map((v) => v.unit_id))]);
    }
  });
}
