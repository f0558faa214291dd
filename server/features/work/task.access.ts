import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { holdsOverBody, taskVisible, type WorkCaller } from './work.scope.ts';
import { TASK_ACTIONS } from './work.schemas.ts';

type Q = Database | Trx;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export type TaskAccess = {
  read: boolean;
  manage: boolean;
  accept: boolean;
  report: boolean;
  reportParts: string[];
  comment: boolean;
  actions: TaskAction[];
};

type TaskFacts = { id: string; status: string; lead_body_id: string; programme_body_id: string; responsible_person_id: string | null; assignee_account_id: string | null; has_children: boolean };

/** Which status an action leads to, from which statuses, and who may take it. */
export const WORKFLOW: Record<TaskAction, { from: readonly string[]; to: string; who: 'manage' | 'accept' | 'report'; reason?: true }> = {
  assign: { from: ['draft'], to: 'assigned', who: 'manage' },
  start: { from: ['assigned', 'returned'], to: 'in_progress', who: 'report' },
  report_done: { from: ['assigned', 'in_progress', 'returned'], to: 'reported_done', who: 'report' },
  accept: { from: ['reported_done'], to: 'accepted', who: 'accept' },
  return: { from: ['reported_done'], to: 'returned', who: 'accept', reason: true },
  suspend: { from: ['assigned', 'in_progress', 'returned'], to: 'suspended', who: 'manage', reason: true },
  resume: { from: ['suspended'], to: 'in_progress', who: 'manage' },
  cancel: { from: ['draft', 'assigned', 'in_progress', 'reported_done', 'returned', 'suspended'], to: 'cancelled', who: 'manage', reason: true },
  reassign: { from: ['assigned', 'in_progress', 'returned', 'suspended'], to: 'assigned', who: 'manage', reason: true },
};

async function facts(q: Q, taskId: string): Promise<TaskFacts | undefined> {
  return q
    .selectFrom('tasks as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .select(['t.id', 't.status', 't.lead_body_id', 'p.body_id as programme_body_id', 't.responsible_person_id', 't.assignee_account_id'])
    .select(sql<boolean>`exists (select 1 from tasks c where c.parent_id = t.id and c.deleted_at is null)`.as('has_children'))
    .where('t.id', '=', taskId)
    .where('t.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** What the caller may do with a task today. Managers: 'work.manage' over the programme's owner body or the lead
 * body. Acceptors: 'work.accept' over the owner body (never who reported the work done — checked on accepting).
 * Reporters: 'work.report' over the lead body, the assignee, or the responsible person; a cooperating body's
 * people report on its own part. */
export async function taskAccess(q: Q, c: WorkCaller, taskId: string): Promise<TaskAccess & { facts: TaskFacts }> {
  const f = await facts(q, taskId);
  if (!f) throw new AppError('NOT_FOUND');
  const visible = c.isAdmin || Boolean(await q.selectFrom('tasks as t').select('t.id').where('t.id', '=', taskId).where(taskVisible(c)).executeTakeFirst());
  if (!visible) throw new AppError('NOT_FOUND');
  const manage = (await holdsOverBody(q, c, 'work.manage', f.programme_body_id)) || (await holdsOverBody(q, c, 'work.manage', f.lead_body_id));
  const accept = await holdsOverBody(q, c, 'work.accept', f.programme_body_id);
  const report =
    f.assignee_account_id === c.accountId || (c.personId !== null && f.responsible_person_id === c.personId) || (await holdsOverBody(q, c, 'work.report', f.lead_body_id));
  const coops = await q.selectFrom('task_cooperators').select(['id', 'body_id', 'person_id']).where('task_id', '=', taskId).where('deleted_at', 'is', null).execute();
  const reportParts: string[] = [];
  for (const co of coops) if ((c.personId !== null && co.person_id === c.personId) || (await holdsOverBody(q, c, 'work.report', co.body_id))) reportParts.push(co.id);
  const may = { manage, accept, report };
  const actions = TASK_ACTIONS.filter((a) => WORKFLOW[a].from.includes(f.status) && may[WORKFLOW[a].who]);
  return { read: true, manage, accept, report, reportParts, comment: true, actions, facts: f };
}
