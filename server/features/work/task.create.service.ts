import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { fold } from '../../i18n/names.ts';
import {
  insertTaskRows,
  nextTaskNumber,
  readTaskRefs,
  takeNumberAndRefs,
  type NewTaskRefs,
} from './task.create.repository.ts';
import { taskDetail } from './task.detail.service.ts';
import { checkTargetIndicator, targetIndicatorColumns } from './task.reported.ts';
import { checkCooperatorList, checkDates, usableBody } from './task.rules.ts';
import type * as s from './task.schemas.ts';
import type { WorkCaller, WorkRequest } from './work.scope.ts';

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
export const systemCaller = (today: string): WorkCaller => ({ accountId: '', isAdmin: true, personId: null, today });

/** Inserts a task after its checks; the caller has checked the permission. `known`: its number and what it names,
 * when the caller has read them (createTask, in the statement that takes the number). Read before the insert's
 * transaction or inside it, they are read under the same rule (read committed: a concurrent change can commit
 * between the read and the insert either way; the foreign keys hold the rows themselves). One statement: in a
 * transaction, or a transaction by itself when `known` is given (createTask's fast path). */
export async function insertTask(
  trx: Trx | Database,
  actor: Actor,
  today: string,
  input: NewTask,
  known?: { number: number; refs: NewTaskRefs },
): Promise<string> {
  if (!known && !trx.isTransaction)
    throw new Error('insertTask reads what the task names and its number in the transaction it writes in');
  const refs = known?.refs ?? (await readTaskRefs(trx, input, input.refsFor ?? systemCaller(today)));
  // Checked in the order the fields are given.
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
  if (input.responsiblePersonId && !people.has(input.responsiblePersonId))
    throw referenceRefused('responsiblePersonId');
  if (input.assigneeAccountId) {
    if (!refs.account) throw referenceRefused('assigneeAccountId');
    if (refs.account.disabled_at) throw new AppError('ACCOUNT_DISABLED', { field: 'assigneeAccountId' });
  }
  checkCooperatorList(input.leadBodyId, input.cooperators, bodies, people, date);
  await checkTargetIndicator(trx, input, { programmeId: programme.id });
  const number = known?.number ?? (await nextTaskNumber(trx, programme.id));
  if (number === null) throw referenceRefused('programmeId');
  const status = input.status ?? (input.assign ? 'assigned' : 'draft');
  // The id is made here, so the task and its surroundings go in one statement.
  const id = crypto.randomUUID();
  await insertTaskRows(
    trx,
    actor,
    {
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
      ...targetIndicatorColumns(input),
      priority: input.priority ?? 'normal',
      weight: input.weight ?? 1,
      status,
      recurrence: input.recurrence ?? null,
      // A recurring task starts its own series.
      series_id: input.seriesId ?? (input.recurrence ? id : null),
      occurrence: input.occurrence ?? (input.recurrence ? 1 : null),
      cascaded: input.cascaded ?? false,
      created_by: actor.accountId,
    },
    input.cooperators.map((co) => ({
      task_id: id,
      body_id: co.bodyId,
      part: co.part || null,
      person_id: co.personId ?? null,
    })),
    status !== 'draft'
      ? [{ task_id: id, kind: 'status' as const, from_status: 'draft', to_status: status, entered_by: actor.accountId }]
      : [],
  );
  return id;
}

/** May the caller add a task to the programme (or under the parent)? If so, the programme's next number and what
 * the task names, read in one statement before the task's transaction. The number is committed apart: holding the
 * programme's row lock until the task's transaction commits queued every concurrent create behind it. A create
 * refused after this point leaves a gap in the programme's numbers; numbers order tasks, they are not a register. */
async function takeTaskNumber(
  q: Database,
  c: WorkCaller,
  input: NewTask,
): Promise<{ number: number; refs: NewTaskRefs }> {
  const r = await takeNumberAndRefs(q, c, input);
  if (!r.found) throw referenceRefused('programmeId');
  if (!r.may || r.number === null) throw new AppError('FORBIDDEN');
  const { found: _f, may: _m, number, ...refs } = r;
  return { number, refs };
}

/** Creates a task ('work.manage' over the owner body, or over the parent's lead body for a subtask) and answers its
 * page. `afterInsert` runs in the task's transaction (a briefing's conclusion linked to it). */
export async function createTask(
  r: WorkRequest,
  newTask: NewTask,
  afterInsert?: (trx: Trx, taskId: string) => Promise<void>,
) {
  const { caller: c, actor } = r;
  const input: NewTask = { ...newTask, refsFor: c };
  checkDates(input.startDate, input.dueDate);
  const known = await takeTaskNumber(r.app.db, c, input);
  // A caller that reads the programme whole reads what it adds there: the insert is then a transaction by itself
  // (one statement, the actor set in it), and the answer is read after its commit.
  if (!afterInsert && (c.isAdmin || c.readableProgrammes?.includes(input.programmeId))) {
    const taskId = await insertTask(r.app.db, actor, c.today, input, known);
    return taskDetail(r, taskId);
  }
  // Otherwise (a ward breaking down its part of a higher programme, say) the answer is read in the transaction,
  // and the insert's statement sets the actor for the audit rows (actorSetBy).
  return inTransaction(
    r.app.db,
    actor,
    async (trx) => {
      const taskId = await insertTask(trx, actor, c.today, input, known);
      if (afterInsert) await afterInsert(trx, taskId);
      // The creator must be able to read what it made; if not, the transaction with all it wrote is rolled back.
      return taskDetail({ ...r, app: { db: trx } }, taskId).catch((err: unknown) => {
        throw err instanceof AppError && err.code === 'NOT_FOUND'
          ? new AppError('FORBIDDEN', { field: 'leadBodyId' })
          : err;
      });
    },
    { leaves: 'identities', actorSetBy: 'first statement' },
  );
}
