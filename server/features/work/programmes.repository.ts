import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import type { DB } from '../../db/schema.ts';
import { unitNameOf } from './tasks.repository.ts';
import { updateAtVersion } from './versioned.repository.ts';
import type { WorkCaller } from './work.scope.ts';
import { programmeVisible, taskVisible } from './work.scope.repository.ts';

type Q = Database | Trx;

/** The unit of a programme's owner body, as an SQL expression (null for a missing programme). */
export const programmeOwnerUnit = (programmeId: string): RawBuilder<string | null> =>
  sql<
    string | null
  >`(select b.unit_id from programmes p join bodies b on b.id = p.body_id where p.id = ${programmeId}::uuid)`;

/** The kinds of task in their order. */
export function taskKinds(q: Q) {
  return q.selectFrom('task_kinds').selectAll().where('deleted_at', 'is', null).orderBy('sort').execute();
}

export type ProgrammeTaskFacts = {
  id: string;
  programme_id: string;
  parent_id: string | null;
  group_id: string | null;
  lead_body_id: string;
  kind: string;
  status: string;
  due_date: string | null;
  reported_done_on: string | null;
  weight: string;
  reported_progress: number;
  visible: boolean;
};

/** Every task of the programmes, with what the counts and the rollup read and whether the caller reads it. */
export async function programmeTaskFacts(q: Q, c: WorkCaller, programmeIds: string[]): Promise<ProgrammeTaskFacts[]> {
  return q
    .selectFrom('tasks as t')
    .select([
      't.id',
      't.programme_id',
      't.parent_id',
      't.group_id',
      't.lead_body_id',
      't.kind',
      't.status',
      't.due_date',
      't.reported_done_on',
      't.weight',
      't.reported_progress',
    ])
    .select(sql<boolean>`${taskVisible(c)}`.as('visible'))
    .where('t.programme_id', 'in', programmeIds)
    .where('t.deleted_at', 'is', null)
    .execute();
}

function programmesQuery(q: Q) {
  return q
    .selectFrom('programmes as p')
    .innerJoin('bodies as b', 'b.id', 'p.body_id')
    .select([
      'p.id',
      'p.body_id',
      'b.name as body_name',
      'p.year',
      'p.title',
      'p.description',
      'p.copied_from_id',
      'p.version',
    ])
    .select(unitNameOf('b.unit_id').as('unit_name'))
    .select(
      sql<number>`(select count(*)::int from task_groups g where g.programme_id = p.id and g.deleted_at is null)`.as(
        'group_count',
      ),
    )
    .where('p.deleted_at', 'is', null);
}
export type ProgrammeRow = Awaited<ReturnType<ReturnType<typeof programmesQuery>['executeTakeFirstOrThrow']>>;

/** The programmes the caller reads, filtered (a year, an owner body, words of the title or the body's name
 * folded), newest year first, at most 200. */
export function visibleProgrammes(
  q: Q,
  c: WorkCaller,
  filter: { year?: number; bodyId?: string; folded?: string },
): Promise<ProgrammeRow[]> {
  let query = programmesQuery(q).where(programmeVisible(c));
  if (filter.year) query = query.where('p.year', '=', filter.year);
  if (filter.bodyId) query = query.where('p.body_id', '=', filter.bodyId);
  if (filter.folded !== undefined)
    query = query.where(
      sql<SqlBool>`lower(translate(unaccent(p.title || ' ' || b.name), 'đĐ', 'dD')) like ${'%' + filter.folded.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%'}`,
    );
  return query
    .orderBy('p.year', 'desc')
    .orderBy(sql`b.name collate "vi-x-icu"`)
    .limit(200)
    .execute();
}

/** A programme that is not deleted, with its owner body's name and its number of groups. */
export function programmeRow(q: Q, id: string): Promise<ProgrammeRow | undefined> {
  return programmesQuery(q).where('p.id', '=', id).executeTakeFirst();
}

/** A body that is not deleted, with its unit and its validity. */
export function liveBody(q: Q, id: string) {
  return q
    .selectFrom('bodies')
    .select(['id', 'unit_id', 'valid_from', 'valid_to'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The names of the given bodies. */
export function bodyNames(q: Q, ids: string[]) {
  return q
    .selectFrom('bodies')
    .select(['id', 'name'])
    .where('id', 'in', [...ids, '00000000-0000-0000-0000-000000000000'])
    .execute();
}

/** A programme to change: not deleted, with its owner body and version. */
export function programmeToChange(q: Q, id: string) {
  return q
    .selectFrom('programmes')
    .select(['id', 'body_id', 'version'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The body's programme of the year, if it has one. */
export function programmeOfYear(q: Q, bodyId: string, year: number) {
  return q
    .selectFrom('programmes')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function insertProgramme(trx: Trx, values: Insertable<DB['programmes']>) {
  return trx.insertInto('programmes').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Edits a programme at a version; answers how many rows changed (none: another edit came first). */
export function updateProgrammeRow(
  trx: Trx,
  id: string,
  version: number,
  set: { title?: string; description?: string | null },
): Promise<number> {
  return updateAtVersion(trx, 'programmes', id, version, set);
}

/** Deletes a programme (soft) at a version; answers how many rows changed. */
export async function deleteProgrammeRow(trx: Trx, id: string, version: number): Promise<number> {
  const r = await trx
    .updateTable('programmes')
    .set((eb) => ({ deleted_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Locks a programme's row (its groups are renumbered). */
export async function lockProgramme(trx: Trx, id: string): Promise<void> {
  await trx.selectFrom('programmes').select('id').where('id', '=', id).forUpdate().execute();
}

export async function setTaskCounter(trx: Trx, programmeId: string, n: number): Promise<void> {
  await trx.updateTable('programmes').set({ task_counter: n }).where('id', '=', programmeId).execute();
}
