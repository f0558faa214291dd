import { containsPattern, countRows } from '../../db/lists.ts';
import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';
import { unitNameOf } from '../work/index.ts';
import type { WorkCaller } from '../work/index.ts';

type Q = Database | Trx;

/** A filter on `bodies as <alias>`: the caller reads the body's records today (SQL function body_readable,
 * migration 0009 — the same rule as programmes). Administrators read all. */
export function bodyReadable(c: WorkCaller, alias = 'b') {
  if (c.isAdmin) return sql<SqlBool>`true`;
  return sql<SqlBool>`body_readable(${c.accountId}::uuid, ${c.today}::date, ${sql.ref(`${alias}.id`)})`;
}

/** Briefings (not deleted) with their body, unit, programme, chair, counts of conclusions. */
function briefingsQuery(q: Q) {
  return q
    .selectFrom('briefings as br')
    .innerJoin('bodies as b', 'b.id', 'br.body_id')
    .leftJoin('programmes as p', 'p.id', 'br.programme_id')
    .leftJoin('people as ch', 'ch.id', 'br.chair_person_id')
    .where('br.deleted_at', 'is', null)
    .select([
      'br.id',
      'br.body_id',
      'b.name as body_name',
      'b.unit_id',
      'br.programme_id',
      'p.title as programme_title',
      'br.held_on',
      'br.title',
      'br.chair_person_id',
      'ch.full_name as chair_name',
      'br.agenda',
      'br.minutes',
      'br.notice_number',
      'br.notice_symbol',
      'br.notice_issued_on',
      'br.version',
      unitNameOf('b.unit_id').as('unit_name'),
      sql<number>`(select count(*)::int from briefing_conclusions c where c.briefing_id = br.id and c.deleted_at is null)`.as(
        'conclusion_count',
      ),
      sql<number>`(select count(*)::int from briefing_conclusions c where c.briefing_id = br.id and c.deleted_at is null and c.task_id is not null)`.as(
        'linked_count',
      ),
    ]);
}

export type BriefingRow = Awaited<ReturnType<ReturnType<typeof briefingsQuery>['executeTakeFirstOrThrow']>>;

export type BriefingFilter = {
  bodyId?: string;
  from?: string;
  to?: string;
  /** folded words of the title */ folded?: string;
};

/** Briefings of bodies the caller reads, matching the filter. */
function readableBriefings(q: Q, c: WorkCaller, f: BriefingFilter) {
  let query = briefingsQuery(q).where(bodyReadable(c));
  if (f.bodyId) query = query.where('br.body_id', '=', f.bodyId);
  if (f.from) query = query.where('br.held_on', '>=', f.from);
  if (f.to) query = query.where('br.held_on', '<=', f.to);
  if (f.folded !== undefined)
    query = query.where(
      sql<SqlBool>`lower(translate(unaccent(br.title), 'đĐ', 'dD')) like ${containsPattern(f.folded)}`,
    );
  return query;
}

/** A page of the briefings the caller reads, newest first. */
export async function briefingsPage(q: Q, c: WorkCaller, f: BriefingFilter, page: { limit: number; offset: number }) {
  return readableBriefings(q, c, f)
    .orderBy('br.held_on', 'desc')
    .orderBy('br.created_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many briefings the caller reads match the filter. */
export async function briefingsCount(q: Q, c: WorkCaller, f: BriefingFilter): Promise<number> {
  return countRows(readableBriefings(q, c, f));
}

/** The briefing, when the caller reads it and it is not deleted. */
export async function readableBriefing(q: Q, c: WorkCaller, id: string) {
  return briefingsQuery(q).where('br.id', '=', id).where(bodyReadable(c)).executeTakeFirst();
}

/** An SQL expression: the unit of the body, for the reference checks of what a briefing of it names. */
export function bodyUnitSql(bodyId: string) {
  return sql<string | null>`(select unit_id from bodies where id = ${bodyId}::uuid)`;
}

/** The dates of a body not deleted. */
export async function liveBodyDates(q: Q, bodyId: string) {
  return q
    .selectFrom('bodies')
    .select(['id', 'valid_from', 'valid_to'])
    .where('id', '=', bodyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The dates of a body (there must be one). */
export async function bodyDates(q: Q, bodyId: string) {
  return q.selectFrom('bodies').select(['valid_from', 'valid_to']).where('id', '=', bodyId).executeTakeFirstOrThrow();
}

/** The register's names of these people. */
export async function peopleNames(q: Q, ids: string[]) {
  return q.selectFrom('people').select(['id', 'full_name']).where('id', 'in', ids).execute();
}

/** The issuing body of a notice: its name and kind's short name, and the body directly above it on the same unit. */
export async function noticeIssuer(q: Q, bodyId: string) {
  return q
    .selectFrom('bodies as b')
    .innerJoin('body_kinds as k', 'k.code', 'b.kind')
    .leftJoin('bodies as p', (j) => j.onRef('p.id', '=', 'b.parent_id').onRef('p.unit_id', '=', 'b.unit_id'))
    .select(['b.name', 'k.short_vi', 'p.name as superior'])
    .where('b.id', '=', bodyId)
    .executeTakeFirstOrThrow();
}

/** The briefing row locked for a change (null when absent or deleted). */
export async function lockBriefing(trx: Trx, id: string) {
  return trx
    .selectFrom('briefings')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function attendeesOf(q: Q, briefingId: string) {
  return q
    .selectFrom('briefing_attendees as a')
    .leftJoin('bodies as b', 'b.id', 'a.body_id')
    .select(['a.id', 'a.person_id', 'a.name', 'a.body_id', 'b.name as body_name'])
    .where('a.briefing_id', '=', briefingId)
    .orderBy(sql`a.name collate "vi-x-icu"`)
    .orderBy('a.id')
    .execute();
}

/** Conclusions in order, with the task each became (when it did and the task is not deleted). */
export async function conclusionsOf(q: Q, briefingId: string) {
  return q
    .selectFrom('briefing_conclusions as c')
    .leftJoin('tasks as t', (j) => j.onRef('t.id', '=', 'c.task_id').on('t.deleted_at', 'is', null))
    .leftJoin('bodies as lb', 'lb.id', 't.lead_body_id')
    .select([
      'c.id',
      'c.position',
      'c.text',
      'c.task_id',
      'c.version',
      't.id as t_id',
      't.number as t_number',
      't.title as t_title',
      't.status as t_status',
      't.due_date as t_due',
      'lb.name as t_lead',
    ])
    .where('c.briefing_id', '=', briefingId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.position')
    .execute();
}

export async function insertAttendees(
  trx: Trx,
  briefingId: string,
  rows: { personId: string | null; name: string; bodyId: string | null }[],
) {
  if (!rows.length) return;
  await trx
    .insertInto('briefing_attendees')
    .values(rows.map((r) => ({ briefing_id: briefingId, person_id: r.personId, name: r.name, body_id: r.bodyId })))
    .execute();
}

export async function insertConclusions(trx: Trx, briefingId: string, texts: { position: number; text: string }[]) {
  if (!texts.length) return;
  await trx
    .insertInto('briefing_conclusions')
    .values(texts.map((c) => ({ briefing_id: briefingId, position: c.position, text: c.text })))
    .execute();
}

/** The chair's position in the body on a day ("Trưởng Cơ quan Khối", "Chủ tịch"), for the notice. */
export async function positionIn(q: Q, personId: string, bodyId: string, date: string) {
  const r = await q
    .selectFrom('positions')
    .select('title')
    .where('person_id', '=', personId)
    .where('body_id', '=', bodyId)
    .where('deleted_at', 'is', null)
    .where(inForce('positions', date))
    .orderBy('concurrent')
    .executeTakeFirst();
  return r?.title ?? null;
}

/** A new briefing: its id. */
export async function insertBriefing(trx: Trx, row: Insertable<DB['briefings']>): Promise<string> {
  const r = await trx.insertInto('briefings').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export type BriefingChange = Updateable<DB['briefings']>;

/** Changes a briefing's fields, with its next version. */
export async function updateBriefing(trx: Trx, id: string, change: BriefingChange) {
  await trx
    .updateTable('briefings')
    .set(change)
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

/** Records the notice's number, with the briefing's next version. */
export async function setNotice(trx: Trx, id: string, notice: { number: number; symbol: string; issuedOn: string }) {
  await trx
    .updateTable('briefings')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .set({ notice_number: notice.number, notice_symbol: notice.symbol, notice_issued_on: notice.issuedOn })
    .where('id', '=', id)
    .execute();
}

export async function deleteBriefing(trx: Trx, id: string) {
  await trx
    .updateTable('briefings')
    .set((eb) => ({ deleted_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteAttendees(trx: Trx, briefingId: string) {
  await trx.deleteFrom('briefing_attendees').where('briefing_id', '=', briefingId).execute();
}

/** The briefing's conclusions (not deleted), locked for a change. */
export async function lockConclusions(trx: Trx, briefingId: string) {
  return trx
    .selectFrom('briefing_conclusions')
    .selectAll()
    .where('briefing_id', '=', briefingId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .execute();
}

export async function insertConclusion(trx: Trx, briefingId: string, position: number, text: string) {
  await trx.insertInto('briefing_conclusions').values({ briefing_id: briefingId, position, text }).execute();
}

export async function updateConclusion(trx: Trx, id: string, position: number, text: string) {
  await trx
    .updateTable('briefing_conclusions')
    .set((eb) => ({ text, position, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteConclusion(trx: Trx, id: string) {
  await trx
    .updateTable('briefing_conclusions')
    .set((eb) => ({ deleted_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Deletes (soft) every conclusion of a briefing. */
export async function deleteConclusionsOf(trx: Trx, briefingId: string) {
  await trx
    .updateTable('briefing_conclusions')
    .set((eb) => ({ deleted_at: new Date(), version: eb('version', '+', 1) }))
    .where('briefing_id', '=', briefingId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** How many conclusions (not deleted) a briefing has. */
export async function conclusionCount(q: Q, briefingId: string): Promise<number> {
  const r = await q
    .selectFrom('briefing_conclusions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('briefing_id', '=', briefingId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** A conclusion (not deleted, of a briefing not deleted) with its briefing's body and programme. */
export async function conclusionWithBriefing(q: Q, conclusionId: string) {
  return q
    .selectFrom('briefing_conclusions as bc')
    .innerJoin('briefings as b', 'b.id', 'bc.briefing_id')
    .select(['bc.id', 'bc.text', 'bc.task_id', 'b.body_id', 'b.programme_id'])
    .where('bc.id', '=', conclusionId)
    .where('bc.deleted_at', 'is', null)
    .where('b.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Links a conclusion (not deleted, without a task yet) to its task: whether it did. */
export async function linkConclusionTask(trx: Trx, conclusionId: string, taskId: string): Promise<boolean> {
  const r = await trx
    .updateTable('briefing_conclusions')
    .set((eb) => ({ task_id: taskId, version: eb('version', '+', 1) }))
    .where('id', '=', conclusionId)
    .where('task_id', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
