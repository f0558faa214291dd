import { containsPattern, countRows } from '../../db/lists.ts';
import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';
import { keyProjectReadableSql } from '../clearance/index.ts';
import { unitNameOf, type WorkCaller } from '../work/index.ts';

type Q = Database | Trx;

/** A filter on `dialogues as <alias>`: the caller reads its body's records (dialogue_readable, migration 0020). */
export function dialogueReadable(c: WorkCaller, alias = 'g') {
  if (c.isAdmin) return sql<SqlBool>`true`;
  return sql<SqlBool>`body_readable(${c.accountId}::uuid, ${c.today}::date, ${sql.ref(`${alias}.body_id`)})`;
}

/** Dialogues (not deleted) with their body, unit, project (named only to its readers), chair and counts. */
function dialoguesQuery(q: Q, c: WorkCaller) {
  return q
    .selectFrom('dialogues as g')
    .innerJoin('bodies as b', 'b.id', 'g.body_id')
    .leftJoin('key_projects as p', (j) => j.onRef('p.id', '=', 'g.project_id').on('p.deleted_at', 'is', null))
    .leftJoin('people as ch', 'ch.id', 'g.chair_person_id')
    .leftJoin('files as mf', (j) => j.onRef('mf.id', '=', 'g.minutes_file_id').on('mf.deleted_at', 'is', null))
    .where('g.deleted_at', 'is', null)
    .select([
      'g.id',
      'g.body_id',
      'b.name as body_name',
      'g.unit_id',
      'g.project_id',
      sql<string | null>`case when p.id is not null and ${keyProjectReadableSql(c)} then p.name end`.as('project_name'),
      'g.held_on',
      'g.title',
      'g.place',
      'g.chair_person_id',
      sql<string | null>`coalesce(ch.full_name, g.chair_name)`.as('chair_name'),
      'g.minutes',
      'g.minutes_file_id',
      'mf.filename as minutes_file_name',
      'mf.storage_key as minutes_file_key',
      'mf.content_type as minutes_file_type',
      'g.version',
      unitNameOf('g.unit_id').as('unit_name'),
      sql<number>`(select count(*)::int from dialogue_attendees a where a.dialogue_id = g.id)`.as('attendee_count'),
      sql<number>`(select count(*)::int from dialogue_attendees a where a.dialogue_id = g.id and a.kind = 'resident')`.as(
        'resident_count',
      ),
      sql<number>`(select count(*)::int from dialogue_outcomes o where o.dialogue_id = g.id)`.as('outcome_count'),
      sql<number>`(select count(*)::int from dialogue_outcomes o where o.dialogue_id = g.id and o.task_id is not null)`.as(
        'task_count',
      ),
    ]);
}
export type DialogueRow = Awaited<ReturnType<ReturnType<typeof dialoguesQuery>['executeTakeFirstOrThrow']>>;

export type DialogueFilter = { projectId?: string; bodyId?: string; from?: string; to?: string; folded?: string };

function readableDialogues(q: Q, c: WorkCaller, f: DialogueFilter) {
  let query = dialoguesQuery(q, c).where(dialogueReadable(c));
  if (f.projectId) query = query.where('g.project_id', '=', f.projectId);
  if (f.bodyId) query = query.where('g.body_id', '=', f.bodyId);
  if (f.from) query = query.where('g.held_on', '>=', f.from);
  if (f.to) query = query.where('g.held_on', '<=', f.to);
  if (f.folded !== undefined) {
    const pattern = containsPattern(f.folded);
    query = query.where((eb) =>
      eb.or([
        eb('g.title_fold', 'like', pattern),
        eb(sql`lower(translate(unaccent(g.place), 'đĐ', 'dD'))`, 'like', pattern),
      ]),
    );
  }
  return query;
}

export async function dialoguesPage(q: Q, c: WorkCaller, f: DialogueFilter, page: { limit: number; offset: number }) {
  return readableDialogues(q, c, f)
    .orderBy('g.held_on', 'desc')
    .orderBy('g.created_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function dialoguesCount(q: Q, c: WorkCaller, f: DialogueFilter): Promise<number> {
  return countRows(readableDialogues(q, c, f));
}

export async function readableDialogue(q: Q, c: WorkCaller, id: string) {
  return dialoguesQuery(q, c).where('g.id', '=', id).where(dialogueReadable(c)).executeTakeFirst();
}

export async function attendeesOf(q: Q, id: string) {
  return q
    .selectFrom('dialogue_attendees')
    .select(['id', 'kind', 'person_id', 'account_id', 'household_id', 'name', 'role'])
    .where('dialogue_id', '=', id)
    .orderBy('position')
    .execute();
}

export async function outcomesOf(q: Q, id: string) {
  return q
    .selectFrom('dialogue_outcomes as o')
    .leftJoin('tasks as t', (j) => j.onRef('t.id', '=', 'o.task_id').on('t.deleted_at', 'is', null))
    .leftJoin('bodies as lb', 'lb.id', 't.lead_body_id')
    .select([
      'o.id',
      'o.position',
      'o.text',
      't.id as t_id',
      't.number as t_number',
      't.title as t_title',
      't.status as t_status',
      't.due_date as t_due',
      'lb.name as t_lead',
    ])
    .where('o.dialogue_id', '=', id)
    .orderBy('o.position')
    .execute();
}

/** The unit of a body not deleted (a dialogue of it is read through that unit's scope). */
export async function unitOfLiveBody(q: Q, bodyId: string) {
  const b = await q
    .selectFrom('bodies')
    .select('unit_id')
    .where('id', '=', bodyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return b?.unit_id;
}

/** The owner body of a live programme. */
export async function programmeBody(q: Q, programmeId: string) {
  return q
    .selectFrom('programmes')
    .select('body_id')
    .where('id', '=', programmeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function peopleNames(q: Q, ids: string[]) {
  return q.selectFrom('people').select(['id', 'full_name']).where('id', 'in', ids).execute();
}

export async function accountNames(q: Q, ids: string[]) {
  return q.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', ids).execute();
}

/** Households of the project among `ids`, with their head's name. */
export async function householdsOf(q: Q, projectId: string, ids: string[]) {
  return q
    .selectFrom('key_households')
    .select(['id', 'head_name'])
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function insertDialogue(trx: Trx, row: Insertable<DB['dialogues']>) {
  return (await trx.insertInto('dialogues').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateDialogue(trx: Trx, id: string, set: Updateable<DB['dialogues']>) {
  await trx
    .updateTable('dialogues')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteDialogue(trx: Trx, id: string) {
  await trx
    .updateTable('dialogues')
    .set({ deleted_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function lockDialogue(trx: Trx, id: string) {
  return trx
    .selectFrom('dialogues')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export type AttendeeRow = Omit<Insertable<DB['dialogue_attendees']>, 'dialogue_id' | 'position'>;

export async function replaceAttendees(trx: Trx, id: string, list: AttendeeRow[]) {
  await trx.deleteFrom('dialogue_attendees').where('dialogue_id', '=', id).execute();
  if (list.length)
    await trx
      .insertInto('dialogue_attendees')
      .values(list.map((a, i) => ({ ...a, dialogue_id: id, position: i + 1 })))
      .execute();
}

export async function lockOutcomes(trx: Trx, id: string) {
  return trx
    .selectFrom('dialogue_outcomes')
    .select(['id', 'position', 'text', 'task_id'])
    .where('dialogue_id', '=', id)
    .forUpdate()
    .execute();
}

export async function insertOutcome(trx: Trx, row: Insertable<DB['dialogue_outcomes']>) {
  return (await trx.insertInto('dialogue_outcomes').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateOutcome(trx: Trx, id: string, set: Updateable<DB['dialogue_outcomes']>) {
  await trx.updateTable('dialogue_outcomes').set(set).where('id', '=', id).execute();
}

export async function deleteOutcome(trx: Trx, id: string) {
  await trx.deleteFrom('dialogue_outcomes').where('id', '=', id).execute();
}

/** Points the dialogue at its new minutes file and retires the old one (its bytes stay until the store is swept). */
export async function replaceMinutesFile(trx: Trx, id: string, fileId: string, oldFileId: string | null) {
  if (oldFileId)
    await trx
      .updateTable('files')
      .set({ deleted_at: sql`now()` })
      .where('id', '=', oldFileId)
      .execute();
  await trx
    .updateTable('dialogues')
    .set({ minutes_file_id: fileId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}
