import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Lang } from '../../i18n/messages.ts';
import { listShape, listStatements, listTasksStatement } from './task.list.repository.ts';
import { presentTask } from './task.presenter.ts';
import * as repo from './tasks.repository.ts';
import type * as s from './work.schemas.ts';
import type { WorkCaller } from './work.scope.ts';

/** Tasks the caller may read, filtered; progress by the rollup rule. */
export async function listTasks(ctx: Pick<AppContext, 'db'>, c: WorkCaller, lang: Lang, q: z.infer<typeof s.tasksQuery>) {
  const rows = (await ctx.db.executeQuery(listTasksStatement(ctx.db, c, q))).rows[0]!.rows;
  // A page past the end has no row to carry the total, so count apart then.
  const total = rows.length ? Number(rows[0]!.total_count) : q.page > 1 ? (await listStatements(ctx.db, ...listShape(c, q)).matches.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n : 0;
  const progress = await repo.progressOfRows(ctx.db, rows);
  return { items: rows.map((r) => presentTask(r, lang, c.today, progress)), total };
}
