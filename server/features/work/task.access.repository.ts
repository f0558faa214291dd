import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';
import { accessMode, type AccessMode, type WorkCaller } from './work.scope.ts';
import { taskVisible } from './work.scope.repository.ts';

type Q = Database | Trx;

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
      ? sql<
          string[]
        >`array(select u.path::text from unit_tree u where u.unit_id = ${sql.ref(body + '.unit_id')} and ${inForce('u', c.today)})`
      : sql<string[] | null>`null::text[]`;
  const line = (body: string) =>
    narrowed ? sql<string[] | null>`body_line(${sql.ref(body + '.id')})::text[]` : sql<string[] | null>`null::text[]`;
  const holds = (perm: string, body: string) =>
    c.isAdmin
      ? sql<boolean>`true`
      : fromGrants
        ? sql<boolean>`null::boolean`
        : sql<boolean>`(select h.ok from holds_rows(${c.accountId}::uuid, ${c.today}::date, ${perm}, ${sql.ref(body + '.unit_id')}, ${sql.ref(body + '.id')}) h)`;
  const parts = fromGrants
    ? sql<string[] | null>`null::text[]`
    : sql<
        string[] | null
      >`coalesce((select array_agg(tc.id order by tc.id) from task_cooperators tc join bodies cb on cb.id = tc.body_id
        where tc.task_id = t.id and tc.deleted_at is null and (tc.person_id = ${c.personId}::uuid or ${holds('work.report', 'cb')})), '{}')`;
  const cooperators = fromGrants
    ? sql<
        CooperatorFacts[] | null
      >`(select json_agg(json_build_object('id', tc.id, 'person_id', tc.person_id, 'paths', ${paths('cb')}, 'line', ${line('cb')}) order by tc.id)
        from task_cooperators tc join bodies cb on cb.id = tc.body_id where tc.task_id = t.id and tc.deleted_at is null)`
    : sql<CooperatorFacts[] | null>`null::json`;
  return q
    .selectFrom('tasks as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .innerJoin('bodies as pb', 'pb.id', 'p.body_id')
    .innerJoin('bodies as lb', 'lb.id', 't.lead_body_id')
    .select([
      't.id',
      't.status',
      't.lead_body_id',
      'p.body_id as programme_body_id',
      't.responsible_person_id',
      't.assignee_account_id',
    ])
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
export type CooperatorFacts = { id: string; person_id: string | null; paths: string[]; line: string[] | null };
export type TaskAccessRow = Awaited<ReturnType<ReturnType<typeof taskAccessQuery>['executeTakeFirstOrThrow']>>;

/** taskAccessQuery's row for a task (none when it is missing or deleted). */
export function taskAccessRow(q: Q, c: WorkCaller, taskId: string): Promise<TaskAccessRow | undefined> {
  return taskAccessQuery(q, c, taskId).executeTakeFirst();
}
