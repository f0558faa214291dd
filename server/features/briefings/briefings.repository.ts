import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
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
export function briefingsQuery(q: Q) {
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
      sql<number>`(select count(*)::int from briefing_conclusions c where c.briefing_id = br.id and c.deleted_at is null)`.as('conclusion_count'),
      sql<number>`(select count(*)::int from briefing_conclusions c where c.briefing_id = br.id and c.deleted_at is null and c.task_id is not null)`.as('linked_count'),
    ]);
}

export type BriefingRow = Awaited<ReturnType<ReturnType<typeof briefingsQuery>['executeTakeFirstOrThrow']>>;

export async function findBriefing(q: Q, id: string) {
  return briefingsQuery(q).where('br.id', '=', id).executeTakeFirst();
}

/** The briefing row locked for a change (null when absent or deleted). */
export async function lockBriefing(trx: Trx, id: string) {
  return trx.selectFrom('briefings').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
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
    .select(['c.id', 'c.position', 'c.text', 'c.task_id', 'c.version', 't.id as t_id', 't.number as t_number', 't.title as t_title', 't.status as t_status', 't.due_date as t_due', 'lb.name as t_lead'])
    .where('c.briefing_id', '=', briefingId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.position')
    .execute();
}

export async function insertAttendees(trx: Trx, briefingId: string, rows: { personId: string | null; name: string; bodyId: string | null }[]) {
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
    .where(sql<SqlBool>`(valid_from is null or valid_from <= ${date}::date) and (valid_to is null or ${date}::date < valid_to)`)
    .orderBy('concurrent')
    .executeTakeFirst();
  return r?.title ?? null;
}
