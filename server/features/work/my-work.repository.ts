import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { timelinessSql } from './task.list.repository.ts';
import { myBodiesSql } from './tasks.repository.ts';
import type * as s from './task.list.schemas.ts';
import type { WorkCaller } from './work.scope.ts';
import { taskVisible } from './work.scope.repository.ts';

/** My work's first statement: the caller's matching tasks (its roles among `q.role`, open ones unless asked),
 * counted by section (overdue, due soon, waiting for acceptance, the rest), and the page's ids in order with the caller's roles on each. */
export async function myWorkPage(db: Database, c: WorkCaller, q: z.infer<typeof s.myWorkQuery>) {
  const mine = myBodiesSql(c.accountId, c.today);
  // The programmes whose owner body the caller may accept work for: found once, not once per task.
  const accepting = sql`(select ap.id from programmes ap join bodies ob on ob.id = ap.body_id where holds_over(${c.accountId}::uuid, ${c.today}::date, 'work.accept', ob.unit_id, ob.id))`;
  const roleSql = {
    lead: sql<SqlBool>`t.lead_body_id in ${mine}`,
    assignee: sql<SqlBool>`t.assignee_account_id = ${c.accountId}::uuid`,
    responsible: c.personId ? sql<SqlBool>`t.responsible_person_id = ${c.personId}::uuid` : sql<SqlBool>`false`,
    cooperate: sql<SqlBool>`exists (select 1 from task_cooperators tc where tc.task_id = t.id and tc.deleted_at is null and (tc.body_id in ${mine} or tc.person_id = ${c.personId}::uuid))`,
    accept: sql<SqlBool>`(t.status = 'reported_done' and t.programme_id in ${accepting})`,
  };
  const roles = (Object.keys(roleSql) as (keyof typeof roleSql)[]).filter((r) => !q.role || q.role === r);
  let matches = db.selectFrom('tasks as t').where('t.deleted_at', 'is', null).where(taskVisible(c));
  matches = matches.where((eb) => eb.or(roles.map((r) => roleSql[r])));
  if (q.includeDone !== 'true') matches = matches.where('t.status', 'not in', ['accepted', 'cancelled', 'draft']);
  if (q.dueWithin !== undefined)
    matches = matches.where('t.due_date', '<=', sql<string>`${c.today}::date + ${q.dueWithin}::int`);
  // The sections of the page (web/features/my-work), in this order: overdue, due within 7 days, waiting for
  // acceptance, the rest (done and cancelled last).
  const overdue = timelinessSql('overdue', c.today);
  const dueSoon = timelinessSql('due_soon', c.today);
  const awaiting = timelinessSql('awaiting_acceptance', c.today);
  const keyed = matches.select([
    't.id',
    sql<number>`case when ${overdue} then 0 when ${dueSoon} then 1 when ${awaiting} then 2 when t.status in ('accepted', 'cancelled') then 4 else 3 end`.as(
      'k0',
    ),
    sql<string>`coalesce(t.due_date, 'infinity'::date)`.as('k1'),
    't.number as k2',
    sql<boolean>`${overdue}`.as('overdue'),
    sql<boolean>`${dueSoon}`.as('due_soon'),
    sql<boolean>`${awaiting}`.as('awaiting'),
  ]);
  // Two statements: as one, PostgreSQL planned the whole of it afresh on every call (its generic plan priced higher),
  // 5–8 ms of planning for 7 ms of work; the page's rows by id are a small statement that keeps its plan. At 10,000
  // tasks (7,454 of them the officer's) the database's time a call went from 12.0 to 8.7 ms (bench:work --routes mine).
  const flags = roles.map((r) => sql`(${roleSql[r]}) as ${sql.ref(`is_${r}`)}`);
  const statement = sql<{
    counts: { total: number; overdue: number; due_soon: number; awaiting: number };
    page: ({ id: string } & Record<string, boolean>)[];
  }>`with m as materialized (${keyed})
    select (select json_build_object('total', count(*), 'overdue', count(*) filter (where overdue), 'due_soon', count(*) filter (where due_soon), 'awaiting', count(*) filter (where awaiting)) from m) as counts,
      coalesce((select json_agg(r order by r.k0, r.k1, r.k2, r.id) from (
        select pg.id, pg.k0, pg.k1, pg.k2, ${sql.join(flags)}
        from (select m.id, m.k0, m.k1, m.k2 from m order by m.k0, m.k1, m.k2, m.id limit ${sql.lit(q.pageSize)} offset ${(q.page - 1) * q.pageSize}) pg
        join tasks t on t.id = pg.id) r), '[]') as page`;
  const { counts, page } = (await statement.execute(db)).rows[0]!;
  return { counts, page, roles };
}
