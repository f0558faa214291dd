import type { z } from 'zod';
import { countListMatches, listPageRows } from './task.list.repository.ts';
import { presentTask } from './task.presenter.ts';
import { reportedOf } from './task.reported.ts';
import * as repo from './tasks.repository.ts';
import type * as s from './task.list.schemas.ts';
import type { WorkReading } from './work.scope.ts';

/** Tasks the caller may read, filtered; progress by the rollup rule. */
export async function listTasks(r: WorkReading, q: z.infer<typeof s.tasksQuery>) {
  const { caller: c, lang } = r;
  const rows = await listPageRows(r.app.db, c, q);
  // A page past the end has no row to carry the total, so count apart then.
  const total = rows.length ? Number(rows[0]!.total_count) : q.page > 1 ? await countListMatches(r.app.db, c, q) : 0;
  const [progress, reported] = await Promise.all([
    repo.progressOfRows(r.app.db, rows),
    reportedOf(r.app.db, c.today, rows),
  ]);
  return { items: rows.map((row) => presentTask(row, lang, c.today, progress, [], reported)), total };
}
