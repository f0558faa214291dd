import type { z } from 'zod';
import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { fold } from '../../i18n/names.ts';
import * as repo from './programmes.repository.ts';
import { presentGroup, presentKind, presentOverview, presentProgramme } from './programmes.presenter.ts';
import { rollupProgress } from './rollup.ts';
import { groupsWithLeads } from './task-groups.repository.ts';
import { reportedOf } from './task.reported.ts';
import { tasksQueryByIds } from './tasks.repository.ts';
import type * as s from './programme.schemas.ts';
import {
  assertProgrammeReadable,
  holdsOverBody,
  managesSomewhere,
  type WorkCaller,
  type WorkReading,
  type WorkRequest,
} from './work.scope.ts';

/** Whether the caller holds work.manage today anywhere (so may create a programme for some body). */
export async function workPermissions(r: WorkReading) {
  return { createProgramme: await managesSomewhere(r.app.db, r.caller) };
}

export async function listKinds(r: Pick<WorkReading, 'app' | 'lang'>) {
  return (await repo.taskKinds(r.app.db)).map((k) => presentKind(k, r.lang));
}

/** Every task of the programmes (visible to the caller), with progress by the rollup rule. */
export async function programmeTasks(r: WorkReading, programmeIds: string[]) {
  if (!programmeIds.length) return [];
  const rows = await repo.programmeTaskFacts(r.app.db, r.caller, programmeIds);
  // Progress rolls up over every task, so a parent shows the same figure to everyone; counts cover what the caller reads.
  const progress = rollupProgress(rows);
  return rows.filter((t) => t.visible).map((t) => ({ ...t, progress: progress.get(t.id) ?? t.reported_progress }));
}

async function presentProgrammes(r: WorkReading, rows: repo.ProgrammeRow[]) {
  const tasks = await programmeTasks(
    r,
    rows.map((p) => p.id),
  );
  const out = [];
  for (const p of rows)
    out.push(
      presentProgramme(p, tasks, r.caller.today, await holdsOverBody(r.app.db, r.caller, 'work.manage', p.body_id)),
    );
  return out;
}

export async function listProgrammes(r: WorkReading, q: z.infer<typeof s.programmesQuery>) {
  const rows = await repo.visibleProgrammes(r.app.db, r.caller, {
    year: q.year,
    bodyId: q.bodyId,
    folded: q.q ? fold(q.q) : undefined,
  });
  return presentProgrammes(r, rows);
}

export async function programmeItem(r: WorkReading, id: string) {
  const row = await repo.programmeRow(r.app.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return (await presentProgrammes(r, [row]))[0]!;
}

/** A programme the caller may change: it reads it (404 otherwise) and holds 'work.manage' over its body (403). */
export async function forProgrammeChange(r: WorkReading, id: string) {
  const p = await repo.programmeToChange(r.app.db, id);
  if (!p) throw new AppError('NOT_FOUND');
  await assertProgrammeReadable(r.app.db, r.caller, id);
  if (!(await holdsOverBody(r.app.db, r.caller, 'work.manage', p.body_id))) throw new AppError('FORBIDDEN');
  return p;
}

export async function updateProgramme(r: WorkRequest, id: string, input: z.infer<typeof s.updateProgramme>) {
  await forProgrammeChange(r, id);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const set: { title?: string; description?: string | null } = {};
    if (input.title !== undefined) set.title = input.title;
    if (input.description !== undefined) set.description = input.description || null;
    if (!(await repo.updateProgrammeRow(trx, id, input.version, set))) throw new AppError('CONFLICT');
  });
  return programmeItem(r, id);
}

export async function deleteProgramme(r: WorkRequest, id: string, version: number) {
  await forProgrammeChange(r, id);
  await inTransaction(r.app.db, r.actor, async (trx) => {
    if (!(await repo.deleteProgrammeRow(trx, id, version))) throw new AppError('CONFLICT');
  });
  return { ok: true as const };
}

export async function programmeDetail(r: WorkReading, id: string) {
  const c: WorkCaller = r.caller;
  await assertProgrammeReadable(r.app.db, c, id);
  const programme = await programmeItem(r, id);
  const [groups, tasks] = await Promise.all([groupsWithLeads(r.app.db, id), programmeTasks(r, [id])]);
  const top = tasks.filter((t) => !t.parent_id);
  return {
    programme,
    groups: groups.map((g) => presentGroup(g, top, c.today)),
    permissions: {
      manage: programme.canManage,
      accept: await holdsOverBody(r.app.db, c, 'work.accept', programme.bodyId),
    },
  };
}

/** The leader's overview: counts per group, per lead body and per kind; key and commissioned tasks apart. */
export async function overview(r: WorkReading, id: string) {
  const detail = await programmeDetail(r, id);
  const tasks = await programmeTasks(r, [id]);
  const top = tasks.filter((t) => !t.parent_id);
  const bodies = await repo.bodyNames(r.app.db, [...new Set(top.map((t) => t.lead_body_id))]);
  const kinds = await listKinds(r);
  const apartTasks = top.filter((t) => kinds.some((k) => k.shownApart && k.code === t.kind));
  const rows = apartTasks.length
    ? await tasksQueryByIds(
        r.app.db,
        apartTasks.map((t) => t.id),
      )
    : [];
  const reported = await reportedOf(r.app.db, r.caller.today, rows);
  return presentOverview(detail, tasks, bodies, kinds, rows, r.lang, r.caller.today, reported);
}
