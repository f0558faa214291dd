import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';
import type { WorkCaller } from './work.scope.ts';
import { taskVisible } from './work.scope.repository.ts';

/** The programme a copy is made from, held (shared) until the copy commits. */
export function sourceProgramme(trx: Trx, id: string) {
  return trx
    .selectFrom('programmes')
    .select(['id', 'year'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forShare()
    .executeTakeFirst();
}

/** A programme's groups that are not deleted, in their order. */
export function sourceGroups(trx: Trx, programmeId: string) {
  return trx
    .selectFrom('task_groups')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
}

/** The tasks a copy takes: top-level, not deleted or cancelled, the first occurrence of a recurring series, and
 * read by the caller; in their order. */
export function copyableTasks(trx: Trx, c: WorkCaller, programmeId: string) {
  return trx
    .selectFrom('tasks as t')
    .selectAll('t')
    .where('t.programme_id', '=', programmeId)
    .where('t.parent_id', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.status', '!=', 'cancelled')
    .where((eb) => eb.or([eb('t.occurrence', 'is', null), eb('t.occurrence', '=', 1)]))
    .where(taskVisible(c))
    .orderBy('t.number')
    .execute();
}

/** The cooperating bodies of the given tasks (`none`: an id no task has, for an empty list). */
export function cooperatorsOf(trx: Trx, taskIds: string[], none: string) {
  return trx
    .selectFrom('task_cooperators')
    .select(['task_id', 'body_id', 'part', 'person_id'])
    .where('task_id', 'in', taskIds.length ? taskIds : [none])
    .where('deleted_at', 'is', null)
    .execute();
}

export async function insertCopiedTask(trx: Trx, values: Insertable<DB['tasks']>): Promise<string> {
  return (await trx.insertInto('tasks').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Makes a task the first occurrence of its own series. */
export async function startSeries(trx: Trx, taskId: string): Promise<void> {
  await trx.updateTable('tasks').set({ series_id: taskId, occurrence: 1 }).where('id', '=', taskId).execute();
}

export async function insertCooperator(
  trx: Trx,
  values: { task_id: string; body_id: string; part: string | null; person_id: string | null },
): Promise<void> {
  await trx.insertInto('task_cooperators').values(values).execute();
}
