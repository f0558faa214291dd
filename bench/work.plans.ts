/**
 * Where the time goes, in the database: EXPLAIN ANALYZE of the queries behind the work benchmark's routes, in the
 * officer's scope, taken after the load.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Database } from '../server/db/database.ts';
import { listTasksStatement } from '../server/features/work/task.list.repository.ts';
import type { WorkCaller } from '../server/features/work/work.scope.ts';
import { taskVisible } from '../server/features/work/work.scope.repository.ts';

/** `notes`: each query's execution time, one a line; `plans`: the statements with their plans (for --plans). */
export async function explainRoutes(
  db: Database,
  opts: { caller: WorkCaller; taskId: string; programmeId: string; assigneeAccountId: string; groupId: string },
) {
  const { caller, programmeId } = opts;
  const plans: string[] = [];
  const notes: string[] = [];
  const explain = async (label: string, compiled: { sql: string; parameters: readonly unknown[] }) => {
    const r = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]),
    );
    const lines = r.rows.map((x) => x['QUERY PLAN']);
    const exec = lines.find((l) => l.startsWith('Execution Time'));
    notes.push(`${label}: ${exec ?? '?'}`);
    plans.push(`-- ${label}\n${compiled.sql}\n${lines.join('\n')}\n`);
  };
  await explain(
    'scope alone: visible_task_ids(officer, today), every call',
    sql`select count(*) from visible_task_ids(${caller.accountId}::uuid, ${caller.today}::date)`.compile(db),
  );
  await explain(
    'show: the scope check of one task',
    db.selectFrom('tasks as t').select('t.id').where('t.id', '=', opts.taskId).where(taskVisible(caller)).compile(),
  );
  // The list's statement as the service builds it (task.list.repository.ts listTasksStatement): the matches counted and
  // sorted to the page, with the page's rows.
  const listOf = (q: Record<string, unknown>) =>
    listTasksStatement(db, caller, { programmeId, page: 1, pageSize: 25, ...q });
  await explain(
    'list (status + assignee + group): the page with the total',
    listOf({ status: 'in_progress', assigneeAccountId: opts.assigneeAccountId, groupId: opts.groupId }),
  );
  await explain(
    'page (status + group): the page with the total',
    listOf({ status: 'in_progress', groupId: opts.groupId }),
  );
  await explain('search "Trà Cổ": the page with the total', listOf({ q: 'Trà Cổ' }));
  await explain('search "thoát nước": the page with the total', listOf({ q: 'thoát nước' }));
  return { notes, plans };
}
