import crypto from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorSettings, inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import type { Database } from '../../db/database.ts';
import type { TaskStatus } from '../../db/schema.ts';
import { statementShapes } from '../../db/statement-shapes.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../i18n/messages.ts';
import { fileUrl } from '../files/files.ts';
import { fold } from '../units/names.ts';
import { accessMode, accessOf, taskAccess, taskAccessQuery, WORKFLOW, type AccessMode, type TaskAccessRow } from './task.access.ts';
import * as repo from './tasks.repository.ts';
import type * as s from './work.schemas.ts';
import { holdsOverBody, taskVisible, type WorkCaller } from './work.scope.ts';
import { assertReferences, firstRefusedSql, referenceRefused } from '../../http/references.ts';
import { programmeOwnerUnit, taskReferenceChecks } from './task.references.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'files'>;
type Q = Ctx['db'] | Trx;

/** A task command's transaction: it writes tasks and their surroundings, never an account, session, token, role,
 * person, body or programme (a programme's task counter aside), so what is remembered with an identity stays valid
 * (tx.ts). */
const inWorkTransaction = <T>(db: Database, actor: Actor, fn: (trx: Trx) => Promise<T>) => inTransaction(db, actor, fn, { leaves: 'identities' });

export const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', { field, issues: [{ field, message }] });
const conflict = () => new AppError('CONFLICT');

/** A body usable on a date: exists, not deleted, in force (or not yet ended) then. */
function usableBody<B extends { valid_to: string | null }>(b: B | undefined, field: string, date: string): B {
  if (!b) throw referenceRefused(field);
  if (b.valid_to && b.valid_to <= date) throw invalid(field, 'validation.bodyEnded');
  return b;
}

async function checkBody(q: Q, id: string, field: string, date: string) {
  const b = await q.selectFrom('bodies').select(['id', 'unit_id', 'valid_to', 'valid_from', 'kind', 'name']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return usableBody(b, field, date);
}

async function checkAccount(q: Q, id: string | null | undefined, field: string) {
  if (!id) return;
  const a = await q.selectFrom('accounts').select(['id', 'disabled_at']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!a) throw referenceRefused(field);
  if (a.disabled_at) throw new AppError('ACCOUNT_DISABLED', { field });
}

function checkDates(start: string | null | undefined, due: string | null | undefined) {
  if (start && due && due < start) throw invalid('dueDate', 'validation.dueBeforeStart');
}

type CooperatorInput = z.infer<typeof s.cooperatorInput>;

/** The rules of a list of cooperating bodies, in the order given, on bodies and people already read. */
function checkCooperatorList(leadBodyId: string, list: readonly CooperatorInput[], bodies: ReadonlyMap<string, { valid_to: string | null }>, people: ReadonlySet<string>, date: string) {
  const seen = new Set<string>();
  for (const [i, c] of list.entries()) {
    if (c.bodyId === leadBodyId) throw invalid(`cooperators.${i}.bodyId`, 'validation.cooperatorIsLead');
    if (seen.has(c.bodyId)) throw invalid(`cooperators.${i}.bodyId`, 'validation.cooperatorTwice');
    seen.add(c.bodyId);
    usableBody(bodies.get(c.bodyId), `cooperators.${i}.bodyId`, date);
    if (c.personId && !people.has(c.personId)) throw new AppError('NOT_FOUND', { field: `cooperators.${i}.personId` });
  }
}

async function checkCooperators(q: Q, leadBodyId: string, list: readonly CooperatorInput[], date: string) {
  if (!list.length) return;
  const personIds = list.flatMap((c) => (c.personId ? [c.personId] : []));
  const [bodies, people] = await Promise.all([
    q.selectFrom('bodies').select(['id', 'valid_to']).where('id', 'in', list.map((c) => c.bodyId)).where('deleted_at', 'is', null).execute(),
    personIds.length ? q.selectFrom('people').select('id').where('id', 'in', personIds).where('deleted_at', 'is', null).execute() : [],
  ]);
  checkCooperatorList(leadBodyId, list, new Map(bodies.map((b) => [b.id, b])), new Set(people.map((p) => p.id)), date);
}

async function writeCooperators(trx: Trx, taskId: string, list: readonly z.infer<typeof s.cooperatorInput>[]) {
  const existing = await trx.selectFrom('task_cooperators').selectAll().where('task_id', '=', taskId).where('deleted_at', 'is', null).execute();
  const wanted = new Map(list.map((c) => [c.bodyId, c]));
  for (const e of existing) {
    const w = wanted.get(e.body_id);
    if (!w) await trx.updateTable('task_cooperators').set((eb) => ({ deleted_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', e.id).execute();
    else if ((w.part ?? null) !== e.part || (w.personId ?? null) !== e.person_id)
      await trx.updateTable('task_cooperators').set((eb) => ({ part: w.part || null, person_id: w.personId ?? null, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', e.id).execute();
    wanted.delete(e.body_id);
  }
  for (const c of wanted.values()) await trx.insertInto('task_cooperators').values({ task_id: taskId, body_id: c.bodyId, part: c.part || null, person_id: c.personId ?? null }).execute();
}

/** Takes the next task number of a programme (locks the programme row for the transaction). */
async function nextTaskNumber(trx: Q, programmeId: string): Promise<number> {
  const r = await trx.updateTable('programmes').set((eb) => ({ task_counter: eb('task_counter', '+', 1) })).where('id', '=', programmeId).where('deleted_at', 'is', null).returning('task_counter').executeTakeFirst();
  if (!r) throw referenceRefused('programmeId');
  return r.task_counter;
}

export type NewTask = z.infer<typeof s.createTask> & {
  cascaded?: boolean;
  seriesId?: string;
  occurrence?: number;
  status?: 'draft' | 'assigned';
  /** Whose scope narrows what the task may name (task.references.ts); absent: the system's (demo data, a
   * recurrence), narrowed by the programme owner's scope alone. */
  refsFor?: WorkCaller;
};

/** The system as a caller (demo data, a recurrence): it reads everything; what a task names is narrowed by the
 * programme owner's scope alone. */
const systemCaller = (today: string): WorkCaller => ({ accountId: '', isAdmin: true, personId: null, today });

/** What a new task refers to (insertTask), as one statement reads it. */
type NewTaskRefs = {
  programme: { id: string; body_id: string; year: number } | null;
  kind_ok: boolean;
  grp: { programme_id: string } | null;
  parent: { programme_id: string; group_id: string | null } | null;
  bodies: { id: string; unit_id: string; valid_to: string | null }[];
  people: string[];
  account: { disabled_at: string | null } | null;
  /** The first field naming a record the task may not name (missing, or outside the scope), or null. */
  refused: string | null;
};

/** What a new task refers to, as the columns of one select (issue 6: eight round trips and more with cooperators). */
function newTaskRefs(input: NewTask, by: WorkCaller) {
  // A subtask's parent must be one the caller reads.
  const parentVisible = taskVisible(by, 'pt');
  const bodyIds = [input.leadBodyId, ...input.cooperators.map((co) => co.bodyId)];
  const personIds = [input.responsiblePersonId, ...input.cooperators.map((co) => co.personId)].filter((x): x is string => Boolean(x));
  return sql`(select json_build_object('id', id, 'body_id', body_id, 'year', year) from programmes where id = ${input.programmeId}::uuid and deleted_at is null) as programme,
      exists (select 1 from task_kinds where code = ${input.kind} and deleted_at is null) as kind_ok,
      (select json_build_object('programme_id', programme_id) from task_groups where id = ${input.groupId ?? null}::uuid and deleted_at is null) as grp,
      (select json_build_object('programme_id', programme_id, 'group_id', group_id) from tasks pt where pt.id = ${input.parentId ?? null}::uuid and pt.deleted_at is null and ${parentVisible}) as parent,
      (select coalesce(json_agg(json_build_object('id', id, 'unit_id', unit_id, 'valid_to', valid_to)), '[]') from bodies where id = any (${bodyIds}::uuid[]) and deleted_at is null) as bodies,
      (select coalesce(json_agg(id), '[]') from people where id = any (${personIds}::uuid[]) and deleted_at is null) as people,
      (select json_build_object('disabled_at', disabled_at) from accounts where id = ${input.assigneeAccountId ?? null}::uuid and deleted_at is null) as account,
      ${firstRefusedSql(by, programmeOwnerUnit(input.programmeId), taskReferenceChecks(input))} as refused`;
}

/** Inserts a task after its checks; the caller has checked the permission. `known`: its number and what it refers
 * to, when the caller has read them (createTask, in the statement that takes the number). Read before the insert's
 * transaction or inside it, they are read under the same rule (read committed: a concurrent change can commit
 * between the read and the insert either way; the foreign keys hold the rows themselves). One statement: in a
 * transaction, or a transaction by itself when `known` is given (createTask's fast path). */
export async function insertTask(trx: Trx | Database, actor: Actor, today: string, input: NewTask, known?: { number: number; refs: NewTaskRefs }): Promise<string> {
  if (!known && !trx.isTransaction) throw new Error('insertTask reads what the task refers to and its number in the transaction it writes in');
  // Everything the new task refers to, read in one statement, then checked in the order the fields are given.
  const by = input.refsFor ?? systemCaller(today);
  const refs = known?.refs ?? (await sql<NewTaskRefs>`select ${newTaskRefs(input, by)}`.execute(trx)).rows[0]!;
  const programme = refs.programme;
  if (!programme) throw referenceRefused('programmeId');
  if (!refs.kind_ok) throw referenceRefused('kind');
  // A group or parent of another programme is refused as a missing one: its programme may be one the caller cannot read.
  if (input.groupId && refs.grp?.programme_id !== programme.id) throw referenceRefused('groupId');
  let groupId = input.groupId ?? null;
  if (input.parentId) {
    if (refs.parent?.programme_id !== programme.id) throw referenceRefused('parentId');
    groupId = groupId ?? refs.parent.group_id;
  }
  if (refs.refused) throw referenceRefused(refs.refused);
  checkDates(input.startDate, input.dueDate);
  const date = input.startDate ?? today;
  const bodies = new Map(refs.bodies.map((b) => [b.id, b]));
  const people = new Set(refs.people);
  const lead = usableBody(bodies.get(input.leadBodyId), 'leadBodyId', date);
  if (input.responsiblePersonId && !people.has(input.responsiblePersonId)) throw referenceRefused('responsiblePersonId');
  if (input.assigneeAccountId) {
    if (!refs.account) throw referenceRefused('assigneeAccountId');
    if (refs.account.disabled_at) throw new AppError('ACCOUNT_DISABLED', { field: 'assigneeAccountId' });
  }
  checkCooperatorList(input.leadBodyId, input.cooperators, bodies, people, date);
  const number = known?.number ?? (await nextTaskNumber(trx, programme.id));
  const status = input.status ?? (input.assign ? 'assigned' : 'draft');
  // The task, its cooperating bodies and its first history line in one statement (data-modifying CTEs; the id is
  // made here, and the foreign keys are checked at the end of the statement).
  const id = crypto.randomUUID();
  const task = {
    id,
    programme_id: programme.id,
    number,
    group_id: groupId,
    parent_id: input.parentId ?? null,
    kind: input.kind,
    title: input.title,
    title_fold: fold(input.title),
    description: input.description || null,
    lead_body_id: lead.id,
    unit_id: lead.unit_id,
    responsible_person_id: input.responsiblePersonId ?? null,
    assignee_account_id: input.assigneeAccountId ?? null,
    start_date: input.startDate ?? null,
    due_date: input.dueDate ?? null,
    original_due_date: input.dueDate ?? null,
    target_value: input.targetValue ?? null,
    target_unit: input.targetUnit ?? null,
    priority: input.priority ?? 'normal',
    weight: input.weight ?? 1,
    status,
    recurrence: input.recurrence ?? null,
    // A recurring task starts its own series.
    series_id: input.seriesId ?? (input.recurrence ? id : null),
    occurrence: input.occurrence ?? (input.recurrence ? 1 : null),
    cascaded: input.cascaded ?? false,
    created_by: actor.accountId,
  };
  const cooperators = input.cooperators.map((co) => ({ task_id: id, body_id: co.bodyId, part: co.part || null, person_id: co.personId ?? null }));
  const history = status !== 'draft' ? [{ task_id: id, kind: 'status' as const, from_status: 'draft', to_status: status, entered_by: actor.accountId }] : [];
  // The actor is (re)set in this statement: its AFTER triggers write the audit rows once it has run, and createTask's
  // transaction sets it nowhere else.
  await trx
    .with('actor', (db) => db.selectNoFrom(actorSettings(actor).as('set')))
    .with('new_task', (db) => db.insertInto('tasks').values(task).returning('id'))
    .with('new_cooperators', (db) => (cooperators.length ? db.insertInto('task_cooperators').values(cooperators).returning('id') : db.selectNoFrom(sql<string>`null::uuid`.as('id'))))
    .with('new_history', (db) => (history.length ? db.insertInto('task_updates').values(history).returning('id') : db.selectNoFrom(sql<string>`null::uuid`.as('id'))))
    .selectFrom(['new_task', 'actor'])
    .select('new_task.id')
    .where('actor.set', '=', true)
    .execute();
  return id;
}

/** May the caller add a task to the programme (or under the parent)? Managers of the owner body; for a subtask
 * also the managers of the parent's lead body (a commune breaks its cascaded task down). If so, the programme's next
 * task number and what the new task refers to (insertTask checks them), in the same statement.
 *
 * The number is committed before the task's transaction: holding the programme's row lock until that transaction
 * commits queued every concurrent create behind it (issue 6). Its commit does not wait for the disk
 * (synchronous_commit off for this statement alone): the task's own commit, which does wait, flushes the log up to
 * itself and so this earlier record too; a crash between the two loses only a number that no task has. A create
 * refused after this point leaves a gap in the programme's numbers; numbers order tasks, they are not a register. */
async function takeTaskNumber(q: Database, c: WorkCaller, input: NewTask): Promise<{ number: number; refs: NewTaskRefs }> {
  // Inside a transaction the setting below would stop that whole transaction's commit from waiting for the disk.
  if (q.isTransaction) throw new Error('takeTaskNumber runs in its own statement, outside a transaction');
  const holds = (alias: string) => (c.isAdmin ? sql<boolean>`true` : sql<boolean>`(select h.ok from holds_rows(${c.accountId}::uuid, ${c.today}::date, 'work.manage', ${sql.ref(alias + '.unit_id')}, ${sql.ref(alias + '.id')}) h)`);
  // A programme the caller cannot read is refused as a missing one (canReadProgramme's rule, cheapest test first).
  const readable = c.isAdmin
    ? sql<boolean>`true`
    : sql<boolean>`case when p.id = any (${c.readableProgrammes ?? []}::uuid[]) then true
        when programme_readable(${c.accountId}::uuid, ${c.today}::date, p.id) then true
        else exists (select 1 from tasks t where t.programme_id = p.id and ${taskVisible(c)}) end`;
  const r = (
    await sql<{ found: boolean; may: boolean | null; number: number | null } & NewTaskRefs>`with chk as (
        select (${holds('pb')} or coalesce((select ${holds('lb')} from tasks pt join bodies lb on lb.id = pt.lead_body_id where pt.id = ${input.parentId ?? null}::uuid and pt.deleted_at is null), false)) as may
          from programmes p join bodies pb on pb.id = p.body_id where p.id = ${input.programmeId}::uuid and p.deleted_at is null and ${readable}),
      n as (update programmes set task_counter = task_counter + 1 where id = ${input.programmeId}::uuid and deleted_at is null and (select may from chk) returning task_counter)
      select set_config('synchronous_commit', 'off', true) is not null and exists (select 1 from chk) as found, (select may from chk) as may, (select task_counter from n) as number,
        ${newTaskRefs(input, c)}`.execute(q)
  ).rows[0]!;
  if (!r.found) throw referenceRefused('programmeId');
  if (!r.may || r.number === null) throw new AppError('FORBIDDEN');
  const { found: _f, may: _m, number, ...refs } = r;
  return { number, refs };
}

export async function createTask(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, newTask: NewTask, afterInsert?: (trx: Trx, taskId: string) => Promise<void>) {
  const input: NewTask = { ...newTask, refsFor: c };
  checkDates(input.startDate, input.dueDate);
  // The permission, the number and what the task refers to in one statement, before the transaction.
  const known = await takeTaskNumber(ctx.db, c, input);
  // A caller that reads the programme whole reads what it adds there: the insert is then a transaction by itself
  // (one statement, the actor set in it), and the answer is read after its commit — three round trips to the
  // database instead of six (issue 6).
  if (!afterInsert && (c.isAdmin || c.readableProgrammes?.includes(input.programmeId))) {
    const taskId = await insertTask(ctx.db, actor, c.today, input, known);
    return taskDetail(ctx, c, lang, taskId);
  }
  // Otherwise (a ward breaking down its part of a higher programme, say) the answer is read in the transaction,
  // and the insert's statement sets the actor for the audit rows (actorSetBy).
  return inTransaction(ctx.db, actor, async (trx) => {
    const taskId = await insertTask(trx, actor, c.today, input, known);
    if (afterInsert) await afterInsert(trx, taskId);
    // The answer is read in the same transaction, with the access check in its statement: the creator must be able
    // to read what it made (a subtask led outside its scope is refused, and the transaction with all it wrote rolled
    // back).
    return taskDetail({ db: trx }, c, lang, taskId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === 'NOT_FOUND' ? new AppError('FORBIDDEN', { field: 'leadBodyId' }) : err;
    });
  }, { leaves: 'identities', actorSetBy: 'first statement' });
}

/** Loads a task for a change: the access, and the row locked with its version checked. */
async function forChange(trx: Trx, c: WorkCaller, id: string, version?: number) {
  const access = await taskAccess(trx, c, id);
  const row = await trx.selectFrom('tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (version !== undefined && row.version !== version) throw conflict();
  return { access, row };
}

const bump = (trx: Trx, id: string) => trx.updateTable('tasks').set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', id);

export async function updateTask(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, id: string, input: z.infer<typeof s.updateTask>) {
  await inWorkTransaction(ctx.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id, input.version);
    if (!access.manage) throw new AppError('FORBIDDEN');
    if (row.status === 'accepted' || row.status === 'cancelled') throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    if (input.dueDate !== undefined && input.dueDate !== row.due_date && row.status !== 'draft') throw invalid('dueDate', 'validation.dueNeedsExtension');
    const start = input.startDate !== undefined ? input.startDate : row.start_date;
    const due = input.dueDate !== undefined ? input.dueDate : row.due_date;
    checkDates(start, due);
    if (input.kind) {
      const k = await trx.selectFrom('task_kinds').select('code').where('code', '=', input.kind).executeTakeFirst();
      if (!k) throw referenceRefused('kind');
    }
    if (input.groupId) {
      const g = await trx.selectFrom('task_groups').select('programme_id').where('id', '=', input.groupId).where('deleted_at', 'is', null).executeTakeFirst();
      if (g?.programme_id !== row.programme_id) throw referenceRefused('groupId');
    }
    await assertReferences(trx, c, programmeOwnerUnit(row.programme_id), taskReferenceChecks(input));
    await checkAccount(trx, input.assigneeAccountId, 'assigneeAccountId');
    const set: Record<string, unknown> = {};
    const map: [keyof typeof input, string][] = [
      ['groupId', 'group_id'], ['kind', 'kind'], ['title', 'title'], ['description', 'description'], ['responsiblePersonId', 'responsible_person_id'],
      ['assigneeAccountId', 'assignee_account_id'], ['startDate', 'start_date'], ['targetValue', 'target_value'], ['targetUnit', 'target_unit'],
      ['resultValue', 'result_value'], ['priority', 'priority'], ['weight', 'weight'], ['recurrence', 'recurrence'],
    ];
    for (const [k, col] of map) if (input[k] !== undefined) set[col] = input[k] === '' ? null : input[k];
    if (input.title) set.title_fold = fold(input.title);
    if (input.dueDate !== undefined && row.status === 'draft') Object.assign(set, { due_date: input.dueDate, original_due_date: input.dueDate });
    if (input.recurrence && !row.series_id) Object.assign(set, { series_id: row.id, occurrence: 1 });
    await trx.updateTable('tasks').set({ ...set, updated_at: new Date() }).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).execute();
    const changed = Object.keys(set).filter((k) => k !== 'title_fold' && k !== 'series_id' && k !== 'occurrence' && k !== 'original_due_date' && String(set[k] ?? '') !== String((row as Record<string, unknown>)[k] ?? ''));
    if (changed.length) await trx.insertInto('task_updates').values({ task_id: id, kind: 'edit', note: changed.join(', '), entered_by: c.accountId }).execute();
  });
  return taskDetail(ctx, c, lang, id);
}

export async function setCooperators(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, id: string, input: z.infer<typeof s.setCooperators>) {
  await inWorkTransaction(ctx.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id, input.version);
    if (!access.manage) throw new AppError('FORBIDDEN');
    await assertReferences(trx, c, programmeOwnerUnit(row.programme_id), taskReferenceChecks({ cooperators: input.cooperators }));
    await checkCooperators(trx, row.lead_body_id, input.cooperators, c.today);
    await writeCooperators(trx, id, input.cooperators);
    await bump(trx, id).execute();
  });
  return taskDetail(ctx, c, lang, id);
}

export async function transition(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, id: string, input: z.infer<typeof s.transition>) {
  await inWorkTransaction(ctx.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id, input.version);
    const rule = WORKFLOW[input.action];
    if (!rule.from.includes(row.status)) throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    if (!access[rule.who]) throw new AppError('FORBIDDEN');
    if (rule.reason && !input.reason) throw invalid('reason', 'validation.reasonRequired');
    const set: Record<string, unknown> = { status: rule.to, status_reason: input.reason || null };
    if (input.action === 'report_done') {
      const on = input.reportedOn ?? c.today;
      if (on > c.today) throw invalid('reportedOn', 'validation.notInFuture');
      Object.assign(set, { reported_done_on: on, reported_progress: 100 });
    }
    if (input.action === 'accept') {
      // Never the person who reported the work done (neither who typed it nor who said it).
      const last = await trx.selectFrom('task_updates').select(['entered_by', 'reported_by_person_id']).where('task_id', '=', id).where('to_status', '=', 'reported_done').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
      if (last && (last.entered_by === c.accountId || (c.personId && last.reported_by_person_id === c.personId))) throw new AppError('SELF_ACCEPT', { field: 'action' });
      Object.assign(set, { accepted_on: c.today, accepted_by: c.accountId });
    }
    if (input.action === 'return') Object.assign(set, { reported_done_on: null });
    if (input.action === 'reassign') {
      await assertReferences(trx, c, programmeOwnerUnit(row.programme_id), taskReferenceChecks(input));
      if (input.leadBodyId) {
        const b = await checkBody(trx, input.leadBodyId, 'leadBodyId', c.today);
        const coop = await trx.selectFrom('task_cooperators').select('id').where('task_id', '=', id).where('body_id', '=', b.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (coop) throw invalid('leadBodyId', 'validation.cooperatorIsLead');
        Object.assign(set, { lead_body_id: b.id, unit_id: b.unit_id });
      }
      await checkAccount(trx, input.assigneeAccountId, 'assigneeAccountId');
      if (input.responsiblePersonId !== undefined) set.responsible_person_id = input.responsiblePersonId;
      if (input.assigneeAccountId !== undefined) set.assignee_account_id = input.assigneeAccountId;
      if (!input.leadBodyId && input.responsiblePersonId === undefined && input.assigneeAccountId === undefined) throw invalid('leadBodyId', 'validation.reassignNothing');
    }
    await trx.updateTable('tasks').set({ ...set, updated_at: new Date() }).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).execute();
    await trx
      .insertInto('task_updates')
      .values({
        task_id: id,
        kind: 'status',
        from_status: row.status,
        to_status: rule.to,
        note: input.reason || null,
        progress: input.action === 'report_done' ? 100 : null,
        reported_by_person_id: input.action === 'report_done' ? c.personId : null,
        reported_on: input.action === 'report_done' ? (input.reportedOn ?? c.today) : null,
        entered_by: c.accountId,
      })
      .execute();
    if (input.action === 'accept' && row.series_id) await createNextOccurrence(trx, actor, row.series_id, c.today);
  });
  return taskDetail(ctx, c, lang, id);
}

/** Links uploaded files (made by this account, not yet linked) to a task. */
async function linkFiles(trx: Trx, c: WorkCaller, taskId: string, updateId: string | null, fileIds: readonly string[], field: (i: number) => string) {
  for (const [i, fileId] of fileIds.entries()) {
    const f = await trx.selectFrom('files').select(['id', 'created_by']).where('id', '=', fileId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!f || f.created_by !== c.accountId) throw referenceRefused(field(i));
    const used = await trx.selectFrom('task_files').select('id').where('file_id', '=', fileId).where('deleted_at', 'is', null).executeTakeFirst();
    if (used) throw invalid(field(i), 'validation.fileUsed');
    await trx.insertInto('task_files').values({ task_id: taskId, update_id: updateId, file_id: fileId }).execute();
  }
}

export async function reportProgress(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, id: string, input: z.infer<typeof s.progressInput>) {
  await inWorkTransaction(ctx.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id);
    if (!['assigned', 'in_progress', 'returned'].includes(row.status)) throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    const on = input.reportedOn ?? c.today;
    if (on > c.today) throw invalid('reportedOn', 'validation.notInFuture');
    // Who reported is one of the programme's people; the right to report is the caller's own (it may come from being
    // named on the task, with no role), so the caller's scope does not narrow it.
    if (input.reportedByPersonId) await assertReferences(trx, systemCaller(c.today), programmeOwnerUnit(row.programme_id), [{ field: 'reportedByPersonId', rule: 'nearPerson', id: input.reportedByPersonId }]);
    if (input.cooperatorId) {
      // Another task's cooperating body is refused as a missing one; this task's, without the right to report on it, is forbidden.
      const own = await trx.selectFrom('task_cooperators').select('id').where('id', '=', input.cooperatorId).where('task_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!own) throw referenceRefused('cooperatorId');
      if (!access.reportParts.includes(input.cooperatorId)) throw new AppError('FORBIDDEN', { field: 'cooperatorId' });
      await trx.updateTable('task_cooperators').set((eb) => ({ reported_progress: input.progress, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', input.cooperatorId).execute();
    } else {
      if (!access.report) throw new AppError('FORBIDDEN');
      if (access.facts.has_children) throw invalid('progress', 'validation.progressRollsUp');
      const set: Record<string, unknown> = { reported_progress: input.progress };
      if (row.status !== 'in_progress') set.status = 'in_progress';
      if (input.resultValue !== undefined) set.result_value = input.resultValue;
      await trx.updateTable('tasks').set({ ...set, updated_at: new Date() }).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).execute();
    }
    const u = await trx
      .insertInto('task_updates')
      .values({
        task_id: id,
        kind: 'progress',
        cooperator_id: input.cooperatorId ?? null,
        progress: input.progress,
        note: input.note || null,
        reported_by_person_id: input.reportedByPersonId === undefined ? c.personId : input.reportedByPersonId,
        reported_on: on,
        entered_by: c.accountId,
        from_status: !input.cooperatorId && row.status !== 'in_progress' ? row.status : null,
        to_status: !input.cooperatorId && row.status !== 'in_progress' ? 'in_progress' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkFiles(trx, c, id, u.id, input.fileIds, (i) => `fileIds.${i}`);
  });
  return taskDetail(ctx, c, lang, id);
}

export async function addComment(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, id: string, note: string) {
  await inWorkTransaction(ctx.db, actor, async (trx) => {
    await taskAccess(trx, c, id);
    await trx.insertInto('task_updates').values({ task_id: id, kind: 'comment', note, reported_by_person_id: c.personId, entered_by: c.accountId }).execute();
  });
  return taskDetail(ctx, c, lang, id);
}

export async function attachFile(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, id: string, fileId: string) {
  await inWorkTransaction(ctx.db, actor, async (trx) => {
    const { access } = await forChange(trx, c, id);
    if (!access.manage && !access.report && !access.reportParts.length) throw new AppError('FORBIDDEN');
    await linkFiles(trx, c, id, null, [fileId], () => 'fileId');
  });
  return taskDetail(ctx, c, lang, id);
}

export async function requestExtension(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, id: string, input: z.infer<typeof s.extensionRequest>) {
  await inWorkTransaction(ctx.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id);
    if (!access.report && !access.manage) throw new AppError('FORBIDDEN');
    if (['accepted', 'cancelled', 'draft'].includes(row.status)) throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    if (row.due_date && input.requestedDueDate <= row.due_date) throw invalid('requestedDueDate', 'validation.extensionNotLater');
    const open = await trx.selectFrom('task_extensions').select('id').where('task_id', '=', id).where('decision', 'is', null).executeTakeFirst();
    if (open) throw new AppError('ALREADY_EXISTS', { field: 'requestedDueDate' });
    await trx.insertInto('task_extensions').values({ task_id: id, requested_due_date: input.requestedDueDate, previous_due_date: row.due_date, reason: input.reason, requested_by: c.accountId }).execute();
    await trx.insertInto('task_updates').values({ task_id: id, kind: 'extension_requested', note: input.reason, reported_on: input.requestedDueDate, entered_by: c.accountId, reported_by_person_id: c.personId }).execute();
  });
  return taskDetail(ctx, c, lang, id);
}

/** The owner (a manager of the programme's owner body) grants or refuses; the original due date is kept. */
export async function decideExtension(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, extensionId: string, input: z.infer<typeof s.extensionDecision>) {
  const ext = await ctx.db.selectFrom('task_extensions').select(['task_id']).where('id', '=', extensionId).executeTakeFirst();
  if (!ext) throw new AppError('NOT_FOUND');
  await inWorkTransaction(ctx.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, ext.task_id);
    const owner = await holdsOverBody(trx, c, 'work.manage', access.facts.programme_body_id);
    if (!owner) throw new AppError('FORBIDDEN');
    const e = await trx.selectFrom('task_extensions').selectAll().where('id', '=', extensionId).forUpdate().executeTakeFirstOrThrow();
    if (e.version !== input.version) throw conflict();
    if (e.decision) throw new AppError('INVALID_TRANSITION', { params: { status: e.decision } });
    await trx
      .updateTable('task_extensions')
      .set((eb) => ({ decision: input.decision, decision_note: input.note || null, decided_by: c.accountId, decided_at: ctx.clock.now(), version: eb('version', '+', 1) }))
      .where('id', '=', extensionId)
      .execute();
    if (input.decision === 'granted')
      await trx
        .updateTable('tasks')
        .set((eb) => ({ due_date: e.requested_due_date, original_due_date: row.original_due_date ?? row.due_date, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', row.id)
        .execute();
    await trx
      .insertInto('task_updates')
      .values({ task_id: row.id, kind: input.decision === 'granted' ? 'extension_granted' : 'extension_refused', note: input.note || null, reported_on: e.requested_due_date, entered_by: c.accountId })
      .execute();
  });
  return taskDetail(ctx, c, lang, ext.task_id);
}

/** Cascade: one subtask per unit directly below the lead body's unit (communes under a district or province,
 * villages under a commune), led by the same-line body there (a body whose line reaches the lead body), else a
 * body of the same kind; units without one are reported as skipped. */
export async function cascade(ctx: Ctx, actor: Actor, c: WorkCaller, _lang: Lang, id: string, input: z.infer<typeof s.cascadeInput>) {
  return inWorkTransaction(ctx.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id);
    if (!access.manage) throw new AppError('FORBIDDEN');
    if (['accepted', 'cancelled'].includes(row.status)) throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    const due = input.dueDate ?? row.due_date;
    checkDates(row.start_date, due);
    const lead = await trx.selectFrom('bodies').select(['id', 'kind', 'unit_id']).where('id', '=', row.lead_body_id).executeTakeFirstOrThrow();
    const inForce = (a: string) => sql<SqlBool>`(${sql.ref(a + '.valid_from')} is null or ${sql.ref(a + '.valid_from')} <= ${c.today}::date) and (${sql.ref(a + '.valid_to')} is null or ${c.today}::date < ${sql.ref(a + '.valid_to')})`;
    let units = await trx.selectFrom('unit_tree as u').select(['u.unit_id', 'u.code', 'u.name']).where('u.parent_id', '=', lead.unit_id).where(inForce('u')).orderBy('u.code').execute();
    if (input.unitCodes) {
      const wanted = new Set(input.unitCodes);
      const unknown = input.unitCodes.findIndex((code) => !units.some((u) => u.code === code));
      if (unknown >= 0) throw new AppError('NOT_FOUND', { field: `unitCodes.${unknown}` });
      units = units.filter((u) => u.code && wanted.has(u.code));
    }
    const created: { taskId: string; unitCode: string | null; unitName: string; bodyName: string }[] = [];
    const skipped: { unitCode: string | null; unitName: string; reason: 'no_body' | 'already' }[] = [];
    for (const u of units) {
      const body = await trx
        .selectFrom('bodies as b')
        .select(['b.id', 'b.name'])
        .where('b.unit_id', '=', u.unit_id)
        .where('b.deleted_at', 'is', null)
        .where(inForce('b'))
        .where((eb) => eb.or([eb('b.kind', '=', lead.kind), sql<SqlBool>`${lead.id}::uuid = any (body_line(b.id))`]))
        .orderBy(sql`case when ${lead.id}::uuid = any (body_line(b.id)) then 0 else 1 end`)
        .orderBy('b.name')
        .limit(1)
        .executeTakeFirst();
      if (!body) {
        skipped.push({ unitCode: u.code, unitName: u.name, reason: 'no_body' });
        continue;
      }
      const dup = await trx.selectFrom('tasks').select('id').where('parent_id', '=', id).where('lead_body_id', '=', body.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (dup) {
        skipped.push({ unitCode: u.code, unitName: u.name, reason: 'already' });
        continue;
      }
      const taskId = await insertTask(trx, actor, c.today, {
        programmeId: row.programme_id,
        parentId: id,
        groupId: row.group_id,
        kind: row.kind,
        title: input.title ?? row.title,
        description: row.description ?? undefined,
        leadBodyId: body.id,
        startDate: row.start_date,
        dueDate: due,
        targetUnit: row.target_unit,
        priority: row.priority,
        cooperators: [],
        assign: true,
        cascaded: true,
        refsFor: c,
      });
      created.push({ taskId, unitCode: u.code, unitName: u.name, bodyName: body.name });
    }
    if (created.length) await bump(trx, id).execute();
    return { created, skipped };
  });
}

function nextPeriod(recurrence: 'monthly' | 'quarterly', due: string): { start: string; due: string } {
  const months = recurrence === 'monthly' ? 1 : 3;
  const d = new Date(due + 'T00:00:00Z');
  const start = new Date(d.getTime() + 86_400_000);
  // Due on the same day of the month `months` later, clamped to the month's end (31/01 → 28/02).
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const next = new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
  return { start: start.toISOString().slice(0, 10), due: next.toISOString().slice(0, 10) };
}

/** Creates the next occurrence of a recurring series once its latest occurrence is accepted or past due, within
 * the programme's year; idempotent (unique series + occurrence), so a job delivered twice creates it once. */
export async function createNextOccurrence(trx: Trx, actor: Actor, seriesId: string, today: string): Promise<string | null> {
  const last = await trx.selectFrom('tasks as t').innerJoin('programmes as p', 'p.id', 't.programme_id').selectAll('t').select('p.year').where('t.series_id', '=', seriesId).where('t.deleted_at', 'is', null).orderBy('t.occurrence', 'desc').limit(1).executeTakeFirst();
  if (!last || !last.recurrence || !last.due_date || last.status === 'cancelled') return null;
  if (!(last.status === 'accepted' || last.due_date < today)) return null;
  const period = nextPeriod(last.recurrence, last.due_date);
  if (Number(period.start.slice(0, 4)) > last.year) return null;
  const exists = await trx.selectFrom('tasks').select('id').where('series_id', '=', seriesId).where('occurrence', '=', (last.occurrence ?? 1) + 1).executeTakeFirst();
  if (exists) return null;
  const coops = await trx.selectFrom('task_cooperators').select(['body_id', 'part', 'person_id']).where('task_id', '=', last.id).where('deleted_at', 'is', null).execute();
  return insertTask(trx, actor, today, {
    programmeId: last.programme_id,
    parentId: last.parent_id,
    groupId: last.group_id,
    kind: last.kind,
    title: last.title,
    description: last.description ?? undefined,
    leadBodyId: last.lead_body_id,
    responsiblePersonId: last.responsible_person_id,
    assigneeAccountId: last.assignee_account_id,
    startDate: period.start,
    dueDate: period.due,
    targetValue: last.target_value === null ? null : Number(last.target_value),
    targetUnit: last.target_unit,
    priority: last.priority,
    weight: Number(last.weight),
    recurrence: last.recurrence,
    cooperators: coops.map((co) => ({ bodyId: co.body_id, part: co.part ?? undefined, personId: co.person_id })),
    assign: true,
    seriesId,
    occurrence: (last.occurrence ?? 1) + 1,
  });
}

/** The daily sweep's part for recurring tasks: every series whose latest occurrence is due or done. */
export async function createDueOccurrences(ctx: Pick<AppContext, 'db'>, today: string): Promise<number> {
  const series = await ctx.db
    .selectFrom('tasks')
    .select('series_id')
    .distinct()
    .where('series_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('status', '=', 'accepted'), eb('due_date', '<', today)]))
    .execute();
  let n = 0;
  for (const s of series) {
    const made = await inTransaction(ctx.db, { accountId: null, label: 'job:recurrence' }, (trx) => createNextOccurrence(trx, { accountId: null, label: 'job:recurrence' }, s.series_id!, today)).catch((err: { code?: string }) => {
      if (err.code === '23505') return null; // another server made it first
      throw err;
    });
    if (made) n++;
  }
  return n;
}

/** What taskDetail reads around a task, as PostgreSQL's JSON gives it (dates as text, timestamps as ISO text). */
type TaskSurroundings = {
  programme: { id: string; title: string; year: number; body_id: string; name: string };
  parents: { id: string; number: number; title: string }[];
  cooperators: { id: string; body_id: string; body_name: string; part: string | null; person_id: string | null; full_name: string | null; reported_progress: number; version: number }[];
  updates: {
    id: string; kind: z.infer<typeof s.taskDetail>['updates'][number]['kind']; cooperator_id: string | null; cooperator_body: string | null; progress: number | null; note: string | null; from_status: string | null; to_status: string | null;
    reported_by_person_id: string | null; reported_by: string | null; reported_on: string | null; entered_by: string | null; entered_by_name: string | null; created_at: string;
  }[];
  files: { update_id: string | null; id: string; filename: string; content_type: string; size_bytes: number; created_at: string }[];
  extensions: {
    id: string; requested_due_date: string; previous_due_date: string | null; reason: string; requested_by_name: string | null; requested_at: string; decision: 'granted' | 'refused' | null;
    decision_note: string | null; decided_by_name: string | null; decided_at: string | null; version: number;
  }[];
  conclusion: { id: string; briefing_id: string; title: string; held_on: string; text: string } | null;
};

type TaskDetailRow = TaskSurroundings & { rows: repo.TaskRow[]; access: TaskAccessRow | null };

/** taskDetail's one statement: the task, its subtasks and everything around them as JSON; the access check rides
 * along unless the caller has just made it (nothing is used unless it passes). Built once per shape. */
const taskDetailStatement = statementShapes((db, shape: { admin: boolean; known: boolean; readable: boolean; access: AccessMode }, v: { id: string; accountId: string; personId: string | null; today: string; readable: string[] | null }) => {
  const c: WorkCaller = { accountId: v.accountId, isAdmin: shape.admin, personId: v.personId, today: v.today, ...(shape.readable ? { readableProgrammes: v.readable! } : {}) };
  const id = v.id;
  const rowsQuery = repo.tasksQuery(db).where((eb) => eb.or([eb('t.id', '=', id), eb('t.parent_id', '=', id)]));
  const accessSql = shape.known ? sql`null` : sql`(select row_to_json(a) from (${taskAccessQuery(db, c, id, shape.access)}) a)`;
  return sql<TaskDetailRow>`
    with me as (select id, programme_id, parent_id from tasks where id = ${id}::uuid)
    select ${accessSql} as access,
      (select coalesce(json_agg(r order by r.number), '[]') from (${rowsQuery}) r) as rows,
      (select json_build_object('id', p.id, 'title', p.title, 'year', p.year, 'body_id', p.body_id, 'name', b.name)
         from programmes p join bodies b on b.id = p.body_id where p.id = (select programme_id from me)) as programme,
      (with recursive up as (select id, parent_id, number, title, 0 as depth from tasks where id = (select parent_id from me)
         union all select t.id, t.parent_id, t.number, t.title, up.depth + 1 from tasks t join up on t.id = up.parent_id where up.depth < 50)
       select coalesce(json_agg(json_build_object('id', id, 'number', number, 'title', title) order by depth desc), '[]') from up) as parents,
      (select coalesce(json_agg(x order by x.body_name collate "vi-x-icu"), '[]') from (
         select tc.id, tc.body_id, b.name as body_name, tc.part, tc.person_id, p.full_name, tc.reported_progress, tc.version
           from task_cooperators tc join bodies b on b.id = tc.body_id left join people p on p.id = tc.person_id
          where tc.task_id = (select id from me) and tc.deleted_at is null) x) as cooperators,
      (select coalesce(json_agg(x order by x.created_at desc, x.id), '[]') from (
         select u.id, u.kind, u.cooperator_id, cb.name as cooperator_body, u.progress, u.note, u.from_status, u.to_status, u.reported_by_person_id,
                rp.full_name as reported_by, u.reported_on, u.entered_by, ea.display_name as entered_by_name, u.created_at
           from task_updates u left join people rp on rp.id = u.reported_by_person_id left join accounts ea on ea.id = u.entered_by
           left join task_cooperators tc on tc.id = u.cooperator_id left join bodies cb on cb.id = tc.body_id
          where u.task_id = (select id from me)) x) as updates,
      (select coalesce(json_agg(x order by x.created_at), '[]') from (
         select tf.update_id, f.id, f.filename, f.content_type, f.size_bytes, f.created_at
           from task_files tf join files f on f.id = tf.file_id where tf.task_id = (select id from me) and tf.deleted_at is null) x) as files,
      (select coalesce(json_agg(x order by x.requested_at desc), '[]') from (
         select e.id, e.requested_due_date, e.previous_due_date, e.reason, ra.display_name as requested_by_name, e.requested_at, e.decision,
                e.decision_note, da.display_name as decided_by_name, e.decided_at, e.version
           from task_extensions e left join accounts ra on ra.id = e.requested_by left join accounts da on da.id = e.decided_by
          where e.task_id = (select id from me)) x) as extensions,
      (select json_build_object('id', bc.id, 'briefing_id', bc.briefing_id, 'title', b.title, 'held_on', b.held_on, 'text', bc.text)
         from briefing_conclusions bc join briefings b on b.id = bc.briefing_id where bc.task_id = (select id from me) and bc.deleted_at is null limit 1) as conclusion
  `;
});

export async function taskDetail(ctx: Pick<AppContext, 'db'>, c: WorkCaller, lang: Lang, id: string, known?: Awaited<ReturnType<typeof taskAccess>>) {
  const statement = taskDetailStatement(ctx.db, { admin: c.isAdmin, known: known !== undefined, readable: c.readableProgrammes !== undefined, access: accessMode(c) }, { id, accountId: c.accountId, personId: c.personId, today: c.today, readable: c.readableProgrammes ?? null });
  const around = (await ctx.db.executeQuery(statement)).rows[0]!;
  const access = known ?? accessOf(c, around.access ?? undefined);
  const rows = around.rows;
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('NOT_FOUND');
  const subRows = rows.filter((r) => r.id !== id);
  const progress = await repo.progressOfRows(ctx.db, rows);
  const subProgress = progress;
  const { programme, parents, cooperators, updates, files, extensions, conclusion } = around;
  const fileOf = (f: (typeof files)[number]) => ({ id: f.id, filename: f.filename, contentType: f.content_type, size: Number(f.size_bytes), url: fileUrl(f.id)!, createdAt: new Date(f.created_at).toISOString() });
  const iso = (d: string | null) => (d ? new Date(d).toISOString() : null);
  const item = repo.presentTask(row, lang, c.today, progress);
  return {
    task: { ...item, description: row.description },
    programme: { id: programme.id, title: programme.title, year: programme.year, bodyId: programme.body_id, bodyName: programme.name },
    parents,
    cooperators: cooperators.map((co) => ({ id: co.id, bodyId: co.body_id, bodyName: co.body_name, part: co.part, personId: co.person_id, personName: co.full_name, progress: co.reported_progress, version: Number(co.version) })),
    subtasks: subRows.map((r) => repo.presentTask(r, lang, c.today, subProgress)),
    updates: updates.map((u) => ({
      id: u.id,
      kind: u.kind,
      cooperatorId: u.cooperator_id,
      cooperatorBodyName: u.cooperator_body,
      progress: u.progress,
      note: u.note,
      fromStatus: u.from_status,
      toStatus: u.to_status,
      reportedByPersonId: u.reported_by_person_id,
      reportedByName: u.reported_by,
      reportedOn: u.reported_on,
      enteredById: u.entered_by,
      enteredByName: u.entered_by_name,
      createdAt: new Date(u.created_at).toISOString(),
      // A history line's evidence files, as the schema has them: without their own date (the line has it).
      files: files.filter((f) => f.update_id === u.id).map((f) => { const { createdAt: _at, ...file } = fileOf(f); return file; }),
    })),
    files: files.filter((f) => !f.update_id).map(fileOf),
    extensions: extensions.map((e) => ({
      id: e.id,
      requestedDueDate: e.requested_due_date,
      previousDueDate: e.previous_due_date,
      reason: e.reason,
      requestedByName: e.requested_by_name,
      requestedAt: new Date(e.requested_at).toISOString(),
      decision: e.decision,
      decisionNote: e.decision_note,
      decidedByName: e.decided_by_name,
      decidedAt: iso(e.decided_at),
      version: e.version,
    })),
    conclusion: conclusion ? { id: conclusion.id, briefingId: conclusion.briefing_id, briefingTitle: conclusion.title, heldOn: conclusion.held_on, text: conclusion.text } : null,
    permissions: { manage: access.manage, accept: access.accept, report: access.report, reportParts: access.reportParts, comment: access.comment, actions: access.actions },
  };
}

/** Tasks the caller may read, filtered; progress by the rollup rule. */
export async function listTasks(ctx: Pick<AppContext, 'db'>, c: WorkCaller, lang: Lang, q: z.infer<typeof s.tasksQuery>) {
  const rows = (await ctx.db.executeQuery(listTasksStatement(ctx, c, q))).rows[0]!.rows;
  // A page past the end has no row to carry the total, so count apart then.
  const total = rows.length ? Number(rows[0]!.total_count) : q.page > 1 ? (await listStatements(ctx.db, ...listShape(c, q)).matches.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n : 0;
  const progress = await repo.progressOfRows(ctx.db, rows);
  return { items: rows.map((r) => repo.presentTask(r, lang, c.today, progress)), total };
}

type ListShape = {
  admin: boolean;
  readable: boolean;
  filters: string[];
  statuses: number;
  timeliness: z.infer<typeof s.timeliness> | null;
  search: boolean;
  sort: NonNullable<z.infer<typeof s.tasksQuery>['sort']>;
  pageSize: number;
};
type ListValues = {
  accountId: string;
  readable?: string[];
  today: string;
  offset: number;
  programmeId?: string;
  groupId?: string;
  parentId?: string;
  bodyId?: string;
  assigneeAccountId?: string;
  kind?: string;
  dueFrom?: string;
  dueTo?: string;
  unit?: string;
  like?: string;
  exact?: string;
  wordStart?: string;
} & Record<`status${number}`, string>;

const VALUE_FILTERS = ['programmeId', 'groupId', 'parentId', 'bodyId', 'assigneeAccountId', 'kind', 'dueFrom', 'dueTo', 'unit'] as const;

/** A list query as the shape of its statement (what it filters on, its order and page size) and its values. */
function listShape(c: WorkCaller, q: z.infer<typeof s.tasksQuery>): [ListShape, ListValues] {
  const statuses = q.status ? (Array.isArray(q.status) ? q.status : [q.status]) : [];
  const needle = q.q ? fold(q.q) : null;
  const like = (text: string) => '%' + text.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
  const values: ListValues = { accountId: c.accountId, today: c.today, offset: (q.page - 1) * q.pageSize, ...(c.readableProgrammes ? { readable: c.readableProgrammes } : {}) };
  const filters: string[] = [];
  for (const f of VALUE_FILTERS) {
    const v = q[f];
    if (v) {
      values[f] = v;
      filters.push(f);
    }
  }
  if (q.topLevel === 'true') filters.push('topLevel');
  for (const [i, st] of statuses.entries()) values[`status${i}`] = st;
  if (needle !== null) {
    values.like = like(needle);
    // Relevance: the words exactly as typed, then the folded words at the start of a word.
    values.exact = like(q.q!.normalize('NFC'));
    values.wordStart = like(' ' + needle);
  }
  const shape: ListShape = { admin: c.isAdmin, readable: c.readableProgrammes !== undefined, filters, statuses: statuses.length, timeliness: q.timeliness ?? null, search: needle !== null, sort: q.sort ?? (needle !== null ? 'relevance' : 'number'), pageSize: q.pageSize };
  return [shape, values];
}

/** The one statement behind a task list (the benchmark explains it as it is): the page's rows with the total. Built
 * once per shape (statement-shapes.ts). */
export function listTasksStatement(ctx: Pick<AppContext, 'db'>, c: WorkCaller, q: z.infer<typeof s.tasksQuery>) {
  return listStatement(ctx.db, ...listShape(c, q));
}
const listStatement = statementShapes((db, shape: ListShape, v: ListValues) => listStatements(db, shape, v).statement);

function listStatements(db: Database, shape: ListShape, v: ListValues) {
  const c: WorkCaller = { accountId: v.accountId, isAdmin: shape.admin, personId: null, today: v.today, ...(shape.readable ? { readableProgrammes: v.readable! } : {}) };
  const has = (f: string) => shape.filters.includes(f);
  // The filters run on the tasks alone (and their group, for the order); the page's 25 rows then get their joins
  // and sub-selects. Building every column for every match before the limit cost 5–7 ms a list (issue 6).
  // A search starts from task_search, the narrow copy of the titles (migration 0011): the tasks table joins only
  // when another filter or the order needs it (PostgreSQL drops an unused left join).
  const a = shape.search ? 's' : 't';
  const tasks = db.selectFrom('tasks as t').leftJoin('task_groups as g', 'g.id', 't.group_id').where('t.deleted_at', 'is', null);
  let query = shape.search
    ? (db.selectFrom('task_search as s').leftJoin('tasks as t', 't.id', 's.id').leftJoin('task_groups as g', 'g.id', 's.group_id') as unknown as typeof tasks)
    : tasks;
  const col = (name: string) => sql.ref(`${a}.${name}`);
  query = query.where(taskVisible(c, a));
  if (has('programmeId')) query = query.where(sql<SqlBool>`${col('programme_id')} = ${v.programmeId}::uuid`);
  if (has('groupId')) query = query.where(sql<SqlBool>`${col('group_id')} = ${v.groupId}::uuid`);
  if (has('parentId')) query = query.where('t.parent_id', '=', v.parentId!);
  if (has('topLevel')) query = query.where('t.parent_id', 'is', null);
  if (has('bodyId')) {
    const b = v.bodyId!;
    query = query.where((eb) => eb.or([eb('t.lead_body_id', '=', b), sql<SqlBool>`exists (select 1 from task_cooperators tc where tc.task_id = ${col('id')} and tc.body_id = ${b}::uuid and tc.deleted_at is null)`]));
  }
  if (has('assigneeAccountId')) query = query.where('t.assignee_account_id', '=', v.assigneeAccountId!);
  if (has('kind')) query = query.where('t.kind', '=', v.kind!);
  if (shape.statuses) query = query.where('t.status', 'in', Array.from({ length: shape.statuses }, (_x, i) => v[`status${i}`] as TaskStatus));
  if (has('dueFrom')) query = query.where('t.due_date', '>=', v.dueFrom!);
  if (has('dueTo')) query = query.where('t.due_date', '<=', v.dueTo!);
  if (shape.timeliness) query = query.where(timelinessSql(shape.timeliness, v.today));
  if (has('unit')) {
    query = query.where(sql<SqlBool>`exists (select 1 from unit_tree tu join unit_tree anc on anc.code = ${v.unit} and (anc.valid_from is null or anc.valid_from <= ${v.today}::date) and (anc.valid_to is null or ${v.today}::date < anc.valid_to)
      where tu.unit_id = t.unit_id and tu.path <@ anc.path)`);
  }
  if (shape.search) query = query.where(sql<SqlBool>`s.title_fold like ${v.like}`);
  // Sort keys, all ascending and never null (so that the page can carry them to the outer query).
  const byNumber = [sql`coalesce(g.position, 32767)`, sql`${col('number')}`];
  // Relevance (the default with a search): the words exactly as typed, accents and capitals included, first; then
  // the folded words at the start of a word ("Tra Co" → "Trà Cổ"); then inside one ("Kiểm tra cống"). Plain LIKE on
  // both: a Unicode lower() over every match cost a third of the search's speed.
  const relevance = shape.search ? [sql`case when s.title like ${v.exact} then 0 when (' ' || s.title_fold) like ${v.wordStart} then 1 else 2 end`, ...byNumber] : byNumber;
  const keys = { relevance, number: byNumber, due: [sql`coalesce(t.due_date, 'infinity'::date)`, sql`t.number`], status: [sql`t.status`, sql`t.number`], progress: [sql`-t.reported_progress`, sql`t.number`] }[shape.sort];
  // One statement: the matches with their sort keys, kept once (a CTE), counted and sorted to the page (a top-N
  // sort); then the page's rows. A window count over the matches cost 2 ms more for 7,000 of them.
  const matches = query.select([sql<string>`${col('id')}`.as('id'), ...keys.map((k, i) => k.as(`k${i}`))]);
  let page = db
    .with((w) => w('m').materialized(), () => matches)
    .selectFrom('m')
    .select(['m.id', sql<number>`(select count(*) from m)`.as('total_count'), ...keys.map((_k, i) => sql.ref(`m.k${i}`).as(`k${i}`))]);
  for (const [i] of keys.entries()) page = page.orderBy(sql.ref(`m.k${i}`));
  // The page size is written into the statement (a whole number of 1–1000, checked by the schema): as a parameter,
  // PostgreSQL's shared plan guessed a tenth of the matches, priced joining them all, and fell back to planning
  // each list afresh — 4.4 ms of planning for 2.8 ms of work (issue 6, a group's tasks at 100,000).
  const paged = page.orderBy('m.id').limit(sql.lit(shape.pageSize)).offset(sql<number>`${v.offset}`);
  const outer = repo.taskListQuery(db).innerJoin(paged.as('pg'), 'pg.id', 't.id').select(['pg.total_count', ...keys.map((_k, i) => sql.ref(`pg.k${i}`).as(`k${i}`))]);
  // The page as one JSON value: the driver then parses one field, not forty for each of 25 rows (issue 6: a full
  // page's rows cost Node more than the database spent finding them). taskDetail reads its rows the same way.
  const order = sql.join([...keys.map((_k, i) => sql.ref(`r.k${i}`)), sql.ref('r.id')]);
  const statement = sql<{ rows: (repo.TaskListRow & { total_count: number })[] }>`select coalesce(json_agg(r order by ${order}), '[]') as rows from (${outer}) r`;
  return { statement, matches: query };
}

/** The SQL form of timelinessOf (rollup.ts), for filters. */
export function timelinessSql(tl: z.infer<typeof s.timeliness>, today: string) {
  const soon = sql`(${today}::date + 7)`;
  switch (tl) {
    case 'cancelled': return sql<SqlBool>`t.status = 'cancelled'`;
    case 'on_time': return sql<SqlBool>`t.status = 'accepted' and (t.due_date is null or coalesce(t.reported_done_on, t.due_date) <= t.due_date)`;
    case 'late': return sql<SqlBool>`t.status = 'accepted' and t.due_date is not null and t.reported_done_on > t.due_date`;
    case 'no_due': return sql<SqlBool>`t.status not in ('accepted', 'cancelled') and t.due_date is null`;
    case 'overdue': return sql<SqlBool>`t.status not in ('accepted', 'cancelled') and t.due_date < ${today}::date`;
    case 'due_soon': return sql<SqlBool>`t.status not in ('accepted', 'cancelled') and t.due_date >= ${today}::date and t.due_date <= ${soon}`;
    case 'open': return sql<SqlBool>`t.status not in ('accepted', 'cancelled') and t.due_date > ${soon}`;
  }
}

/** "My work": tasks where the caller or its body leads, cooperates, or must accept; overdue and due soon first.
 *
 * As the task list (issue 6): the matches are found and ordered on the tasks alone (a CTE, read from the open tasks'
 * covering index, migration 0014), counted exactly by section (overdue, due soon, the rest) and cut to the page with
 * the caller's roles on each; only then does a second statement read the page's rows with their joins and
 * sub-selects. Building every column of every match before the limit took 790 ms at 100,000 tasks for an officer
 * whose bodies lead 74,765 open ones (and its plan's cost set off 6 s of JIT compiling on a server with JIT on); the
 * page of 100 is written with the exact totals, so the page no longer stops silently at 500. */
export async function myWork(ctx: Pick<AppContext, 'db'>, c: WorkCaller, lang: Lang, q: z.infer<typeof s.myWorkQuery>) {
  const mine = repo.myBodiesSql(c.accountId, c.today);
  // The programmes whose owner body the caller may accept work for: found once, not once per task.
  const accepting = sql`(select ap.id from programmes ap join bodies ob on ob.id = ap.body_id where holds_over(${c.accountId}::uuid, ${c.today}::date, 'work.accept', ob.unit_id, ob.id))`;
  const roleSql = {
    lead: sql<SqlBool>`t.lead_body_id in ${mine}`,
    assignee: sql<SqlBool>`t.assignee_account_id = ${c.accountId}::uuid`,
    responsible: c.personId ? sql<SqlBool>`t.responsible_person_id = ${c.personId}::uuid` : sql<SqlBool>`false`,
    cooperate: sql<SqlBool>`exists (select 1 from task_cooperators tc where tc.task_id = t.id and tc.deleted_at is null and (tc.body_id in ${mine} or tc.person_id = ${c.personId}::uuid))`,
    accept: sql<SqlBool>`(t.status = 'reported_done' and t.programme_id in ${accepting})`,
  };
  const roles = (Object.keys(roleSql) as (keyof typeof roleSql)[]).filter((r) => !q.role || q.role === r);
  let matches = ctx.db.selectFrom('tasks as t').where('t.deleted_at', 'is', null).where(taskVisible(c));
  matches = matches.where((eb) => eb.or(roles.map((r) => roleSql[r])));
  if (q.includeDone !== 'true') matches = matches.where('t.status', 'not in', ['accepted', 'cancelled', 'draft']);
  if (q.dueWithin !== undefined) matches = matches.where('t.due_date', '<=', sql<string>`${c.today}::date + ${q.dueWithin}::int`);
  // The sections of the page (web/features/my-work): overdue, due within 7 days, the rest.
  const keyed = matches.select([
    't.id',
    sql<number>`case when t.status in ('accepted', 'cancelled') then 2 when t.due_date < ${c.today}::date then 0 else 1 end`.as('k0'),
    sql<string>`coalesce(t.due_date, 'infinity'::date)`.as('k1'),
    't.number as k2',
    sql<boolean>`${timelinessSql('overdue', c.today)}`.as('overdue'),
    sql<boolean>`${timelinessSql('due_soon', c.today)}`.as('due_soon'),
  ]);
  // Two statements: as one, PostgreSQL planned the whole of it afresh on every call (its generic plan priced higher),
  // 5–8 ms of planning for 7 ms of work; the page's rows by id are a small statement that keeps its plan. At 10,000
  // tasks (7,454 of them the officer's) the database's time a call went from 12.0 to 8.7 ms (bench:work --routes mine).
  const flags = roles.map((r) => sql`(${roleSql[r]}) as ${sql.ref(`is_${r}`)}`);
  const statement = sql<{ counts: { total: number; overdue: number; due_soon: number }; page: ({ id: string } & Record<string, boolean>)[] }>`with m as materialized (${keyed})
    select (select json_build_object('total', count(*), 'overdue', count(*) filter (where overdue), 'due_soon', count(*) filter (where due_soon)) from m) as counts,
      coalesce((select json_agg(r order by r.k0, r.k1, r.k2, r.id) from (
        select pg.id, pg.k0, pg.k1, pg.k2, ${sql.join(flags)}
        from (select m.id, m.k0, m.k1, m.k2 from m order by m.k0, m.k1, m.k2, m.id limit ${sql.lit(q.pageSize)} offset ${(q.page - 1) * q.pageSize}) pg
        join tasks t on t.id = pg.id) r), '[]') as page`;
  const { counts, page } = (await statement.execute(ctx.db)).rows[0]!;
  const byId = new Map((await repo.taskRowsByIds(ctx.db, page.map((p) => p.id))).map((r) => [r.id, r]));
  // A task deleted between the two statements is left out of the page.
  const rows = page.flatMap((p) => {
    const row = byId.get(p.id);
    return row ? [{ ...row, ...p }] : [];
  });
  const progress = await repo.progressOfRows(ctx.db, rows);
  return {
    items: rows.map((r) => {
      const flags = r as unknown as Record<string, boolean>;
      return repo.presentTask(r, lang, c.today, progress, roles.filter((role) => flags[`is_${role}`]));
    }),
    total: counts.total,
    sections: { overdue: counts.overdue, dueSoon: counts.due_soon, rest: counts.total - counts.overdue - counts.due_soon },
  };
}
