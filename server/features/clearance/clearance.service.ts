import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { fold } from '../../i18n/names.ts';
import {
  bodyReadable,
  holdsOverBody,
  taskVisible,
  type WorkCaller,
  type WorkReading,
  type WorkRequest,
} from '../work/index.ts';
import { openPetitionCounts } from './clearance.petitions.ts';
import { presentProject } from './clearance.presenter.ts';
import * as repo from './clearance.repository.ts';
import {
  consents,
  curveDays,
  expectedPercent,
  householdsCounted,
  percent,
  statusOn,
  type ConsentStatus,
} from './clearance.rules.ts';
import type * as s from './clearance.schemas.ts';

type Q = Database | Trx;

/** Managing a project and its register; logging visits and consent. */
export const MANAGE = 'clearance.manage';
export const VISIT = 'clearance.visit';

/** Key projects the caller reads, with their summaries, soonest planned completion first. */
export async function listProjects(r: WorkReading, q: z.infer<typeof s.listQuery>) {
  const { app, caller: c } = r;
  const filter = { folded: q.q ? fold(q.q) : undefined, unitId: q.unitId };
  const [rows, total] = await Promise.all([
    repo.projectsPage(app.db, c, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    repo.projectsCount(app.db, c, filter),
  ]);
  const petitions = await openPetitionCounts(
    app.db,
    rows.map((p) => p.id),
  );
  return { items: rows.map((p) => presentProject(p, c.today, petitions.get(p.id) ?? 0)), total };
}

/** A project the caller reads; NOT_FOUND otherwise (absent, deleted or out of scope look the same). */
export async function readableProject(q: Q, c: WorkCaller, id: string) {
  const row = await repo.readableProject(q, c, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Whether the caller reads a key project (for the modules that name one: dialogues, petitions). */
export async function keyProjectReadable(q: Q, c: WorkCaller, id: string): Promise<boolean> {
  return repo.readsProject(q, c, id);
}

/** Consent reached and expected at each month end from the start up to today (or the planned completion). */
async function consentCurve(q: Q, row: repo.ProjectRow, today: string) {
  const until = [today, row.planned_completion_date, row.completed_on ?? '9999-12-31'].sort()[0]!;
  if (until < row.start_date) return [];
  const history = await repo.consentHistoryOfProject(q, row.id);
  const byHousehold = new Map<string, { status: ConsentStatus; onDate: string; seq: number }[]>();
  for (const [i, h] of [...history].sort((a, b) => a.seq.localeCompare(b.seq)).entries()) {
    const list = byHousehold.get(h.household_id) ?? [];
    list.push({ status: h.status as ConsentStatus, onDate: h.on_date, seq: i });
    byHousehold.set(h.household_id, list);
  }
  const schedule = {
    startDate: row.start_date,
    plannedCompletionDate: row.planned_completion_date,
    completedOn: row.completed_on,
    milestones: row.milestone_points,
  };
  const registered = Object.values(row.counts ?? {}).reduce((a, b) => a + Number(b), 0);
  const total = householdsCounted(row.household_total, registered);
  return curveDays(row.start_date, until).map((day) => {
    let n = 0;
    for (const list of byHousehold.values()) if (consents(statusOn(list, day))) n++;
    return { day, consentPercent: percent(n, total), expectedPercent: expectedPercent(schedule, day) };
  });
}

/** What the caller may do on a project: manage it (over its owner body), log visits (over the owner body, or over
 * one of the units it crosses). */
async function permissionsOn(q: Q, c: WorkCaller, row: { id: string; body_id: string }) {
  const [manage, visitOwner] = await Promise.all([
    holdsOverBody(q, c, MANAGE, row.body_id),
    holdsOverBody(q, c, VISIT, row.body_id),
  ]);
  if (visitOwner) return { manage, visit: true };
  const units = await repo.affectedUnitsOf(q, row.id);
  for (const u of units) if (await repo.holdsOverUnit(q, c, VISIT, u.id)) return { manage, visit: true };
  return { manage, visit: false };
}

export async function projectDetail(r: WorkReading, id: string): Promise<s.ProjectDetail> {
  const { app, caller: c } = r;
  const row = await readableProject(app.db, c, id);
  const [units, milestones, curve, permissions, petitions, task] = await Promise.all([
    repo.affectedUnitsOf(app.db, id),
    repo.milestonesOf(app.db, id),
    consentCurve(app.db, row, c.today),
    permissionsOn(app.db, c, row),
    openPetitionCounts(app.db, [id]),
    row.task_id ? repo.taskOf(app.db, row.task_id, taskVisible(c)) : undefined,
  ]);
  return {
    project: { ...presentProject(row, c.today, petitions.get(id) ?? 0), task: task ?? null },
    affectedUnits: units,
    milestones: milestones.map((m) => ({
      id: m.id,
      dueOn: m.due_on,
      title: m.title,
      targetPercent: m.target_percent,
      doneOn: m.done_on,
    })),
    curve,
    permissions,
  };
}

type ProjectFields = Omit<z.infer<typeof s.createProject>, 'bodyId'>;

/** Inserts a project after its checks; the caller has checked the permission and what it names (demo data calls
 * it with the system's view). */
export async function insertKeyProject(
  trx: Trx,
  actor: Actor,
  input: ProjectFields & { bodyId: string; unitId: string },
): Promise<string> {
  checkSchedule(input.startDate, input.plannedCompletionDate, input.completedOn, input.milestones);
  const id = await repo.insertProject(trx, {
    code: input.code,
    name: input.name,
    name_fold: fold(input.name),
    investor: input.investor ?? null,
    description: input.description || null,
    body_id: input.bodyId,
    unit_id: input.unitId,
    household_total: input.householdTotal ?? null,
    start_date: input.startDate,
    planned_completion_date: input.plannedCompletionDate,
    completed_on: input.completedOn ?? null,
    task_id: input.taskId ?? null,
    created_by: actor.accountId,
  });
  await repo.replaceAffectedUnits(trx, id, input.affectedUnitIds);
  await repo.replaceMilestones(trx, id, input.milestones);
  return id;
}

function checkSchedule(
  start: string,
  planned: string,
  completed: string | null | undefined,
  milestones: readonly { dueOn: string; targetPercent: number }[],
) {
  if (planned <= start) throw invalid('plannedCompletionDate', 'clearance.plannedBeforeStart');
  if (completed && completed < start) throw invalid('completedOn', 'clearance.completedBeforeStart');
  for (const [i, m] of milestones.entries())
    if (m.dueOn <= start || m.dueOn >= planned) throw invalid(`milestones.${i}.dueOn`, 'clearance.milestoneOutside');
  const sorted = [...milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.targetPercent < sorted[i - 1]!.targetPercent)
      throw invalid('milestones', 'clearance.milestonesDecrease');
}

/** What a project names, resolved through the caller's scope: the commissioned task (one it reads), the affected
 * units (under the owner's unit, narrowed to the caller's scope: reference_roots). */
async function checkNamed(
  q: Q,
  c: WorkCaller,
  ownerUnit: string,
  input: { taskId?: string | null; affectedUnitIds?: readonly string[] },
) {
  if (input.taskId && !(await repo.taskOf(q, input.taskId, taskVisible(c)))) throw referenceRefused('taskId');
  const ids = input.affectedUnitIds ?? [];
  const bad = await repo.firstUnitOutside(q, c, ownerUnit, ids);
  if (bad !== null) throw referenceRefused(`affectedUnitIds.${bad}`);
}

/** Creates a key project ('clearance.manage' over the body). */
export async function createProject(r: WorkRequest, input: z.infer<typeof s.createProject>) {
  const { caller: c, actor } = r;
  const id = await inTransaction(r.app.db, actor, async (trx) => {
    const body = await repo.liveBody(trx, input.bodyId);
    if (!body || !(await bodyReadable(trx, c, input.bodyId))) throw referenceRefused('bodyId');
    if (!(await holdsOverBody(trx, c, MANAGE, input.bodyId))) throw new AppError('FORBIDDEN');
    await checkNamed(trx, c, body.unit_id, input);
    return insertKeyProject(trx, actor, { ...input, unitId: body.unit_id });
  });
  return projectDetail(r, id);
}

/** Locks a project for a change: readable (404), managed by the caller (403), at the version read (409). */
async function forChange(trx: Trx, c: WorkCaller, id: string, version: number) {
  if (!(await repo.readsProject(trx, c, id))) throw new AppError('NOT_FOUND');
  const row = await repo.lockProject(trx, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!(await holdsOverBody(trx, c, MANAGE, row.body_id))) throw new AppError('FORBIDDEN');
  if (row.version !== version) throw new AppError('CONFLICT');
  return row;
}

export async function updateProject(r: WorkRequest, id: string, input: z.infer<typeof s.updateProject>) {
  const { caller: c } = r;
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await forChange(trx, c, id, input.version);
    await checkNamed(trx, c, row.unit_id, input);
    const milestones =
      input.milestones ??
      (await repo.milestonesOf(trx, id)).map((m) => ({
        dueOn: m.due_on,
        targetPercent: m.target_percent,
      }));
    checkSchedule(
      input.startDate ?? row.start_date,
      input.plannedCompletionDate ?? row.planned_completion_date,
      input.completedOn === undefined ? row.completed_on : input.completedOn,
      milestones,
    );
    const set: Parameters<typeof repo.updateProject>[2] = {};
    if (input.code !== undefined) set.code = input.code;
    if (input.name !== undefined) Object.assign(set, { name: input.name, name_fold: fold(input.name) });
    if (input.investor !== undefined) set.investor = input.investor;
    if (input.description !== undefined) set.description = input.description || null;
    if (input.householdTotal !== undefined) set.household_total = input.householdTotal;
    if (input.startDate !== undefined) set.start_date = input.startDate;
    if (input.plannedCompletionDate !== undefined) set.planned_completion_date = input.plannedCompletionDate;
    if (input.completedOn !== undefined) set.completed_on = input.completedOn;
    if (input.taskId !== undefined) set.task_id = input.taskId;
    await repo.updateProject(trx, id, set);
    if (input.affectedUnitIds) await repo.replaceAffectedUnits(trx, id, input.affectedUnitIds);
    if (input.milestones) await repo.replaceMilestones(trx, id, input.milestones);
  });
  return projectDetail(r, id);
}

/** Deletes a project (soft); its register, visits and the dialogues naming it stay in the audit trail. */
export async function deleteProject(r: WorkRequest, id: string, input: { version: number }) {
  await inTransaction(r.app.db, r.actor, async (trx) => {
    await forChange(trx, r.caller, id, input.version);
    await repo.deleteProject(trx, id);
  });
  return { ok: true as const };
}
