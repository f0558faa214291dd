import { sql, type Insertable, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

/** The SQL of the demo seeding: one query per function, in the caller's transaction. The demo writes its story
 * directly (dated histories, the actors the story names, no access checks), so these writes are its own rather than
 * the services' that answer requests. Records are found by the names the story gives them. */

// Start-up: a database with neither units nor accounts is new.
export const anyUnit = (q: Q) => q.selectFrom('units').select('id').limit(1).execute();
export const anyAccount = (q: Q) => q.selectFrom('accounts').select('id').limit(1).execute();

// Bodies.
export const countBodies = async (q: Q) =>
  Number((await sql<{ n: string }>`select count(*) as n from bodies`.execute(q)).rows[0]!.n);
export const bodyOfUnitNamed = (q: Q, unitId: string, name: string) =>
  q.selectFrom('bodies').select('id').where('unit_id', '=', unitId).where('name', '=', name).executeTakeFirst();
export const bodyNamed = (q: Q, name: string) =>
  q.selectFrom('bodies').select('id').where('name', '=', name).executeTakeFirst();
export const insertBody = async (q: Q, values: Insertable<DB['bodies']>) =>
  (await q.insertInto('bodies').values(values).returning('id').executeTakeFirstOrThrow()).id;
export const linkBodies = (q: Q, fromBodyId: string, toBodyId: string, linkDate: string) =>
  q
    .insertInto('body_links')
    .values({ from_body_id: fromBodyId, to_body_id: toBodyId, link_date: linkDate })
    .onConflict((oc) => oc.columns(['from_body_id', 'to_body_id']).doNothing())
    .execute();

// People and their positions.
export const personNamed = (q: Q, fullName: string) =>
  q.selectFrom('people').select('id').where('full_name', '=', fullName).executeTakeFirst();
export const insertPerson = async (q: Q, values: Insertable<DB['people']>) =>
  (await q.insertInto('people').values(values).returning('id').executeTakeFirstOrThrow()).id;
export const insertPosition = (q: Q, values: Insertable<DB['positions']>) =>
  q.insertInto('positions').values(values).execute();

// Accounts and their roles.
export const accountNamed = (q: Q, username: string) =>
  q.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
export const insertAccount = async (q: Q, values: Insertable<DB['accounts']>) =>
  (await q.insertInto('accounts').values(values).returning('id').executeTakeFirstOrThrow()).id;
export const insertRoleAssignment = (q: Q, values: Insertable<DB['role_assignments']>) =>
  q.insertInto('role_assignments').values(values).execute();

// Work: programmes, their groups, the history of tasks.
export const programmeOf = (q: Q, bodyId: string, year: number) =>
  q.selectFrom('programmes').select('id').where('body_id', '=', bodyId).where('year', '=', year).executeTakeFirst();
export const insertProgramme = async (q: Q, values: Insertable<DB['programmes']>) =>
  (await q.insertInto('programmes').values(values).returning('id').executeTakeFirstOrThrow()).id;
export const insertTaskGroup = async (q: Q, values: Insertable<DB['task_groups']>) =>
  (await q.insertInto('task_groups').values(values).returning('id').executeTakeFirstOrThrow()).id;
export const insertTaskUpdate = (q: Q, values: Insertable<DB['task_updates']>) =>
  q.insertInto('task_updates').values(values).execute();
export const setTask = (q: Q, taskId: string, set: Updateable<DB['tasks']>) =>
  q.updateTable('tasks').set(set).where('id', '=', taskId).execute();
export const taskTitled = (q: Q, programmeId: string, titlePrefix: string) =>
  q
    .selectFrom('tasks')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('title', 'like', `${titlePrefix}%`)
    .executeTakeFirstOrThrow();

// Briefings.
export const insertBriefing = async (q: Q, values: Insertable<DB['briefings']>) =>
  (await q.insertInto('briefings').values(values).returning('id').executeTakeFirstOrThrow()).id;
export const insertBriefingAttendee = (q: Q, values: Insertable<DB['briefing_attendees']>) =>
  q.insertInto('briefing_attendees').values(values).execute();
export const insertBriefingConclusion = (q: Q, values: Insertable<DB['briefing_conclusions']>) =>
  q.insertInto('briefing_conclusions').values(values).execute();
