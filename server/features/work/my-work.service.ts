import type { z } from 'zod';
import { myWorkPage } from './my-work.repository.ts';
import { presentTask } from './task.presenter.ts';
import { reportedOf } from './task.reported.ts';
import * as repo from './tasks.repository.ts';
import type * as s from './task.list.schemas.ts';
import type { WorkReading } from './work.scope.ts';

/** "My work": tasks where the caller or its body leads, cooperates, or must accept; overdue and due soon first. In
 * two statements: the matches found, ordered and counted by section on the tasks alone and cut to the page
 * (myWorkPage), then only the page's rows read with their joins — building every column of every match before the
 * limit is what made it slow for an officer whose bodies lead most tasks (bench/RESULTS.md). */
export async function myWork(r: WorkReading, q: z.infer<typeof s.myWorkQuery>) {
  const { caller: c, lang } = r;
  const { counts, page, roles } = await myWorkPage(r.app.db, c, q);
  const byId = new Map(
    (
      await repo.taskRowsByIds(
        r.app.db,
        page.map((p) => p.id),
      )
    ).map((t) => [t.id, t]),
  );
  // A task deleted between the two statements is left out of the page.
  const rows = page.flatMap((p) => {
    const row = byId.get(p.id);
    return row ? [{ ...row, ...p }] : [];
  });
  const [progress, reported] = await Promise.all([
    repo.progressOfRows(r.app.db, rows),
    reportedOf(r.app.db, c.today, rows),
  ]);
  return {
    items: rows.map((row) => {
      const flags = row as unknown as Record<string, boolean>;
      return presentTask(
        row,
        lang,
        c.today,
        progress,
        roles.filter((role) => flags[`is_${role}`]),
        reported,
      );
    }),
    total: counts.total,
    sections: {
      overdue: counts.overdue,
      dueSoon: counts.due_soon,
      awaiting: counts.awaiting,
      rest: counts.total - counts.overdue - counts.due_soon - counts.awaiting,
    },
  };
}
