import * as repo from './programmes.repository.ts';
import { programmeTasks } from './programmes.service.ts';
import { countTasks, type Counts } from './rollup.ts';
import { groupsWithLeads } from './task-groups.repository.ts';
import { canReadProgramme, type WorkReading } from './work.scope.ts';

/** A body's programme of a year counted by task group, as other modules' reports quote it. */
export type ProgrammeSummary = {
  id: string;
  title: string;
  year: number;
  all: Counts;
  /** the groups in their order; `name` null for the tasks outside any group (listed last, when there are some) */
  groups: { name: string | null; counts: Counts }[];
};

/**
 * The body's programme of the year counted over its top-level tasks by the one counting rule (rollup.ts), per task
 * group, as the caller reads it (the tasks it does not read are left out); null when the body has none that year or
 * the caller does not read it.
 */
export async function programmeSummary(r: WorkReading, bodyId: string, year: number): Promise<ProgrammeSummary | null> {
  const found = await repo.programmeOfYear(r.app.db, bodyId, year);
  if (!found || !(await canReadProgramme(r.app.db, r.caller, found.id))) return null;
  const p = await repo.programmeRow(r.app.db, found.id);
  if (!p) return null;
  const [groups, tasks] = await Promise.all([groupsWithLeads(r.app.db, p.id), programmeTasks(r, [p.id])]);
  const top = tasks.filter((t) => !t.parent_id);
  const count = (list: typeof top) => countTasks(list, r.caller.today);
  const loose = top.filter((t) => !t.group_id || !groups.some((g) => g.id === t.group_id));
  return {
    id: p.id,
    title: p.title,
    year: p.year,
    all: count(top),
    groups: [
      ...groups.map((g) => ({ name: g.name, counts: count(top.filter((t) => t.group_id === g.id)) })),
      ...(loose.length ? [{ name: null, counts: count(loose) }] : []),
    ],
  };
}
