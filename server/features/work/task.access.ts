import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { taskVisible, type WorkCaller } from './work.scope.ts';
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

/** The statement behind taskAccess: the task's facts, whether the caller reads it, and each right (holds_rows,
 * migration 0012: inlined into this statement and planned with it). taskDetail embeds it in its own statement. */
export function taskAccessQuery(q: Q, c: WorkCaller, taskId: string) {
  const holds = (perm: string, body: string) =>
    c.isAdmin ? sql<boolean>`true` : sql<boolean>`(select h.ok from holds_rows(${c.accountId}::uuid, ${c.today}::date, ${perm}, ${sql.ref(body + '.unit_id')}, ${sql.ref(body + '.id')}) h)`;
  const parts = sql<string[]>`coalesce((select array_agg(tc.id order by tc.id) from task_cooperators tc join bodies cb on cb.id = tc.body_id
        where tc.task_id = t.id and tc.deleted_at is null and (tc.person_id = ${c.personId}::uuid or ${holds('work.report', 'cb')})), '{}')`;
  return q
    .selectFrom('tasks as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .innerJoin('bodies as pb', 'pb.id', 'p.body_id')
    .innerJoin('bodies as lb', 'lb.id', 't.lead_body_id')
    .select(['t.id', 't.status', 't.lead_body_id', 'p.body_id as programme_body_id', 't.responsible_person_id', 't.assignee_account_id'])
    .select([
      sql<boolean>`exists (select 1 from tasks c where c.parent_id = t.id and c.deleted_at is null)`.as('has_children'),
      sql<boolean>`${taskVisible(c)}`.as('visible'),
      sql<boolean>`(${holds('work.manage', 'pb')} or ${holds('work.manage', 'lb')})`.as('manage'),
      sql<boolean>`${holds('work.accept', 'pb')}`.as('accept'),
      sql<boolean>`${holds('work.report', 'lb')}`.as('report_lead'),
      parts.as('parts'),
    ])
    .where('t.id', '=', taskId)
    .where('t.deleted_at', 'is', null);
}
export type TaskAccessRow = Awaited<ReturnType<ReturnType<typeof taskAccessQuery>['executeTakeFirstOrThrow']>>;

/** What the caller may do with a task today. Managers: 'work.manage' over the programme's owner body or the lead
 * body. Acceptors: 'work.accept' over the owner body (never who reported the work done — checked on accepting).
 * Reporters: 'work.report' over the lead body, the assignee, or the responsible person; a cooperating body's
 * people report on its own part. */
export async function taskAccess(q: Q, c: WorkCaller, taskId: string): Promise<TaskAccess & { facts: TaskFacts }> {
  return accessOf(c, await taskAccessQuery(q, c, taskId).executeTakeFirst());
}

/** Reads the rights out of taskAccessQuery's row; NOT_FOUND when there is none or the caller does not read it. */
export function accessOf(c: WorkCaller, row: TaskAccessRow | undefined): TaskAccess & { facts: TaskFacts } {
  if (!row || !row.visible) throw new AppError('NOT_FOUND');
  const f: TaskFacts = { id: row.id, status: row.status, lead_body_id: row.lead_body_id, programme_body_id: row.programme_body_id, responsible_person_id: row.responsible_person_id, assignee_account_id: row.assignee_account_id, has_children: row.has_children };
  const report = f.assignee_account_id === c.accountId || (c.personId !== null && f.responsible_person_id === c.personId) || row.report_lead;
  const may = { manage: row.manage, accept: row.accept, report };
  const actions = TASK_ACTIONS.filter((a) => WORKFLOW[a].from.includes(f.status) && may[WORKFLOW[a].who]);
  return { read: true, manage: row.manage, accept: row.accept, report, reportParts: row.parts, comment: true, actions, facts: f };
}
