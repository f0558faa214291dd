import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction, recordEvent, type Actor, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { assertReferences, itemChecks, referenceRefused } from '../../http/references.ts';
import { fold } from '../../i18n/names.ts';
import { sniffImage } from '../../storage/file-store.ts';
import { storeFile } from '../files/index.ts';
import { holdsOverBody, type WorkCaller, type WorkReading, type WorkRequest } from '../work/index.ts';
import { presentConsent, presentHousehold, presentVisit, visitPhotoUrl } from './clearance.presenter.ts';
import * as repo from './clearance.repository.ts';
import type { ConsentStatus } from './clearance.rules.ts';
import type * as s from './clearance.schemas.ts';
import { MANAGE, VISIT, readableProject } from './clearance.service.ts';

type Q = Database | Trx;

/** A household's register entry, the way a demo seeder or the service writes it. */
export type NewHousehold = {
  headName: string;
  address?: string | null;
  unitId?: string | null;
  landArea?: number | null;
  note?: string | null;
  status?: ConsentStatus;
  statusOn?: string;
};

/** May the caller act with `perm` on a household of the project: over the project's owner body, or over the
 * household's own unit (the commune that goes door to door). */
async function holdsFor(q: Q, c: WorkCaller, perm: string, bodyId: string, unitId: string | null) {
  if (await holdsOverBody(q, c, perm, bodyId)) return true;
  return unitId !== null && repo.holdsOverUnit(q, c, perm, unitId);
}

/** The register of a project: households with their current status. Names, addresses and land areas only where the
 * caller may see them; a view that shows any is logged. */
export async function listHouseholds(
  r: WorkReading & { actor: Actor },
  projectId: string,
  q: z.infer<typeof s.householdsQuery>,
) {
  const { app, caller: c } = r;
  await readableProject(app.db, c, projectId);
  const term = q.q ? fold(q.q) : undefined;
  const filter = {
    status: q.status,
    folded: term,
    number: term && /^\d{1,9}$/.test(term) ? Number(term) : undefined,
  };
  const [rows, total] = await Promise.all([
    repo.householdsPage(app.db, c, projectId, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    repo.householdsCount(app.db, c, projectId, filter),
  ]);
  const shown = rows.filter((h) => h.identity_shown).length;
  if (shown)
    await recordEvent(app.db, r.actor, 'view_personal', {
      table: 'key_projects',
      id: projectId,
      details: { households: shown },
    });
  return { items: rows.map(presentHousehold), total };
}

async function readableHousehold(q: Q, c: WorkCaller, id: string) {
  const row = await repo.readableHousehold(q, c, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A household with its consent history (newest first) and its visits; a view of its identity is logged. */
export async function householdDetail(r: WorkReading & { actor: Actor }, id: string) {
  const { app, caller: c } = r;
  const row = await readableHousehold(app.db, c, id);
  const [history, visits] = await Promise.all([
    repo.historyOf(app.db, id),
    repo.visitsPage(app.db, c, { projectId: row.project_id, householdId: id }, { limit: 100, offset: 0 }),
  ]);
  if (row.identity_shown) await recordEvent(app.db, r.actor, 'view_personal', { table: 'key_households', id });
  return {
    household: presentHousehold(row),
    projectId: row.project_id,
    history: history.map(presentConsent),
    visits: visits.rows.map((v) => presentVisit(v, visitPhotoUrl)),
  };
}

/** Adds a household to the register with its first consent row; the caller has checked the permission and the unit
 * (demo data calls it directly). */
export async function insertHousehold(
  trx: Trx,
  actor: Actor,
  today: string,
  projectId: string,
  input: NewHousehold,
): Promise<string> {
  const statusOn = input.statusOn ?? today;
  if (statusOn > today) throw invalid('statusOn', 'clearance.future');
  const number = await repo.nextHouseholdNumber(trx, projectId);
  const id = await repo.insertHousehold(trx, {
    project_id: projectId,
    number,
    head_name: input.headName,
    head_name_fold: fold(input.headName),
    address: input.address ?? null,
    unit_id: input.unitId ?? null,
    land_area: input.landArea ?? null,
    note: input.note || null,
  });
  await recordConsent(trx, actor, today, id, { status: input.status ?? 'not_agreed', onDate: statusOn });
  return id;
}

/** Adds a consent row to a household's history and sets its status to the latest row. The caller has checked the
 * permission (demo data calls it directly). A day after today is refused: consent is recorded as it happened. */
export async function recordConsent(
  trx: Trx,
  actor: Actor,
  today: string,
  householdId: string,
  input: { status: ConsentStatus; onDate: string; note?: string | null; visitId?: string | null },
  field = 'onDate',
): Promise<string> {
  if (input.onDate > today) throw invalid(field, 'clearance.future');
  const id = await repo.insertConsent(trx, {
    household_id: householdId,
    status: input.status,
    on_date: input.onDate,
    note: input.note || null,
    visit_id: input.visitId ?? null,
    recorded_by: actor.accountId,
  });
  await repo.refreshHouseholdStatus(trx, householdId);
  return id;
}

/** The unit a household names: under the project's owner unit, narrowed to the caller's scope. */
async function checkUnit(q: Q, c: WorkCaller, ownerUnit: string, unitId: string | null | undefined) {
  if (unitId && (await repo.firstUnitOutside(q, c, ownerUnit, [unitId])) !== null) throw referenceRefused('unitId');
}

/** Adds a household ('clearance.manage' over the project's body, or over the household's unit). */
export async function createHousehold(r: WorkRequest, projectId: string, input: z.infer<typeof s.householdInput>) {
  const { caller: c, actor } = r;
  const id = await inTransaction(r.app.db, actor, async (trx) => {
    const project = await readableProject(trx, c, projectId);
    await checkUnit(trx, c, project.unit_id, input.unitId);
    if (!(await holdsFor(trx, c, MANAGE, project.body_id, input.unitId ?? null))) throw new AppError('FORBIDDEN');
    // Not yet agreed, without a day: so since the project began (a visit logged for an earlier day then counts).
    const since = input.status ? c.today : [c.today, project.start_date].sort()[0]!;
    return insertHousehold(trx, actor, c.today, projectId, { ...input, statusOn: input.statusOn ?? since });
  });
  return householdDetail(r, id);
}

/** Locks a household for a change: readable (404), the caller may act on it with `perm` (403). */
async function householdForChange(trx: Trx, c: WorkCaller, id: string, perm: string) {
  await readableHousehold(trx, c, id);
  const row = await repo.lockHousehold(trx, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!(await holdsFor(trx, c, perm, row.body_id, row.unit_id))) throw new AppError('FORBIDDEN');
  return row;
}

export async function updateHousehold(r: WorkRequest, id: string, input: z.infer<typeof s.updateHousehold>) {
  const { caller: c } = r;
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await householdForChange(trx, c, id, MANAGE);
    if (row.version !== input.version) throw new AppError('CONFLICT');
    await checkUnit(trx, c, row.project_unit_id, input.unitId);
    // Moving it to another unit needs the right there too.
    if (input.unitId && !(await holdsFor(trx, c, MANAGE, row.body_id, input.unitId))) throw new AppError('FORBIDDEN');
    const set: Parameters<typeof repo.updateHousehold>[2] = {};
    if (input.headName !== undefined)
      Object.assign(set, { head_name: input.headName, head_name_fold: fold(input.headName) });
    if (input.address !== undefined) set.address = input.address;
    if (input.unitId !== undefined) set.unit_id = input.unitId;
    if (input.landArea !== undefined) set.land_area = input.landArea;
    if (input.note !== undefined) set.note = input.note || null;
    await repo.updateHousehold(trx, id, set);
  });
  return householdDetail(r, id);
}

/** Records a change of a household's consent ('clearance.visit' over the project's body or the household's unit). */
export async function addConsent(r: WorkRequest, id: string, input: z.infer<typeof s.consentInput>) {
  const { caller: c, actor } = r;
  await inTransaction(r.app.db, actor, async (trx) => {
    await householdForChange(trx, c, id, VISIT);
    await recordConsent(trx, actor, c.today, id, input);
  });
  return householdDetail(r, id);
}

/** Visits of a project (optionally of one household), newest first. */
export async function listVisits(r: WorkReading, projectId: string, q: z.infer<typeof s.visitsQuery>) {
  const { app, caller: c } = r;
  await readableProject(app.db, c, projectId);
  const page = await repo.visitsPage(
    app.db,
    c,
    { projectId, householdId: q.householdId },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { items: page.rows.map((v) => presentVisit(v, visitPhotoUrl)), total: page.total };
}

export type NewVisit = {
  householdId: string;
  visitedOn: string;
  outcome: string;
  members: { personId: string | null; name: string }[];
  newStatus?: ConsentStatus;
};

/** Logs a visit (and the consent it brought, if any) for a household of the project; the caller has checked the
 * permission and the members (demo data calls it directly). */
export async function insertVisit(
  trx: Trx,
  actor: Actor,
  today: string,
  projectId: string,
  input: NewVisit,
): Promise<string> {
  if (input.visitedOn > today) throw invalid('visitedOn', 'clearance.future');
  const id = await repo.insertVisit(trx, {
    project_id: projectId,
    household_id: input.householdId,
    visited_on: input.visitedOn,
    outcome: input.outcome,
    recorded_by: actor.accountId,
  });
  await repo.insertVisitMembers(trx, id, input.members);
  if (input.newStatus)
    await recordConsent(
      trx,
      actor,
      today,
      input.householdId,
      { status: input.newStatus, onDate: input.visitedOn, note: input.outcome.slice(0, 2000), visitId: id },
      'visitedOn',
    );
  return id;
}

/** Who went: people of the register by their register name (each once), others by the name given; none given, the
 * caller's person. */
async function resolveMembers(q: Q, c: WorkCaller, list: z.infer<typeof s.visitInput>['members']) {
  const ids = [
    ...list.flatMap((m) => (m.personId ? [m.personId] : [])),
    ...(list.length || !c.personId ? [] : [c.personId]),
  ];
  const names = new Map((ids.length ? await repo.peopleNames(q, ids) : []).map((p) => [p.id, p.full_name]));
  if (!list.length)
    return c.personId && names.has(c.personId) ? [{ personId: c.personId, name: names.get(c.personId)! }] : [];
  const seen = new Set<string>();
  const out: { personId: string | null; name: string }[] = [];
  for (const m of list) {
    if (!m.personId) {
      out.push({ personId: null, name: m.name! });
      continue;
    }
    if (seen.has(m.personId)) continue;
    seen.add(m.personId);
    out.push({ personId: m.personId, name: names.get(m.personId)! });
  }
  return out;
}

/** Logs a mobilisation visit from the doorstep ('clearance.visit' over the project's body or the household's unit). */
export async function createVisit(r: WorkRequest, projectId: string, input: z.infer<typeof s.visitInput>) {
  const { caller: c, actor } = r;
  const id = await inTransaction(r.app.db, actor, async (trx) => {
    const project = await readableProject(trx, c, projectId);
    const [household] = await repo.householdsOfProject(trx, projectId, [input.householdId]);
    if (!household) throw referenceRefused('householdId');
    if (!(await holdsFor(trx, c, VISIT, project.body_id, household.unit_id))) throw new AppError('FORBIDDEN');
    await assertReferences(
      trx,
      c,
      household.unit_id ?? project.unit_id,
      itemChecks('members', input.members, [['personId', 'nearPerson', (m) => m.personId]]),
    );
    const members = await resolveMembers(trx, c, input.members);
    return insertVisit(trx, actor, c.today, projectId, { ...input, members });
  });
  const row = await repo.visitById(r.app.db, c, id);
  return presentVisit(row!, visitPhotoUrl);
}

/** A visit's photo (JPEG, PNG or WebP by content): set by whoever may log visits there; a new one replaces it. */
export async function setVisitPhoto(
  r: WorkRequest & { app: Pick<AppContext, 'files'> },
  visitId: string,
  upload: { data: Buffer; filename: string },
) {
  const { app, caller: c } = r;
  const type = sniffImage(upload.data);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { field: 'file' });
  await inTransaction(app.db, r.actor, async (trx) => {
    const visit = await repo.lockVisit(trx, visitId);
    if (!visit || !(await repo.readsProject(trx, c, visit.project_id))) throw new AppError('NOT_FOUND');
    if (!(await holdsFor(trx, c, VISIT, visit.body_id, visit.unit_id))) throw new AppError('FORBIDDEN');
    const stored = await storeFile(app, trx, {
      data: upload.data,
      filename: upload.filename,
      contentType: type,
      createdBy: c.accountId,
    });
    if (visit.photo_file_id) await repo.discardFile(trx, visit.photo_file_id);
    await repo.setVisitPhoto(trx, visitId, stored.id);
  });
  return presentVisit((await repo.visitById(app.db, c, visitId))!, visitPhotoUrl);
}

/** A visit's photo, for those who see the household's identity (a photo of a home is personal data). */
export async function visitPhoto(r: WorkReading & { app: Pick<AppContext, 'files'> }, visitId: string) {
  const { app, caller: c } = r;
  const visit = await repo.visitById(app.db, c, visitId);
  if (
    !visit ||
    !visit.identity_shown ||
    !visit.photo_file_id ||
    !(await repo.readsProject(app.db, c, visit.project_id))
  )
    throw new AppError('NOT_FOUND');
  const f = await repo.storedFile(app.db, visit.photo_file_id);
  const data = f && (await app.files.get(f.storage_key));
  if (!f || !data) throw new AppError('NOT_FOUND');
  return { contentType: f.content_type, filename: f.filename, data };
}
