import { containsPattern, countRows } from '../../db/lists.ts';
import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';
import { unitNameOf, type WorkCaller } from '../work/index.ts';
import type { ConsentStatus, StatusCounts } from './clearance.rules.ts';

type Q = Database | Trx;

/** A filter on `key_projects as <alias>`: the caller reads the project (key_project_readable, migration 0020: its
 * owner body's readers and the readers of the units it crosses). Administrators read all. */
export function projectReadable(c: WorkCaller, alias = 'p') {
  if (c.isAdmin) return sql<SqlBool>`true`;
  return sql<SqlBool>`key_project_readable(${c.accountId}::uuid, ${c.today}::date, ${sql.ref(`${alias}.id`)})`;
}

/** Whether the caller sees the identity of the household `<alias>` (key_household_identity_visible). */
function identityShown(c: WorkCaller, alias = 'h') {
  if (c.isAdmin) return sql<boolean>`true`;
  return sql<boolean>`key_household_identity_visible(${c.accountId}::uuid, ${c.today}::date, ${sql.ref(`${alias}.id`)})`;
}

/** Projects (not deleted) with their body, unit, and the counts the summary needs, as of `today`. */
function projectsQuery(q: Q, today: string) {
  return q
    .selectFrom('key_projects as p')
    .innerJoin('bodies as b', 'b.id', 'p.body_id')
    .where('p.deleted_at', 'is', null)
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.investor',
      'p.description',
      'p.body_id',
      'b.name as body_name',
      'p.unit_id',
      'p.household_total',
      'p.start_date',
      'p.planned_completion_date',
      'p.completed_on',
      'p.task_id',
      'p.version',
      unitNameOf('p.unit_id').as('unit_name'),
      sql<StatusCounts>`(select json_build_object(
          'not_agreed', count(*) filter (where h.status = 'not_agreed'),
          'mobilising', count(*) filter (where h.status = 'mobilising'),
          'agreed', count(*) filter (where h.status = 'agreed'),
          'handed_over', count(*) filter (where h.status = 'handed_over'))
        from key_households h where h.project_id = p.id and h.deleted_at is null)`.as('counts'),
      sql<number>`(select count(*)::int from key_visits v where v.project_id = p.id and v.deleted_at is null
        and v.visited_on > ${today}::date - 30 and v.visited_on <= ${today}::date)`.as('visits_30'),
      sql<number>`(select count(*)::int from dialogues g where g.project_id = p.id and g.deleted_at is null
        and g.held_on <= ${today}::date)`.as('dialogue_count'),
      sql<
        { dueOn: string; targetPercent: number }[]
      >`coalesce((select json_agg(json_build_object('dueOn', m.due_on, 'targetPercent', m.target_percent) order by m.due_on) from key_project_milestones m where m.project_id = p.id), '[]'::json)`.as(
        'milestone_points',
      ),
    ]);
}
export type ProjectRow = Awaited<ReturnType<ReturnType<typeof projectsQuery>['executeTakeFirstOrThrow']>>;

export type ProjectFilter = { folded?: string; unitId?: string };

function readableProjects(q: Q, c: WorkCaller, f: ProjectFilter) {
  let query = projectsQuery(q, c.today).where(projectReadable(c));
  if (f.folded)
    query = query.where((eb) =>
      eb.or([
        eb('p.name_fold', 'like', containsPattern(f.folded!)),
        eb(sql`lower(p.code)`, 'like', containsPattern(f.folded!)),
      ]),
    );
  if (f.unitId)
    query = query.where(
      sql<SqlBool>`exists (select 1 from unit_tree a join unit_tree x on x.path <@ a.path
        where a.unit_id = ${f.unitId}::uuid
          and (x.unit_id = p.unit_id or x.unit_id in (select pu.unit_id from key_project_units pu where pu.project_id = p.id)))`,
    );
  return query;
}

export async function projectsPage(q: Q, c: WorkCaller, f: ProjectFilter, page: { limit: number; offset: number }) {
  return readableProjects(q, c, f)
    .orderBy('p.planned_completion_date')
    .orderBy('p.name')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function projectsCount(q: Q, c: WorkCaller, f: ProjectFilter): Promise<number> {
  return countRows(readableProjects(q, c, f));
}

/** The project, when the caller reads it and it is not deleted. */
export async function readableProject(q: Q, c: WorkCaller, id: string) {
  return projectsQuery(q, c.today).where('p.id', '=', id).where(projectReadable(c)).executeTakeFirst();
}

/** Whether the caller reads the project (a dialogue or a petition naming it). */
export async function readsProject(q: Q, c: WorkCaller, id: string): Promise<boolean> {
  const r = await q
    .selectFrom('key_projects as p')
    .select('p.id')
    .where('p.id', '=', id)
    .where('p.deleted_at', 'is', null)
    .where(projectReadable(c))
    .executeTakeFirst();
  return Boolean(r);
}

export async function affectedUnitsOf(q: Q, projectId: string) {
  return q
    .selectFrom('key_project_units as pu')
    .select([
      'pu.unit_id as id',
      unitNameOf('pu.unit_id').as('name'),
      sql<
        string | null
      >`(select ut.code from unit_tree ut where ut.unit_id = pu.unit_id order by ut.valid_to desc nulls first limit 1)`.as(
        'code',
      ),
    ])
    .where('pu.project_id', '=', projectId)
    .orderBy('name')
    .execute();
}

export async function milestonesOf(q: Q, projectId: string) {
  return q
    .selectFrom('key_project_milestones')
    .select(['id', 'due_on', 'title', 'target_percent', 'done_on'])
    .where('project_id', '=', projectId)
    .orderBy('due_on')
    .execute();
}

/** The commissioned task of a project, when the caller reads it (`visible`: the work module's taskVisible). */
export async function taskOf(q: Q, taskId: string, visible: ReturnType<typeof sql<SqlBool>>) {
  return q
    .selectFrom('tasks as t')
    .select(['t.id', 't.number', 't.title', 't.status'])
    .where('t.id', '=', taskId)
    .where('t.deleted_at', 'is', null)
    .where(visible)
    .executeTakeFirst();
}

/** Every consent row of a project's households (the curve over time). */
export async function consentHistoryOfProject(q: Q, projectId: string) {
  return q
    .selectFrom('key_consents as k')
    .innerJoin('key_households as h', 'h.id', 'k.household_id')
    .select(['k.household_id', 'k.status', 'k.on_date', sql<string>`k.created_at::text`.as('seq')])
    .where('h.project_id', '=', projectId)
    .where('h.deleted_at', 'is', null)
    .execute();
}

/** Whether the caller holds `perm` today over a unit (an assignment not narrowed to a body: the territory). */
export async function holdsOverUnit(q: Q, c: WorkCaller, perm: string, unitId: string): Promise<boolean> {
  if (c.isAdmin) return true;
  const r = await sql<{
    ok: boolean;
  }>`select holds_over(${c.accountId}::uuid, ${c.today}::date, ${perm}, ${unitId}::uuid, null) as ok`.execute(q);
  return r.rows[0]!.ok;
}

/** The first unit of `ids` that a write about `ownerUnit` may not name: one outside the owner's subtree, narrowed
 * to the caller's read scope (reference_roots, migration 0017); an administrator: the owner's subtree. */
export async function firstUnitOutside(
  q: Q,
  c: WorkCaller,
  ownerUnit: string,
  ids: readonly string[],
): Promise<number | null> {
  if (!ids.length) return null;
  const acc = c.isAdmin ? null : c.accountId;
  const r = await sql<{
    i: number | null;
  }>`with roots as (select reference_roots(${acc}::uuid, ${c.today}::date, ${ownerUnit}::uuid) as r)
    select min(x.i)::int as i from unnest(${sql.val(ids)}::uuid[]) with ordinality as x(id, i), roots
    where not unit_under(x.id, roots.r)`.execute(q);
  const i = r.rows[0]?.i;
  return i === null || i === undefined ? null : i - 1;
}

export async function liveBody(q: Q, bodyId: string) {
  return q
    .selectFrom('bodies')
    .select(['id', 'unit_id', 'valid_from', 'valid_to'])
    .where('id', '=', bodyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertProject(trx: Trx, row: Insertable<DB['key_projects']>) {
  return (await trx.insertInto('key_projects').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateProject(trx: Trx, id: string, set: Updateable<DB['key_projects']>) {
  await trx
    .updateTable('key_projects')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteProject(trx: Trx, id: string) {
  await trx
    .updateTable('key_projects')
    .set({ deleted_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function replaceAffectedUnits(trx: Trx, projectId: string, unitIds: readonly string[]) {
  await trx.deleteFrom('key_project_units').where('project_id', '=', projectId).execute();
  const unique = [...new Set(unitIds)];
  if (unique.length)
    await trx
      .insertInto('key_project_units')
      .values(unique.map((unit_id) => ({ project_id: projectId, unit_id })))
      .execute();
}

export async function replaceMilestones(
  trx: Trx,
  projectId: string,
  list: readonly { dueOn: string; title: string; targetPercent: number; doneOn?: string | null }[],
) {
  await trx.deleteFrom('key_project_milestones').where('project_id', '=', projectId).execute();
  if (list.length)
    await trx
      .insertInto('key_project_milestones')
      .values(
        list.map((m) => ({
          project_id: projectId,
          due_on: m.dueOn,
          title: m.title,
          target_percent: m.targetPercent,
          done_on: m.doneOn ?? null,
        })),
      )
      .execute();
}

/** The project row locked for a change (null when absent or deleted). */
export async function lockProject(trx: Trx, id: string) {
  return trx
    .selectFrom('key_projects')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** Takes the project's next household number (the counter row: gap-free, never max() + 1). */
export async function nextHouseholdNumber(trx: Trx, projectId: string): Promise<number> {
  const r = await trx
    .updateTable('key_projects')
    .set({ household_counter: sql`household_counter + 1` })
    .where('id', '=', projectId)
    .returning('household_counter')
    .executeTakeFirstOrThrow();
  return r.household_counter;
}

// Households

function householdsQuery(q: Q, c: WorkCaller) {
  return q
    .selectFrom('key_households as h')
    .where('h.deleted_at', 'is', null)
    .select([
      'h.id',
      'h.project_id',
      'h.number',
      'h.head_name',
      'h.address',
      'h.land_area',
      'h.unit_id',
      'h.note',
      'h.status',
      'h.status_on',
      'h.version',
      unitNameOf('h.unit_id').as('unit_name'),
      identityShown(c).as('identity_shown'),
      sql<number>`(select count(*)::int from key_visits v where v.household_id = h.id and v.deleted_at is null)`.as(
        'visits',
      ),
      sql<
        string | null
      >`(select max(v.visited_on)::text from key_visits v where v.household_id = h.id and v.deleted_at is null)`.as(
        'last_visit_on',
      ),
    ]);
}
export type HouseholdRow = Awaited<ReturnType<ReturnType<typeof householdsQuery>['executeTakeFirstOrThrow']>>;

export type HouseholdFilter = { status?: ConsentStatus; folded?: string; number?: number };

function projectHouseholds(q: Q, c: WorkCaller, projectId: string, f: HouseholdFilter) {
  let query = householdsQuery(q, c).where('h.project_id', '=', projectId);
  if (f.status) query = query.where('h.status', '=', f.status);
  if (f.folded !== undefined) {
    const folded = f.folded;
    // A name is searched only where it is shown: a search must not reveal who lives in another commune.
    query = query.where((eb) =>
      eb.or([
        ...(f.number !== undefined ? [eb('h.number', '=', f.number)] : []),
        eb.and([eb('h.head_name_fold', 'like', containsPattern(folded)), eb(identityShown(c), '=', true)]),
      ]),
    );
  }
  return query;
}

export async function householdsPage(
  q: Q,
  c: WorkCaller,
  projectId: string,
  f: HouseholdFilter,
  page: { limit: number; offset: number },
) {
  return projectHouseholds(q, c, projectId, f).orderBy('h.number').limit(page.limit).offset(page.offset).execute();
}

export async function householdsCount(q: Q, c: WorkCaller, projectId: string, f: HouseholdFilter) {
  return countRows(projectHouseholds(q, c, projectId, f));
}

/** A household with its project's owner, when the caller reads the project. */
export async function readableHousehold(q: Q, c: WorkCaller, id: string) {
  return householdsQuery(q, c)
    .innerJoin('key_projects as p', 'p.id', 'h.project_id')
    .select(['p.body_id', 'p.unit_id as project_unit_id'])
    .where('h.id', '=', id)
    .where('p.deleted_at', 'is', null)
    .where(projectReadable(c))
    .executeTakeFirst();
}

export async function insertHousehold(trx: Trx, row: Insertable<DB['key_households']>) {
  return (await trx.insertInto('key_households').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function lockHousehold(trx: Trx, id: string) {
  return trx
    .selectFrom('key_households as h')
    .innerJoin('key_projects as p', 'p.id', 'h.project_id')
    .select(['h.id', 'h.project_id', 'h.unit_id', 'h.version', 'p.body_id', 'p.unit_id as project_unit_id'])
    .where('h.id', '=', id)
    .where('h.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .forUpdate('h')
    .executeTakeFirst();
}

export async function updateHousehold(trx: Trx, id: string, set: Updateable<DB['key_households']>) {
  await trx
    .updateTable('key_households')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertConsent(trx: Trx, row: Insertable<DB['key_consents']>) {
  return (await trx.insertInto('key_consents').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets the household's status to its latest consent row (by day, then by when it was entered). */
export async function refreshHouseholdStatus(trx: Trx, householdId: string) {
  await sql`update key_households h set status = k.status, status_on = k.on_date, version = h.version + 1, updated_at = now()
    from (select status, on_date from key_consents where household_id = ${householdId}::uuid
          order by on_date desc, created_at desc, id desc limit 1) k
    where h.id = ${householdId}::uuid and (h.status is distinct from k.status or h.status_on is distinct from k.on_date)`.execute(
    trx,
  );
}

export async function historyOf(q: Q, householdId: string) {
  return q
    .selectFrom('key_consents as k')
    .leftJoin('accounts as a', 'a.id', 'k.recorded_by')
    .select([
      'k.id',
      'k.status',
      'k.on_date',
      'k.note',
      'k.visit_id',
      'a.display_name as recorded_by',
      sql<string>`k.created_at`.as('created_at'),
    ])
    .where('k.household_id', '=', householdId)
    .orderBy('k.on_date', 'desc')
    .orderBy('k.created_at', 'desc')
    .execute();
}

// Visits

function visitsQuery(q: Q, c: WorkCaller) {
  return q
    .selectFrom('key_visits as v')
    .innerJoin('key_households as h', 'h.id', 'v.household_id')
    .leftJoin('accounts as a', 'a.id', 'v.recorded_by')
    .where('v.deleted_at', 'is', null)
    .select([
      'v.id',
      'v.project_id',
      'v.household_id',
      'h.number as household_number',
      'h.head_name',
      identityShown(c).as('identity_shown'),
      'v.visited_on',
      'v.outcome',
      'v.photo_file_id',
      'a.display_name as recorded_by',
      sql<
        { personId: string | null; name: string }[]
      >`coalesce((select json_agg(json_build_object('personId', m.person_id, 'name', m.name) order by m.name) from key_visit_members m where m.visit_id = v.id), '[]'::json)`.as(
        'members',
      ),
      sql<string | null>`(select k.status from key_consents k where k.visit_id = v.id limit 1)`.as('new_status'),
    ]);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof visitsQuery>['executeTakeFirstOrThrow']>>;

export async function visitsPage(
  q: Q,
  c: WorkCaller,
  f: { projectId: string; householdId?: string },
  page: { limit: number; offset: number },
) {
  let query = visitsQuery(q, c).where('v.project_id', '=', f.projectId);
  if (f.householdId) query = query.where('v.household_id', '=', f.householdId);
  const [rows, n] = await Promise.all([
    query
      .orderBy('v.visited_on', 'desc')
      .orderBy('v.created_at', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    countRows(query),
  ]);
  return { rows, total: n };
}

export async function visitById(q: Q, c: WorkCaller, id: string) {
  return visitsQuery(q, c).where('v.id', '=', id).executeTakeFirst();
}

export async function insertVisit(trx: Trx, row: Insertable<DB['key_visits']>) {
  return (await trx.insertInto('key_visits').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertVisitMembers(trx: Trx, visitId: string, list: { personId: string | null; name: string }[]) {
  if (list.length)
    await trx
      .insertInto('key_visit_members')
      .values(list.map((m) => ({ visit_id: visitId, person_id: m.personId, name: m.name })))
      .execute();
}

/** A visit with its project's owner, locked for adding its photo. */
export async function lockVisit(trx: Trx, id: string) {
  return trx
    .selectFrom('key_visits as v')
    .innerJoin('key_households as h', 'h.id', 'v.household_id')
    .innerJoin('key_projects as p', 'p.id', 'v.project_id')
    .select(['v.id', 'v.project_id', 'v.photo_file_id', 'h.unit_id', 'p.body_id', 'p.unit_id as project_unit_id'])
    .where('v.id', '=', id)
    .where('v.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .forUpdate('v')
    .executeTakeFirst();
}

export async function setVisitPhoto(trx: Trx, id: string, fileId: string | null) {
  await trx.updateTable('key_visits').set({ photo_file_id: fileId }).where('id', '=', id).execute();
}

/** A stored file's record (its bytes are read from the file store by its key). */
export async function storedFile(q: Q, id: string) {
  return q
    .selectFrom('files')
    .select(['id', 'storage_key', 'filename', 'content_type'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function discardFile(trx: Trx, id: string) {
  await trx
    .updateTable('files')
    .set({ deleted_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function peopleNames(q: Q, ids: string[]) {
  return q.selectFrom('people').select(['id', 'full_name']).where('id', 'in', ids).execute();
}

/** The household ids of `ids` that belong to the project (not deleted). */
export async function householdsOfProject(q: Q, projectId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return q
    .selectFrom('key_households')
    .select(['id', 'unit_id'])
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}
