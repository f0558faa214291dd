import type { Database } from '../../db/database.ts';
import { tasksQuery, taskVisible, unitNameOf, type WorkCaller } from '../work/index.ts';

/** A programme with its owner body, the body above it on the same unit and the unit's name: an export's heading. */
export function programmeHeader(db: Database, id: string) {
  return db
    .selectFrom('programmes as p')
    .innerJoin('bodies as b', 'b.id', 'p.body_id')
    .leftJoin('bodies as sup', (j) => j.onRef('sup.id', '=', 'b.parent_id').onRef('sup.unit_id', '=', 'b.unit_id'))
    .select([
      'p.id',
      'p.year',
      'p.title',
      'p.body_id',
      'b.name as body_name',
      'sup.name as superior_name',
      unitNameOf('b.unit_id').as('unit_name'),
    ])
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A programme's groups that are not deleted, in their order. */
export function exportGroups(db: Database, programmeId: string) {
  return db
    .selectFrom('task_groups')
    .select(['id', 'position', 'name'])
    .where('programme_id', '=', programmeId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

/** Every task of a programme with everything a task's page shows and whether its kind is shown apart, by number. */
export function exportTasks(db: Database, programmeId: string) {
  return tasksQuery(db).select('k.shown_apart').where('t.programme_id', '=', programmeId).orderBy('t.number').execute();
}

/** The ids of the tasks of a programme the caller reads. */
export async function visibleTaskIds(db: Database, c: WorkCaller, programmeId: string): Promise<Set<string>> {
  return new Set(
    (
      await db
        .selectFrom('tasks as t')
        .select('t.id')
        .where('t.programme_id', '=', programmeId)
        .where(taskVisible(c))
        .execute()
    ).map((r) => r.id),
  );
}
