import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { allowedReferences, assertReferences, referenceRefused } from '../../http/references.ts';
import type { Lang } from '../../i18n/messages.ts';
import { fold } from '../../i18n/names.ts';
import { countTasks, rollupProgress } from './rollup.ts';
import * as repo from './tasks.repository.ts';
import { presentTask } from './task.presenter.ts';
import type * as s from './work.schemas.ts';
import { programmeOwnerUnit } from './task.references.ts';
import { assertProgrammeReadable, bodyReadable, canReadProgramme, holdsOverBody, programmeVisible, taskVisible, type WorkCaller } from './work.scope.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/** Whether the caller holds work.manage today anywhere (so may create a programme for some body). */
export async function workPermissions(ctx: Ctx, c: WorkCaller) {
  if (c.isAdmin) return { createProgramme: true };
  const r = await sql<{ ok: boolean }>`select exists (select 1 from account_scope(${c.accountId}::uuid, ${c.today}::date, 'work.manage')) as ok`.execute(ctx.db);
  return { createProgramme: Boolean(r.rows[0]?.ok) };
}

export async function listKinds(ctx: Ctx, lang: Lang) {
  const rows = await ctx.db.selectFrom('task_kinds').selectAll().where('deleted_at', 'is', null).orderBy('sort').execute();
  return rows.map((k) => ({ code: k.code, name: lang === 'en' ? k.name_en : k.name_vi, shownApart: k.shown_apart }));
}

type TaskFacts = { id: string; parent_id: string | null; group_id: string | null; lead_body_id: string; kind: string; status: string; due_date: string | null; reported_done_on: string | null; weight: string; reported_progress: number };

/** Every task of the programmes (visible to the caller), with progress by the rollup rule. */
async function programmeTasks(ctx: Ctx, c: WorkCaller, programmeIds: string[]) {
  if (!programmeIds.length) return [];
  const rows: (TaskFacts & { programme_id: string })[] = await ctx.db
    .selectFrom('tasks as t')
    .select(['t.id', 't.programme_id', 't.parent_id', 't.group_id', 't.lead_body_id', 't.kind', 't.status', 't.due_date', 't.reported_done_on', 't.weight', 't.reported_progress'])
    .select(sql<boolean>`${taskVisible(c)}`.as('visible'))
    .where('t.programme_id', 'in', programmeIds)
    .where('t.deleted_at', 'is', null)
    .execute();
  // Progress rolls up over every task, so a parent shows the same figure to everyone; counts cover what the caller reads.
  const progress = rollupProgress(rows);
  return rows.filter((r) => (r as { visible?: boolean }).visible).map((r) => ({ ...r, progress: progress.get(r.id) ?? r.reported_progress }));
}

async function presentProgrammes(ctx: Ctx, c: WorkCaller, rows: { id: string; body_id: string; body_name: string; unit_name: string | null; year: number; title: string; description: string | null; copied_from_id: string | null; version: number; group_count: number }[]) {
  const tasks = await programmeTasks(ctx, c, rows.map((r) => r.id));
  const out = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      bodyId: r.body_id,
      bodyName: r.body_name,
      unitName: r.unit_name,
      year: r.year,
      title: r.title,
      description: r.description,
      copiedFromId: r.copied_from_id,
      groupCount: r.group_count,
      counts: countTasks(tasks.filter((t) => t.programme_id === r.id && !t.parent_id), c.today),
      canManage: await holdsOverBody(ctx.db, c, 'work.manage', r.body_id),
      version: r.version,
    });
  }
  return out;
}

function programmesQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('programmes as p')
    .innerJoin('bodies as b', 'b.id', 'p.body_id')
    .select(['p.id', 'p.body_id', 'b.name as body_name', 'p.year', 'p.title', 'p.description', 'p.copied_from_id', 'p.version'])
    .select(repo.unitNameOf('b.unit_id').as('unit_name'))
    .select(sql<number>`(select count(*)::int from task_groups g where g.programme_id = p.id and g.deleted_at is null)`.as('group_count'))
    .where('p.deleted_at', 'is', null);
}

export async function listProgrammes(ctx: Ctx, c: WorkCaller, q: z.infer<typeof s.programmesQuery>) {
  let query = programmesQuery(ctx).where(programmeVisible(c));
  if (q.year) query = query.where('p.year', '=', q.year);
  if (q.bodyId) query = query.where('p.body_id', '=', q.bodyId);
  if (q.q) query = query.where(sql<SqlBool>`lower(translate(unaccent(p.title || ' ' || b.name), 'đĐ', 'dD')) like ${'%' + fold(q.q).replace(/[\\%_]/g, (ch) => '\\' + ch) + '%'}`);
  const rows = await query.orderBy('p.year', 'desc').orderBy(sql`b.name collate "vi-x-icu"`).limit(200).execute();
  return presentProgrammes(ctx, c, rows);
}

async function programmeItem(ctx: Ctx, c: WorkCaller, id: string) {
  const row = await programmesQuery(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return (await presentProgrammes(ctx, c, [row]))[0]!;
}

function shiftYear(d: string | null, years: number): string | null {
  if (!d) return null;
  const y = Number(d.slice(0, 4)) + years;
  const md = d.slice(5);
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : `${y}-${md}`;
}

export async function createProgramme(ctx: Ctx, actor: Actor, c: WorkCaller, input: z.infer<typeof s.createProgramme>) {
  const body = await ctx.db.selectFrom('bodies').select(['id', 'unit_id', 'valid_from', 'valid_to']).where('id', '=', input.bodyId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!body || !(await bodyReadable(ctx.db, c, input.bodyId))) throw referenceRefused('bodyId');
  // The source before anything is written: one the caller cannot read is refused as a missing one.
  if (input.copyFromId && !(await canReadProgramme(ctx.db, c, input.copyFromId))) throw referenceRefused('copyFromId');
  if ((body.valid_to && body.valid_to <= `${input.year}-01-01`) || (body.valid_from && body.valid_from > `${input.year}-12-31`)) throw invalid('year', 'validation.bodyNotInForceThatYear');
  if (!(await holdsOverBody(ctx.db, c, 'work.manage', input.bodyId))) throw new AppError('FORBIDDEN');
  const id = await inTransaction(ctx.db, actor, async (trx) => {
    const dup = await trx.selectFrom('programmes').select('id').where('body_id', '=', input.bodyId).where('year', '=', input.year).where('deleted_at', 'is', null).executeTakeFirst();
    if (dup) throw new AppError('ALREADY_EXISTS', { field: 'year' });
    const p = await trx
      .insertInto('programmes')
      .values({ body_id: input.bodyId, year: input.year, title: input.title, description: input.description || null, copied_from_id: input.copyFromId ?? null, created_by: actor.accountId })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.copyFromId) {
      const src = await trx.selectFrom('programmes').select(['id', 'year']).where('id', '=', input.copyFromId).where('deleted_at', 'is', null).forShare().executeTakeFirst();
      if (!src) throw referenceRefused('copyFromId');
      const years = input.year - src.year;
      const groups = await trx.selectFrom('task_groups').selectAll().where('programme_id', '=', src.id).where('deleted_at', 'is', null).orderBy('position').execute();
      // Top-level tasks only (subtasks and cascades are redone each year), as drafts; a recurring series keeps its first occurrence.
      // Only the tasks the caller reads: a programme read through one of its tasks is not copied whole.
      const tasks = await trx
        .selectFrom('tasks as t')
        .selectAll('t')
        .where('t.programme_id', '=', src.id)
        .where('t.parent_id', 'is', null)
        .where('t.deleted_at', 'is', null)
        .where('t.status', '!=', 'cancelled')
        .where((eb) => eb.or([eb('t.occurrence', 'is', null), eb('t.occurrence', '=', 1)]))
        .where(taskVisible(c))
        .orderBy('t.number')
        .execute();
      const coops = await trx.selectFrom('task_cooperators').select(['task_id', 'body_id', 'part', 'person_id']).where('task_id', 'in', tasks.length ? tasks.map((t) => t.id) : [p.id]).where('deleted_at', 'is', null).execute();
      const keep = await copyableReferences(trx, c, body.unit_id, groups, tasks, coops);
      const groupMap = new Map<string, string>();
      for (const g of groups) {
        const lead = g.lead_body_id && keep.lead.has(g.lead_body_id) ? g.lead_body_id : null;
        const ng = await trx.insertInto('task_groups').values({ programme_id: p.id, position: g.position, name: g.name, lead_body_id: lead }).returning('id').executeTakeFirstOrThrow();
        groupMap.set(g.id, ng.id);
      }
      let n = 0;
      for (const t of tasks) {
        n++;
        const nt = await trx
          .insertInto('tasks')
          .values({
            programme_id: p.id,
            number: n,
            group_id: t.group_id ? (groupMap.get(t.group_id) ?? null) : null,
            kind: t.kind,
            title: t.title,
            title_fold: t.title_fold,
            description: t.description,
            lead_body_id: keep.lead.has(t.lead_body_id) ? t.lead_body_id : body.id,
            unit_id: keep.lead.has(t.lead_body_id) ? t.unit_id : body.unit_id,
            responsible_person_id: t.responsible_person_id && keep.person.has(t.responsible_person_id) ? t.responsible_person_id : null,
            assignee_account_id: t.assignee_account_id && keep.account.has(t.assignee_account_id) ? t.assignee_account_id : null,
            start_date: shiftYear(t.start_date, years),
            due_date: shiftYear(t.due_date, years),
            original_due_date: shiftYear(t.due_date, years),
            target_value: t.target_value,
            target_unit: t.target_unit,
            priority: t.priority,
            weight: t.weight,
            recurrence: t.recurrence,
            created_by: actor.accountId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (t.recurrence) await trx.updateTable('tasks').set({ series_id: nt.id, occurrence: 1 }).where('id', '=', nt.id).execute();
        const lead = keep.lead.has(t.lead_body_id) ? t.lead_body_id : body.id;
        for (const co of coops) {
          if (co.task_id !== t.id || !keep.near.has(co.body_id) || co.body_id === lead) continue;
          const person = co.person_id && keep.nearPerson.has(co.person_id) ? co.person_id : null;
          await trx.insertInto('task_cooperators').values({ task_id: nt.id, body_id: co.body_id, part: co.part, person_id: person }).execute();
        }
      }
      await trx.updateTable('programmes').set({ task_counter: n }).where('id', '=', p.id).execute();
    } else if (input.groups?.length) {
      for (const [i, name] of input.groups.entries()) await trx.insertInto('task_groups').values({ programme_id: p.id, position: i + 1, name }).execute();
    }
    return p.id;
  });
  return programmeItem(ctx, c, id);
}

/** What a copy keeps of its source: the bodies, people and accounts the new programme may name (task.references.ts).
 * A task led from outside is led by the new owner; a person, account or cooperating body from outside is left out. */
async function copyableReferences(
  trx: Trx,
  c: WorkCaller,
  ownerUnit: string,
  groups: readonly { lead_body_id: string | null }[],
  tasks: readonly { lead_body_id: string; responsible_person_id: string | null; assignee_account_id: string | null }[],
  coops: readonly { body_id: string; person_id: string | null }[],
) {
  const ids = <T>(rows: readonly T[], pick: (r: T) => string | null) => rows.flatMap((r) => pick(r) ?? []);
  const [lead, near, person, nearPerson, account] = await Promise.all([
    allowedReferences(trx, c, ownerUnit, 'lead', [...ids(groups, (g) => g.lead_body_id), ...ids(tasks, (t) => t.lead_body_id)]),
    allowedReferences(trx, c, ownerUnit, 'near', ids(coops, (co) => co.body_id)),
    allowedReferences(trx, c, ownerUnit, 'person', ids(tasks, (t) => t.responsible_person_id)),
    allowedReferences(trx, c, ownerUnit, 'nearPerson', ids(coops, (co) => co.person_id)),
    allowedReferences(trx, c, ownerUnit, 'account', ids(tasks, (t) => t.assignee_account_id)),
  ]);
  return { lead, near, person, nearPerson, account };
}

async function forProgrammeChange(ctx: Ctx, c: WorkCaller, id: string) {
  const p = await ctx.db.selectFrom('programmes').select(['id', 'body_id', 'version']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND');
  await assertProgrammeReadable(ctx.db, c, id);
  if (!(await holdsOverBody(ctx.db, c, 'work.manage', p.body_id))) throw new AppError('FORBIDDEN');
  return p;
}

export async function updateProgramme(ctx: Ctx, actor: Actor, c: WorkCaller, id: string, input: z.infer<typeof s.updateProgramme>) {
  await forProgrammeChange(ctx, c, id);
  await inTransaction(ctx.db, actor, async (trx) => {
    const set: Record<string, unknown> = {};
    if (input.title !== undefined) set.title = input.title;
    if (input.description !== undefined) set.description = input.description || null;
    const r = await trx.updateTable('programmes').set({ ...set, updated_at: new Date() }).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new AppError('CONFLICT');
  });
  return programmeItem(ctx, c, id);
}

export async function deleteProgramme(ctx: Ctx, actor: Actor, c: WorkCaller, id: string, version: number) {
  await forProgrammeChange(ctx, c, id);
  await inTransaction(ctx.db, actor, async (trx) => {
    const r = await trx.updateTable('programmes').set((eb) => ({ deleted_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new AppError('CONFLICT');
  });
  return { ok: true as const };
}

async function groupsOf(ctx: Ctx, programmeId: string) {
  return ctx.db
    .selectFrom('task_groups as g')
    .leftJoin('bodies as b', 'b.id', 'g.lead_body_id')
    .select(['g.id', 'g.position', 'g.name', 'g.lead_body_id', 'b.name as lead_body_name', 'g.version'])
    .where('g.programme_id', '=', programmeId)
    .where('g.deleted_at', 'is', null)
    .orderBy('g.position')
    .orderBy('g.name')
    .execute();
}

export async function programmeDetail(ctx: Ctx, c: WorkCaller, id: string) {
  await assertProgrammeReadable(ctx.db, c, id);
  const programme = await programmeItem(ctx, c, id);
  const [groups, tasks] = await Promise.all([groupsOf(ctx, id), programmeTasks(ctx, c, [id])]);
  const top = tasks.filter((t) => !t.parent_id);
  return {
    programme,
    groups: groups.map((g) => ({ id: g.id, position: g.position, name: g.name, leadBodyId: g.lead_body_id, leadBodyName: g.lead_body_name, counts: countTasks(top.filter((t) => t.group_id === g.id), c.today), version: g.version })),
    permissions: { manage: programme.canManage, accept: await holdsOverBody(ctx.db, c, 'work.accept', programme.bodyId) },
  };
}

/** The leader's overview: counts per group, per lead body and per kind; key and commissioned tasks apart. */
export async function overview(ctx: Ctx, c: WorkCaller, lang: Lang, id: string) {
  const detail = await programmeDetail(ctx, c, id);
  const tasks = await programmeTasks(ctx, c, [id]);
  const top = tasks.filter((t) => !t.parent_id);
  const bodies = await ctx.db.selectFrom('bodies').select(['id', 'name']).where('id', 'in', [...new Set(top.map((t) => t.lead_body_id)), '00000000-0000-0000-0000-000000000000']).execute();
  const kinds = await listKinds(ctx, lang);
  const apartKinds = kinds.filter((k) => k.shownApart);
  const apartTasks = top.filter((t) => apartKinds.some((k) => k.code === t.kind));
  const rows = apartTasks.length ? await repo.tasksQuery(ctx.db).where('t.id', 'in', apartTasks.map((t) => t.id)).orderBy('t.number').execute() : [];
  const progress = new Map(tasks.map((t) => [t.id, t.progress]));
  return {
    programme: detail.programme,
    totals: countTasks(top, c.today),
    groups: detail.groups.map((g) => ({ groupId: g.id, position: g.position, name: g.name, counts: g.counts })),
    ungrouped: countTasks(top.filter((t) => !t.group_id), c.today),
    bodies: bodies
      .map((b) => ({ bodyId: b.id, bodyName: b.name, counts: countTasks(top.filter((t) => t.lead_body_id === b.id), c.today) }))
      .sort((a, b) => b.counts.total - a.counts.total || a.bodyName.localeCompare(b.bodyName, 'vi')),
    kinds: kinds.map((k) => ({ kind: k.code, name: k.name, shownApart: k.shownApart, counts: countTasks(top.filter((t) => t.kind === k.code), c.today) })),
    apart: apartKinds.map((k) => ({
      kind: k.code,
      name: k.name,
      counts: countTasks(top.filter((t) => t.kind === k.code), c.today),
      tasks: rows.filter((r) => r.kind === k.code).map((r) => presentTask(r, lang, c.today, progress)),
    })),
  };
}

export async function createGroup(ctx: Ctx, actor: Actor, c: WorkCaller, programmeId: string, input: z.infer<typeof s.createGroup>) {
  await forProgrammeChange(ctx, c, programmeId);
  if (input.leadBodyId) await assertReferences(ctx.db, c, programmeOwnerUnit(programmeId), [{ field: 'leadBodyId', rule: 'lead', id: input.leadBodyId }]);
  const id = await inTransaction(ctx.db, actor, async (trx) => {
    await trx.selectFrom('programmes').select('id').where('id', '=', programmeId).forUpdate().execute();
    const max = await trx.selectFrom('task_groups').select(sql<number>`coalesce(max(position), 0)::int`.as('m')).where('programme_id', '=', programmeId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    const position = input.position ?? max.m + 1;
    if (input.position) await trx.updateTable('task_groups').set((eb) => ({ position: eb('position', '+', 1), version: eb('version', '+', 1) })).where('programme_id', '=', programmeId).where('position', '>=', position).where('deleted_at', 'is', null).execute();
    const g = await trx.insertInto('task_groups').values({ programme_id: programmeId, position, name: input.name, lead_body_id: input.leadBodyId ?? null }).returning('id').executeTakeFirstOrThrow();
    return g.id;
  });
  return groupItem(ctx, c, id);
}

async function groupItem(ctx: Ctx, c: WorkCaller, id: string) {
  const g = await ctx.db.selectFrom('task_groups').select('programme_id').where('id', '=', id).executeTakeFirstOrThrow();
  const d = await programmeDetail(ctx, c, g.programme_id);
  return d.groups.find((x) => x.id === id)!;
}

export async function updateGroup(ctx: Ctx, actor: Actor, c: WorkCaller, id: string, input: z.infer<typeof s.updateGroup>) {
  const g = await ctx.db.selectFrom('task_groups').select(['programme_id', 'position']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!g) throw new AppError('NOT_FOUND');
  await forProgrammeChange(ctx, c, g.programme_id);
  if (input.leadBodyId) await assertReferences(ctx.db, c, programmeOwnerUnit(g.programme_id), [{ field: 'leadBodyId', rule: 'lead', id: input.leadBodyId }]);
  await inTransaction(ctx.db, actor, async (trx) => {
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.leadBodyId !== undefined) set.lead_body_id = input.leadBodyId;
    if (input.position !== undefined && input.position !== g.position) {
      // Move: the groups between the old and new places shift by one.
      if (input.position > g.position) await trx.updateTable('task_groups').set((eb) => ({ position: eb('position', '-', 1) })).where('programme_id', '=', g.programme_id).where('position', '>', g.position).where('position', '<=', input.position).where('id', '!=', id).where('deleted_at', 'is', null).execute();
      else await trx.updateTable('task_groups').set((eb) => ({ position: eb('position', '+', 1) })).where('programme_id', '=', g.programme_id).where('position', '>=', input.position).where('position', '<', g.position).where('id', '!=', id).where('deleted_at', 'is', null).execute();
      set.position = input.position;
    }
    const r = await trx.updateTable('task_groups').set({ ...set, updated_at: new Date() }).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new AppError('CONFLICT');
  });
  return groupItem(ctx, c, id);
}

export async function deleteGroup(ctx: Ctx, actor: Actor, c: WorkCaller, id: string, version: number) {
  const g = await ctx.db.selectFrom('task_groups').select(['programme_id', 'position']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!g) throw new AppError('NOT_FOUND');
  await forProgrammeChange(ctx, c, g.programme_id);
  await inTransaction(ctx.db, actor, async (trx) => {
    const used = await trx.selectFrom('tasks').select('id').where('group_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (used) throw invalid('id', 'validation.groupHasTasks');
    const r = await trx.updateTable('task_groups').set((eb) => ({ deleted_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new AppError('CONFLICT');
    await trx.updateTable('task_groups').set((eb) => ({ position: eb('position', '-', 1) })).where('programme_id', '=', g.programme_id).where('position', '>', g.position).where('deleted_at', 'is', null).execute();
  });
  return { ok: true as const };
}
