import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';

type Q = Database | Trx;

/** The SQL of the commands on a task (change, workflow, progress, extensions, cascade, recurrence): one query per
 * function, in the caller's transaction. */

export const findBody = (q: Q, id: string) =>
  q
    .selectFrom('bodies')
    .select(['id', 'unit_id', 'valid_to', 'valid_from', 'kind', 'name'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

export const findAccount = (q: Q, id: string) =>
  q
    .selectFrom('accounts')
    .select(['id', 'disabled_at'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

/** The bodies and people of a list of cooperating bodies, not deleted. */
export async function bodiesAndPeople(q: Q, bodyIds: readonly string[], personIds: readonly string[]) {
  const [bodies, people] = await Promise.all([
    bodyIds.length
      ? q
          .selectFrom('bodies')
          .select(['id', 'valid_to'])
          .where('id', 'in', bodyIds)
          .where('deleted_at', 'is', null)
          .execute()
      : [],
    personIds.length
      ? q.selectFrom('people').select('id').where('id', 'in', personIds).where('deleted_at', 'is', null).execute()
      : [],
  ]);
  return { bodies, people };
}

/** Sets a task's cooperating bodies to the list: ended (soft) those left out, changed those whose part or person
 * changed, added the new ones. */
export async function writeCooperators(
  trx: Trx,
  taskId: string,
  list: readonly { bodyId: string; part?: string; personId?: string | null }[],
) {
  const existing = await trx
    .selectFrom('task_cooperators')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('deleted_at', 'is', null)
    .execute();
  const wanted = new Map(list.map((c) => [c.bodyId, c]));
  for (const e of existing) {
    const w = wanted.get(e.body_id);
    if (!w)
      await trx
        .updateTable('task_cooperators')
        .set((eb) => ({ deleted_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', e.id)
        .execute();
    else if ((w.part ?? null) !== e.part || (w.personId ?? null) !== e.person_id)
      await trx
        .updateTable('task_cooperators')
        .set((eb) => ({
          part: w.part || null,
          person_id: w.personId ?? null,
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', e.id)
        .execute();
    wanted.delete(e.body_id);
  }
  for (const c of wanted.values())
    await trx
      .insertInto('task_cooperators')
      .values({ task_id: taskId, body_id: c.bodyId, part: c.part || null, person_id: c.personId ?? null })
      .execute();
}

/** A task's row, locked for the transaction. */
export const lockTask = (trx: Trx, id: string) =>
  trx.selectFrom('tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();

/** Changes a task's columns, counting a new version. */
export const updateTaskRow = (trx: Trx, id: string, set: Updateable<DB['tasks']>) =>
  trx
    .updateTable('tasks')
    .set({ ...set, updated_at: new Date() })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** A new history line of a task; its id. */
export const insertTaskUpdate = async (trx: Trx, values: Insertable<DB['task_updates']>) =>
  (await trx.insertInto('task_updates').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const kindExists = async (q: Q, code: string) =>
  Boolean(await q.selectFrom('task_kinds').select('code').where('code', '=', code).executeTakeFirst());

export const groupProgramme = async (q: Q, groupId: string) =>
  (
    await q
      .selectFrom('task_groups')
      .select('programme_id')
      .where('id', '=', groupId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
  )?.programme_id;

export const isCooperating = async (q: Q, taskId: string, bodyId: string) =>
  Boolean(
    await q
      .selectFrom('task_cooperators')
      .select('id')
      .where('task_id', '=', taskId)
      .where('body_id', '=', bodyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
  );

/** Who reported the task done last (typed it, and said it). */
export const lastReportedDone = (q: Q, taskId: string) =>
  q
    .selectFrom('task_updates')
    .select(['entered_by', 'reported_by_person_id'])
    .where('task_id', '=', taskId)
    .where('to_status', '=', 'reported_done')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const isCooperatorOf = async (q: Q, cooperatorId: string, taskId: string) =>
  Boolean(
    await q
      .selectFrom('task_cooperators')
      .select('id')
      .where('id', '=', cooperatorId)
      .where('task_id', '=', taskId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
  );

export const setCooperatorProgress = (trx: Trx, cooperatorId: string, progress: number) =>
  trx
    .updateTable('task_cooperators')
    .set((eb) => ({ reported_progress: progress, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', cooperatorId)
    .execute();

export const findFile = (q: Q, id: string) =>
  q
    .selectFrom('files')
    .select(['id', 'created_by'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

export const fileLinked = async (q: Q, fileId: string) =>
  Boolean(
    await q
      .selectFrom('task_files')
      .select('id')
      .where('file_id', '=', fileId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
  );

export const linkFile = (trx: Trx, values: Insertable<DB['task_files']>) =>
  trx.insertInto('task_files').values(values).execute();

export const openExtension = async (q: Q, taskId: string) =>
  Boolean(
    await q
      .selectFrom('task_extensions')
      .select('id')
      .where('task_id', '=', taskId)
      .where('decision', 'is', null)
      .executeTakeFirst(),
  );

export const insertExtension = (trx: Trx, values: Insertable<DB['task_extensions']>) =>
  trx.insertInto('task_extensions').values(values).execute();

export const extensionTask = async (q: Q, id: string) =>
  (await q.selectFrom('task_extensions').select(['task_id']).where('id', '=', id).executeTakeFirst())?.task_id;

export const lockExtension = (trx: Trx, id: string) =>
  trx.selectFrom('task_extensions').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();

export const decideExtensionRow = (
  trx: Trx,
  id: string,
  values: { decision: 'granted' | 'refused'; decision_note: string | null; decided_by: string; decided_at: Date },
) =>
  trx
    .updateTable('task_extensions')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** The same-line body on a unit that a cascade hands its part to: one whose line reaches the lead body, else one of
 * the lead body's kind; in force on the day. */
export const cascadeBodyOn = (q: Q, unitId: string, lead: { id: string; kind: string }, today: string) =>
  q
    .selectFrom('bodies as b')
    .select(['b.id', 'b.name'])
    .where('b.unit_id', '=', unitId)
    .where('b.deleted_at', 'is', null)
    .where(inForce('b', today))
    .where((eb) => eb.or([eb('b.kind', '=', lead.kind), sql<SqlBool>`${lead.id}::uuid = any (body_line(b.id))`]))
    .orderBy(sql`case when ${lead.id}::uuid = any (body_line(b.id)) then 0 else 1 end`)
    .orderBy('b.name')
    .limit(1)
    .executeTakeFirst();

/** The units directly below a unit on the day, by code. */
export const childUnits = (q: Q, unitId: string, today: string) =>
  q
    .selectFrom('unit_tree as u')
    .select(['u.unit_id', 'u.code', 'u.name'])
    .where('u.parent_id', '=', unitId)
    .where(inForce('u', today))
    .orderBy('u.code')
    .execute();

export const subtaskLedBy = async (q: Q, parentId: string, bodyId: string) =>
  Boolean(
    await q
      .selectFrom('tasks')
      .select('id')
      .where('parent_id', '=', parentId)
      .where('lead_body_id', '=', bodyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
  );

/** The latest occurrence of a recurring series, with its programme's year. */
export const lastOccurrence = (q: Q, seriesId: string) =>
  q
    .selectFrom('tasks as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .selectAll('t')
    .select('p.year')
    .where('t.series_id', '=', seriesId)
    .where('t.deleted_at', 'is', null)
    .orderBy('t.occurrence', 'desc')
    .limit(1)
    .executeTakeFirst();

export const occurrenceExists = async (q: Q, seriesId: string, occurrence: number) =>
  Boolean(
    await q
      .selectFrom('tasks')
      .select('id')
      .where('series_id', '=', seriesId)
      .where('occurrence', '=', occurrence)
      .executeTakeFirst(),
  );

export const cooperatorsOf = (q: Q, taskId: string) =>
  q
    .selectFrom('task_cooperators')
    .select(['body_id', 'part', 'person_id'])
    .where('task_id', '=', taskId)
    .where('deleted_at', 'is', null)
    .execute();

/** The series whose latest occurrence may be due its next: accepted, or past its due date. */
export const seriesToRenew = async (q: Q, today: string) =>
  (
    await q
      .selectFrom('tasks')
      .select('series_id')
      .distinct()
      .where('series_id', 'is not', null)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('status', '=', 'accepted'), eb('due_date', '<', today)]))
      .execute()
  ).map((r) => r.series_id!);

/** A task's lead body, deleted or not (a cascade hands on the task as it stands). */
export const leadBodyOf = (q: Q, id: string) =>
  q.selectFrom('bodies').select(['id', 'kind', 'unit_id']).where('id', '=', id).executeTakeFirstOrThrow();
