import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { rollupProgress, type RollupNode } from './rollup.ts';

type Q = Database | Trx;

/** The name of a unit: its current name, or its last one when it has ended. */
export const unitNameOf = (ref: string) =>
  sql<
    string | null
  >`(select ut.name from unit_tree ut where ut.unit_id = ${sql.ref(ref)} order by ut.valid_to desc nulls first limit 1)`;

/** Tasks with everything a task's page shows (one query; cooperators as a JSON array). The builder is made once per
 * database handle (builders are immutable; building this one cost about 0.1 ms a request). */
export function tasksQuery(q: Q) {
  let base = bases.get(q);
  if (!base) {
    base = buildTasksQuery(q);
    bases.set(q, base);
  }
  return base;
}
const buildTasksQuery = (q: Q) =>
  taskListQuery(q).select(['t.description', 'p.body_id as programme_body_id', 't.series_id']);
const bases = new WeakMap<Q, ReturnType<typeof buildTasksQuery>>();

/** Tasks with what a list shows (presentTask and the rollup): a list's page leaves out the description and the
 * columns only a task's page reads (each row's fields are written as JSON by the database, parsed and
 * written again by the server — a page's cost is its rows'). */
export function taskListQuery(q: Q) {
  let base = listBases.get(q);
  if (!base) {
    base = buildListQuery(q);
    listBases.set(q, base);
  }
  return base;
}
const listBases = new WeakMap<Q, ReturnType<typeof buildListQuery>>();

function buildListQuery(q: Q) {
  return q
    .selectFrom('tasks as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .innerJoin('bodies as lb', 'lb.id', 't.lead_body_id')
    .innerJoin('task_kinds as k', 'k.code', 't.kind')
    .leftJoin('task_groups as g', 'g.id', 't.group_id')
    .leftJoin('people as rp', 'rp.id', 't.responsible_person_id')
    .leftJoin('accounts as aa', 'aa.id', 't.assignee_account_id')
    .where('t.deleted_at', 'is', null)
    .select([
      't.id',
      't.programme_id',
      'p.title as programme_title',
      't.number',
      't.group_id',
      'g.name as group_name',
      'g.position as group_position',
      't.parent_id',
      't.kind',
      'k.name_vi as kind_vi',
      'k.name_en as kind_en',
      't.title',
      't.lead_body_id',
      'lb.name as lead_body_name',
      't.responsible_person_id',
      'rp.full_name as responsible_name',
      't.assignee_account_id',
      'aa.display_name as assignee_name',
      't.start_date',
      't.due_date',
      't.original_due_date',
      't.target_value',
      't.target_unit',
      't.result_value',
      // the target indicator and what its figure is read for (task.reported.ts)
      't.target_indicator_id',
      't.target_indicator_unit_id',
      't.target_indicator_period',
      't.unit_id',
      'p.year as programme_year',
      't.priority',
      't.weight',
      't.status',
      't.status_reason',
      't.reported_progress',
      't.reported_done_on',
      't.accepted_on',
      't.recurrence',
      't.occurrence',
      't.cascaded',
      't.version',
      unitNameOf('t.unit_id').as('unit_name'),
      sql<
        { bodyId: string; bodyName: string }[]
      >`coalesce((select json_agg(json_build_object('bodyId', cb.id, 'bodyName', cb.name) order by cb.name collate "vi-x-icu") from task_cooperators tc join bodies cb on cb.id = tc.body_id where tc.task_id = t.id and tc.deleted_at is null), '[]'::json)`.as(
        'cooperators',
      ),
      sql<number>`(select count(*)::int from tasks st where st.parent_id = t.id and st.deleted_at is null)`.as(
        'subtask_count',
      ),
    ]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof tasksQuery>['executeTakeFirstOrThrow']>>;
/** A row of a list: what presentTask reads. */
export type TaskListRow = Awaited<ReturnType<ReturnType<typeof taskListQuery>['executeTakeFirstOrThrow']>>;

/** The given tasks with everything a task's page shows, by number. */
export function tasksQueryByIds(q: Q, ids: string[]): Promise<TaskRow[]> {
  return tasksQuery(q).where('t.id', 'in', ids).orderBy('t.number').execute();
}

/** The list rows of the given tasks, in no order, as one JSON value (one field for the driver to parse). */
export async function taskRowsByIds(q: Q, ids: readonly string[]): Promise<TaskListRow[]> {
  if (!ids.length) return [];
  const inner = taskListQuery(q).where(sql<SqlBool>`t.id = any(${ids}::uuid[])`);
  return (await sql<{ rows: TaskListRow[] }>`select coalesce(json_agg(r), '[]') as rows from (${inner}) r`.execute(q))
    .rows[0]!.rows;
}

/** Progress of the given tasks by the rollup rule: loads their descendants in one recursive query. */
export async function progressOf(q: Q, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await sql<RollupNode>`
    with recursive d as (
      select id, parent_id, status, reported_progress, weight from tasks where id = any(${ids}::uuid[])
      union
      select c.id, c.parent_id, c.status, c.reported_progress, c.weight from tasks c join d on c.parent_id = d.id where c.deleted_at is null
    ) select * from d`.execute(q);
  return rollupProgress(rows.rows);
}

/** Progress of listed rows by the rollup rule: a task without subtasks is its own subtree, rolled up here; only
 * tasks with subtasks need their descendants loaded (one query, none at all for a page of leaves). */
export async function progressOfRows(
  q: Q,
  rows: readonly (RollupNode & { subtask_count: number })[],
): Promise<Map<string, number>> {
  const parents = rows.filter((r) => r.subtask_count > 0).map((r) => r.id);
  const progress = rollupProgress(rows.filter((r) => r.subtask_count === 0).map((r) => ({ ...r, parent_id: null })));
  if (parents.length) for (const [id, v] of await progressOf(q, parents)) progress.set(id, v);
  return progress;
}

/** The bodies an account works for on a day: where its person holds a position, the bodies its roles are narrowed
 * to, and the bodies sitting on the units of its roles that are not narrowed — for roles that report or accept. */
export function myBodiesSql(accountId: string, today: string) {
  return sql`(
    select po.body_id from positions po join accounts ac on ac.person_id = po.person_id
      where ac.id = ${accountId}::uuid and po.deleted_at is null and (po.valid_from is null or po.valid_from <= ${today}::date) and (po.valid_to is null or ${today}::date < po.valid_to)
    union
    select coalesce(ra.body_id, b.id) from role_assignments ra join roles r on r.code = ra.role
      left join bodies b on ra.body_id is null and b.unit_id = ra.unit_id and b.deleted_at is null and (b.valid_from is null or b.valid_from <= ${today}::date) and (b.valid_to is null or ${today}::date < b.valid_to)
      where ra.account_id = ${accountId}::uuid and ra.deleted_at is null and (ra.valid_from is null or ra.valid_from <= ${today}::date) and (ra.valid_to is null or ${today}::date < ra.valid_to)
        and (r.permissions && array['work.report', 'work.accept'])
  )`;
}
