import { today } from '../../clock.ts';
import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { namableSql, referenceRefused } from '../../http/references.ts';
import type { Lang } from '../../i18n/messages.ts';
import { fold } from '../../i18n/names.ts';
import * as units from '../units/units.repository.ts';
import * as repo from './bodies.repository.ts';
import type { BodyItem } from './bodies.schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;


export function presentBody(r: repo.BodyRow, lang: Lang): BodyItem {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    kind: r.kind,
    kindName: lang === 'en' ? r.kind_en : r.kind_vi,
    inBloc: r.in_bloc,
    name: r.name,
    shortName: r.short_name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
    deleted: r.deleted_at !== null,
  };
}

export async function listBodies(ctx: Ctx, lang: Lang, q: { unit?: string; asOf?: string; kind?: string; q?: string; includeEnded?: string; includeDeleted?: string; namedBy?: string; rule?: 'lead' | 'near' }) {
  const asOf = q.asOf ?? today(ctx);
  let query = repo.bodiesQuery(ctx.db, asOf);
  if (q.unit) {
    const u = await units.findByCode(ctx.db, q.unit, asOf);
    if (!u) throw referenceRefused('unit');
    query = query.where('b.unit_id', '=', u.unit_id);
  }
  if (q.kind) query = query.where('b.kind', '=', q.kind);
  if (q.namedBy) query = query.where(namableSql(sql`(select unit_id from bodies where id = ${q.namedBy}::uuid)`, q.rule ?? 'lead', sql.ref('b.id')));
  if (q.includeEnded !== 'true') query = query.where(repo.inForceBody(asOf));
  if (q.includeDeleted !== 'true') query = query.where('b.deleted_at', 'is', null);
  if (q.q) query = query.where(sql<SqlBool>`lower(translate(unaccent(b.name || ' ' || coalesce(b.short_name, '')), 'đĐ', 'dD')) like ${'%' + fold(q.q).replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  const rows = await query.orderBy('k.sort').orderBy(sql`b.name collate "vi-x-icu"`).limit(500).execute();
  return rows.map((r) => presentBody(r, lang));
}

export async function bodyDetail(ctx: Ctx, lang: Lang, id: string, asOfRaw?: string) {
  const asOf = asOfRaw ?? today(ctx);
  const b = await repo.findById(ctx.db, id, asOf);
  if (!b) throw new AppError('NOT_FOUND');
  const [line, children, links] = await Promise.all([
    repo.lineOf(ctx.db, id, asOf),
    repo.bodiesQuery(ctx.db, asOf).where('b.parent_id', '=', id).where('b.deleted_at', 'is', null).where(repo.inForceBody(asOf)).orderBy(sql`b.name collate "vi-x-icu"`).execute(),
    repo.linksOf(ctx.db, id),
  ]);
  return {
    body: presentBody(b, lang),
    line: line.map((r) => presentBody(r, lang)),
    children: children.map((r) => presentBody(r, lang)),
    predecessors: links.before.map((l) => ({ id: l.id, name: l.name, date: l.link_date })),
    successors: links.after.map((l) => ({ id: l.id, name: l.name, date: l.link_date })),
  };
}

/** A parent body must be in force on the date and sit on the same unit or one of its ancestors. */
async function checkParent(ctx: Ctx, q: Parameters<typeof repo.findById>[0], parentId: string, unitPath: string, date: string) {
  const p = await repo.findById(q, parentId, date);
  if (!p || p.deleted_at) throw referenceRefused('parentId');
  if (p.valid_from && p.valid_from > date) throw invalid('parentId', 'validation.parentNotInForce');
  if (p.valid_to && p.valid_to <= date) throw invalid('parentId', 'validation.parentNotInForce');
  if (!p.unit_path || !(unitPath === p.unit_path || unitPath.startsWith(p.unit_path + '.'))) throw invalid('parentId', 'validation.parentNotAbove');
}

export async function createBodyRecord(ctx: Ctx, actor: Actor, lang: Lang, input: { unitCode: string; kind: string; name: string; shortName?: string; parentId?: string | null; validFrom?: string }) {
  const date = input.validFrom ?? today(ctx);
  return inTransaction(ctx.db, actor, async (trx) => {
    const unit = await units.findByCode(trx, input.unitCode, date);
    if (!unit) throw referenceRefused('unitCode');
    const kind = await trx.selectFrom('body_kinds').select('code').where('code', '=', input.kind).where('deleted_at', 'is', null).executeTakeFirst();
    if (!kind) throw referenceRefused('kind');
    if (input.parentId) await checkParent(ctx, trx, input.parentId, unit.path, date);
    const row = await trx
      .insertInto('bodies')
      .values({ unit_id: unit.unit_id, kind: input.kind, name: input.name, short_name: input.shortName ?? null, parent_id: input.parentId ?? null, valid_from: input.validFrom ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return presentBody((await repo.findById(trx, row.id, date))!, lang);
  });
}

export async function updateBodyRecord(ctx: Ctx, actor: Actor, lang: Lang, id: string, input: { version: number; name?: string; shortName?: string | null; parentId?: string | null }) {
  const date = today(ctx);
  return inTransaction(ctx.db, actor, async (trx) => {
    const b = await trx.selectFrom('bodies').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
    if (!b) throw new AppError('NOT_FOUND');
    if (b.version !== input.version) throw new AppError('CONFLICT');
    if (input.parentId) {
      if (input.parentId === id) throw invalid('parentId', 'validation.parentNotAbove');
      const at = b.valid_from ?? date;
      const unit = await units.findById(trx, b.unit_id, b.valid_to && b.valid_to <= at ? b.valid_from ?? at : at);
      if (!unit) throw invalid('parentId', 'validation.parentNotAbove');
      await checkParent(ctx, trx, input.parentId, unit.path, unit.valid_from ?? at);
      // No cycles in a line.
      const line = await repo.lineOf(trx, input.parentId, date);
      if (line.some((l) => l.id === id)) throw invalid('parentId', 'validation.parentNotAbove');
    }
    await trx
      .updateTable('bodies')
      .set((eb) => ({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    return presentBody((await repo.findById(trx, id, date))!, lang);
  });
}

/** Ends a body on a date, naming the bodies that take over its work. */
export async function endBodyRecord(ctx: Ctx, actor: Actor, lang: Lang, id: string, input: { version: number; date: string; successorIds: string[] }) {
  return inTransaction(ctx.db, actor, async (trx) => {
    const b = await trx.selectFrom('bodies').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
    if (!b) throw new AppError('NOT_FOUND');
    if (b.version !== input.version) throw new AppError('CONFLICT');
    if (b.valid_from && b.valid_from >= input.date) throw invalid('date', 'validation.endBeforeStart');
    for (const [i, s] of input.successorIds.entries()) {
      if (s === id) throw invalid(`successorIds.${i}`, 'validation.successorSelf');
      const succ = await repo.findById(trx, s, input.date);
      if (!succ || succ.deleted_at) throw referenceRefused(`successorIds.${i}`);
      if ((succ.valid_from && succ.valid_from > input.date) || (succ.valid_to && succ.valid_to <= input.date)) throw invalid(`successorIds.${i}`, 'validation.successorNotInForce');
    }
    await trx.updateTable('bodies').set((eb) => ({ valid_to: input.date, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', id).execute();
    for (const s of input.successorIds) {
      await trx.insertInto('body_links').values({ from_body_id: id, to_body_id: s, link_date: input.date }).onConflict((oc) => oc.columns(['from_body_id', 'to_body_id']).doNothing()).execute();
    }
    return presentBody((await repo.findById(trx, id, input.date))!, lang);
  });
}

/** Soft delete (a body entered by mistake) and restore. */
export async function setDeleted(ctx: Ctx, actor: Actor, lang: Lang, id: string, version: number, deleted: boolean) {
  return inTransaction(ctx.db, actor, async (trx) => {
    const b = await trx.selectFrom('bodies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!b || (b.deleted_at !== null) === deleted) throw new AppError('NOT_FOUND');
    if (b.version !== version) throw new AppError('CONFLICT');
    await trx.updateTable('bodies').set((eb) => ({ deleted_at: deleted ? new Date() : null, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', id).execute();
    return presentBody((await repo.findById(trx, id, today(ctx)))!, lang);
  });
}

export async function listKinds(ctx: Ctx, lang: Lang) {
  const rows = await ctx.db.selectFrom('body_kinds').selectAll().where('deleted_at', 'is', null).orderBy('sort').orderBy('code').execute();
  return rows.map((k) => ({ code: k.code, name: lang === 'en' ? k.name_en : k.name_vi, shortName: k.short_vi, inBloc: k.in_bloc }));
}

export async function createKind(ctx: Ctx, actor: Actor, lang: Lang, input: { code: string; nameVi: string; nameEn: string; shortVi?: string; inBloc: boolean }) {
  return inTransaction(ctx.db, actor, async (trx) => {
    const exists = await trx.selectFrom('body_kinds').select('code').where('code', '=', input.code).executeTakeFirst();
    if (exists) throw new AppError('ALREADY_EXISTS', { field: 'code' });
    const k = await trx
      .insertInto('body_kinds')
      .values({ code: input.code, name_vi: input.nameVi, name_en: input.nameEn, short_vi: input.shortVi ?? null, in_bloc: input.inBloc, sort: 50 })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { code: k.code, name: lang === 'en' ? k.name_en : k.name_vi, shortName: k.short_vi, inBloc: k.in_bloc };
  });
}
