import type { Database } from '../../db/database.ts';
import {
  assertProgrammeReadable,
  holdsOverBody,
  reportedOf,
  rollupProgress,
  type WorkCaller,
  type WorkReading,
} from '../work/index.ts';
import { presentExport, type ProgrammeExport } from './exports.presenter.ts';
import * as repo from './exports.repository.ts';
import { programmeReport } from './programme.report.ts';
import { programmeWorkbook } from './programme.xlsx.ts';

/**
 * A programme with its groups and tasks for an export or a report. NOT_FOUND when the caller cannot read it. A
 * caller who reads the owner body's records gets every task; one who reads the programme only through some of its
 * tasks (a cooperating body, a responsible person) gets those tasks only.
 */
export async function loadProgramme(db: Database, c: WorkCaller, id: string): Promise<ProgrammeExport> {
  await assertProgrammeReadable(db, c, id);
  const p = await repo.programmeHeader(db, id);
  const all = await holdsOverBody(db, c, 'read', p.body_id);
  const groups = await repo.exportGroups(db, id);
  const everyTask = await repo.exportTasks(db, id);
  // Progress from every task (a parent's figure is the same whoever looks), the rows from those the caller reads.
  const progress = rollupProgress(everyTask);
  let rows = everyTask;
  if (!all) {
    const visible = await repo.visibleTaskIds(db, c, id);
    rows = everyTask.filter((r) => visible.has(r.id));
  }
  // a task naming a reporting indicator shows its approved total as its result (task.reported.ts)
  return presentExport(p, groups, rows, progress, await reportedOf(db, c.today, rows));
}

/** The programme as an Excel table, with its year for the file's name. */
export async function programmeXlsx(r: WorkReading, id: string): Promise<{ year: number; data: Buffer }> {
  const data = await loadProgramme(r.app.db, r.caller, id);
  return { year: data.programme.year, data: await programmeWorkbook(data, r.caller.today) };
}

/** The programme's status report as a Word document, with its year for the file's name. */
export async function programmeReportDocx(r: WorkReading, id: string): Promise<{ year: number; data: Buffer }> {
  const data = await loadProgramme(r.app.db, r.caller, id);
  return { year: data.programme.year, data: await programmeReport(r.app.db, data, r.caller.today) };
}
