import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { grantsHold, grantsNarrowed, taskVisible, type WorkCaller } from './work.scope.ts';
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

/** The statement behind taskAccess: the task's facts, whether the caller reads it, and what its rights are read from.
 * With remembered grants (withRememberedScope) the statement returns the unit paths in force today of the owner
 * body, the lead body and each cooperating body (and their body lines when a grant is narrowed to a body), and
 * accessOf applies holds_rows's rule to them (grantsHold); otherwise each right is asked of holds_rows (migration
 * 0012), inlined into the statement. taskDetail embeds it in its own statement. */
export function taskAccessQuery(q: Q, c: WorkCaller, taskId: string, mode: AccessMode = accessMode(c)) {
  const fromGrants = mode === 'grants' || mode === 'narrowed grants';
  const narrowed = mode === 'narrowed grants';
  const paths = (body: string) =>
    fromGrants
      ? sql<string[]>`array(select u.path::text from unit_tree u where u.unit_id = ${sql.ref(body + '.unit_id')} and (u.valid_from is null or u.valid_from <= ${c.today}::date) and (u.valid_to is null or ${c.today}::date < u.valid_to))`
      : sql<string[] | null>`null::text[]`;
  const line = (body: string) => (narrowed ? sql<string[] | null>`body_line(${sql.ref(body + '.id')})::text[]` : sql<string[] | null>`null::text[]`);
  const holds = (perm: string, body: string) =>
    c.isAdmin ? sql<boolean>`true` : fromGrants ? sql<boolean>`null::boolean` : sql<boolean>`(select h.ok from holds_rows(${c.accountId}::uuid, ${c.today}::date, ${perm}, ${sql.ref(body + '.unit_id')}, ${sql.ref(body + '.id')}) h)`;
  const parts = fromGrants
    ? sql<string[] | null>`null::text[]`
    : sql<string[] | null>`coalesce((select array_agg(tc.id order by tc.id) from task_cooperators tc join bodies cb on cb.id = tc.body_id
        where tc.task_id = t.id and tc.deleted_at is null and (tc.person_id = ${c.personId}::uuid or ${holds('work.report', 'cb')})), '{}')`;
  const cooperators = fromGrants
    ? sql<CooperatorFacts[] | null>`(select json_agg(json_build_object('id', tc.id, 'person_id', tc.person_id, 'paths', ${paths('cb')}, 'line', ${line('cb')}) order by tc.id)
        from task_cooperators tc join bodies cb on cb.id = tc.body_id where tc.task_id = t.id and tc.deleted_at is null)`
    : sql<CooperatorFacts[] | null>`null::json`;
  return q
    .selectFrom('tasks as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .innerJoin('bodies as pb', 'pb.id', 'p.body_id')
    .innerJoin('bodies as lb', 'lb.id', 't.lead_body_id')
    .select(['t.id', 't.status', 't.lead_body_id', 'p.body_id as programme_body_id', 't.responsible_person_id', 't.assignee_account_id'])
    .select([
      sql<boolean>`exists (select 1 from tasks c where c.parent_id = t.id and c.deleted_at is null)`.as('has_children'),
      sql<boolean>`${taskVisible(c)}`.as('visible'),
      sql<boolean | null>`(${holds('work.manage', 'pb')} or ${holds('work.manage', 'lb')})`.as('manage'),
      sql<boolean | null>`${holds('work.accept', 'pb')}`.as('accept'),
      sql<boolean | null>`${holds('work.report', 'lb')}`.as('report_lead'),
      parts.as('parts'),
      paths('pb').as('pb_paths'),
      line('pb').as('pb_line'),
      paths('lb').as('lb_paths'),
      line('lb').as('lb_line'),
      cooperators.as('cooperators'),
    ])
    .where('t.id', '=', taskId)
    .where('t.deleted_at', 'is', null);
}
/** How a statement reads the caller's rights: all of them (admin), asked in SQL, or from grants (narrowed: some
 * grant is narrowed to a body, so the bodies' lines are read too). Part of a statement's shape. */
export type AccessMode = 'admin' | 'sql' | 'grants' | 'narrowed grants';
export const accessMode = (c: WorkCaller): AccessMode => (c.isAdmin ? 'admin' : c.grants === undefined ? 'sql' : grantsNarrowed(c.grants) ? 'narrowed grants' : 'grants');
type CooperatorFacts = { id: string; person_id: string | null; paths: string[]; line: string[] | null };
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
  const rights = rightsOf(c, row);
  const report = f.assignee_account_id === c.accountId || (c.personId !== null && f.responsible_person_id === c.personId) || rights.reportLead;
  const may = { manage: rights.manage, accept: rights.accept, report };
  const actions = TASK_ACTIONS.filter((a) => WORKFLOW[a].from.includes(f.status) && may[WORKFLOW[a].who]);
  return { read: true, manage: rights.manage, accept: rights.accept, report, reportParts: rights.parts, comment: true, actions, facts: f };
}

/** The rights of taskAccessQuery's row: as the statement answered them, or from the caller's grants. */
function rightsOf(c: WorkCaller, row: TaskAccessRow): { manage: boolean; accept: boolean; reportLead: boolean; parts: string[] } {
  if (c.isAdmin || c.grants === undefined) return { manage: Boolean(row.manage), accept: Boolean(row.accept), reportLead: Boolean(row.report_lead), parts: row.parts ?? [] };
  const g = c.grants;
  const pb = [row.pb_paths ?? [], row.pb_line] as const;
  const lb = [row.lb_paths ?? [], row.lb_line] as const;
  return {
    manage: grantsHold(g, 'work.manage', ...pb) || grantsHold(g, 'work.manage', ...lb),
    accept: grantsHold(g, 'work.accept', ...pb),
    reportLead: grantsHold(g, 'work.report', ...lb),
    parts: (row.cooperators ?? []).filter((co) => (c.personId !== null && co.person_id === c.personId) || grantsHold(g, 'work.report', co.paths, co.line)).map((co) => co.id),
  };
}
