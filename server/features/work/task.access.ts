import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { taskAccessRow, type TaskAccessRow } from './task.access.repository.ts';
import { TASK_ACTIONS } from './task.schemas.ts';
import { grantsHold, type WorkCaller } from './work.scope.ts';

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

type TaskFacts = {
  id: string;
  status: string;
  lead_body_id: string;
  programme_body_id: string;
  responsible_person_id: string | null;
  assignee_account_id: string | null;
  has_children: boolean;
};

/** Which status an action leads to, from which statuses, and who may take it. */
export const WORKFLOW: Record<
  TaskAction,
  { from: readonly string[]; to: string; who: 'manage' | 'accept' | 'report'; reason?: true }
> = {
  assign: { from: ['draft'], to: 'assigned', who: 'manage' },
  start: { from: ['assigned', 'returned'], to: 'in_progress', who: 'report' },
  report_done: { from: ['assigned', 'in_progress', 'returned'], to: 'reported_done', who: 'report' },
  accept: { from: ['reported_done'], to: 'accepted', who: 'accept' },
  return: { from: ['reported_done'], to: 'returned', who: 'accept', reason: true },
  suspend: { from: ['assigned', 'in_progress', 'returned'], to: 'suspended', who: 'manage', reason: true },
  resume: { from: ['suspended'], to: 'in_progress', who: 'manage' },
  cancel: {
    from: ['draft', 'assigned', 'in_progress', 'reported_done', 'returned', 'suspended'],
    to: 'cancelled',
    who: 'manage',
    reason: true,
  },
  reassign: { from: ['assigned', 'in_progress', 'returned', 'suspended'], to: 'assigned', who: 'manage', reason: true },
};

/** What the caller may do with a task today. Managers: 'work.manage' over the programme's owner body or the lead
 * body. Acceptors: 'work.accept' over the owner body (never who reported the work done — checked on accepting).
 * Reporters: 'work.report' over the lead body, the assignee, or the responsible person; a cooperating body's
 * people report on its own part. */
export async function taskAccess(q: Q, c: WorkCaller, taskId: string): Promise<TaskAccess & { facts: TaskFacts }> {
  return accessOf(c, await taskAccessRow(q, c, taskId));
}

/** Reads the rights out of taskAccessQuery's row; NOT_FOUND when there is none or the caller does not read it. */
export function accessOf(c: WorkCaller, row: TaskAccessRow | undefined): TaskAccess & { facts: TaskFacts } {
  if (!row || !row.visible) throw new AppError('NOT_FOUND');
  const f: TaskFacts = {
    id: row.id,
    status: row.status,
    lead_body_id: row.lead_body_id,
    programme_body_id: row.programme_body_id,
    responsible_person_id: row.responsible_person_id,
    assignee_account_id: row.assignee_account_id,
    has_children: row.has_children,
  };
  const rights = rightsOf(c, row);
  const report =
    f.assignee_account_id === c.accountId ||
    (c.personId !== null && f.responsible_person_id === c.personId) ||
    rights.reportLead;
  const may = { manage: rights.manage, accept: rights.accept, report };
  const actions = TASK_ACTIONS.filter((a) => WORKFLOW[a].from.includes(f.status) && may[WORKFLOW[a].who]);
  return {
    read: true,
    manage: rights.manage,
    accept: rights.accept,
    report,
    reportParts: rights.parts,
    comment: true,
    actions,
    facts: f,
  };
}

/** The rights of taskAccessQuery's row: as the statement answered them, or from the caller's grants. */
function rightsOf(
  c: WorkCaller,
  row: TaskAccessRow,
): { manage: boolean; accept: boolean; reportLead: boolean; parts: string[] } {
  if (c.isAdmin || c.grants === undefined)
    return {
      manage: Boolean(row.manage),
      accept: Boolean(row.accept),
      reportLead: Boolean(row.report_lead),
      parts: row.parts ?? [],
    };
  const g = c.grants;
  const pb = [row.pb_paths ?? [], row.pb_line] as const;
  const lb = [row.lb_paths ?? [], row.lb_line] as const;
  return {
    manage: grantsHold(g, 'work.manage', ...pb) || grantsHold(g, 'work.manage', ...lb),
    accept: grantsHold(g, 'work.accept', ...pb),
    reportLead: grantsHold(g, 'work.report', ...lb),
    parts: (row.cooperators ?? [])
      .filter(
        (co) => (c.personId !== null && co.person_id === c.personId) || grantsHold(g, 'work.report', co.paths, co.line),
      )
      .map((co) => co.id),
  };
}
