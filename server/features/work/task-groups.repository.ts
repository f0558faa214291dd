import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { updateAtVersion } from './versioned.repository.ts';

type Q = Database | Trx;

/** A programme's groups in their order, with their lead body's name. */
export function groupsWithLeads(q: Q, programmeId: string) {
  return q
    .selectFrom('task_groups as g')
    .leftJoin('bodies as b', 'b.id', 'g.lead_body_id')
    .select(['g.id', 'g.position', 'g.name', 'g.lead_body_id', 'b.name as lead_body_name', 'g.version'])
    .where('g.programme_id', '=', programmeId)
    .where('g.deleted_at', 'is', null)
    .orderBy('g.position')
    .orderBy('g.name')
    .execute();
}

/** The programme of a group (deleted or not). */
export function programmeOfGroup(q: Q, id: string) {
  return q.selectFrom('task_groups').select('programme_id').where('id', '=', id).executeTakeFirstOrThrow();
}

/** A group that is not deleted: its programme and place. */
export function liveGroup(q: Q, id: string) {
  return q
    .selectFrom('task_groups')
    .select(['programme_id', 'position'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The last place taken among a programme's groups (0 when it has none). */
export async function lastGroupPosition(trx: Trx, programmeId: string): Promise<number> {
  return (
    await trx
      .selectFrom('task_groups')
      .select(sql<number>`coalesce(max(position), 0)::int`.as('m'))
      .where('programme_id', '=', programmeId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow()
  ).m;
}

/** Makes room at a place: the groups there and after move down by one (a new version each). */
export async function makeRoomAt(trx: Trx, programmeId: string, position: number): Promise<void> {
  await trx
    .updateTable('task_groups')
    .set((eb) => ({ position: eb('position', '+', 1), version: eb('version', '+', 1) }))
    .where('programme_id', '=', programmeId)
    .where('position', '>=', position)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function insertGroup(
  trx: Trx,
  values: { programme_id: string; position: number; name: string; lead_body_id?: string | null },
): Promise<string> {
  return (await trx.insertInto('task_groups').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** A group moves from one place to another: the groups between shift by one towards the place it left. */
export async function shiftGroupsBetween(
  trx: Trx,
  programmeId: string,
  id: string,
  from: number,
  to: number,
): Promise<void> {
  if (to > from)
    await trx
      .updateTable('task_groups')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('programme_id', '=', programmeId)
      .where('position', '>', from)
      .where('position', '<=', to)
      .where('id', '!=', id)
      .where('deleted_at', 'is', null)
      .execute();
  else
    await trx
      .updateTable('task_groups')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('programme_id', '=', programmeId)
      .where('position', '>=', to)
      .where('position', '<', from)
      .where('id', '!=', id)
      .where('deleted_at', 'is', null)
      .execute();
}

/** Edits a group at a version; answers how many rows changed (none: another edit came first). */
export function updateGroupRow(
  trx: Trx,
  id: string,
  version: number,
  set: { name?: string; lead_body_id?: string | null; position?: number },
): Promise<number> {
  return updateAtVersion(trx, 'task_groups', id, version, set);
}

/** Whether a group has a task that is not deleted. */
export async function groupHasTasks(trx: Trx, id: string): Promise<boolean> {
  return Boolean(
    await trx
      .selectFrom('tasks')
      .select('id')
      .where('group_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
  );
}

/** Deletes a group (soft) at a version; answers how many rows changed. */
export async function deleteGroupRow(trx: Trx, id: string, version: number): Promise<number> {
  const r = await trx
    .updateTable('task_groups')
    .set((eb) => ({ deleted_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Closes the gap a group left: the groups after its place move up by one. */
export async function closeGapAfter(trx: Trx, programmeId: string, position: number): Promise<void> {
  await trx
    .updateTable('task_groups')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('programme_id', '=', programmeId)
    .where('position', '>', position)
    .where('deleted_at', 'is', null)
    .execute();
}
