import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import type { Grant, WorkCaller } from './work.scope.ts';

type Q = Database | Trx;

/** A filter on a query over `tasks as t`: the tasks the caller may read today (SQL function visible_task_ids,
 * migration 0007 — subtrees narrowed to bodies, predecessor units, cooperating bodies, people involved, parent chains). */
export function taskVisible(c: WorkCaller, alias = 't') {
  if (c.isAdmin) return sql<SqlBool>`true`;
  // Fast path first: the tasks of the programmes it reads whole (readable_programme_ids, migration 0010), most of
  // what an officer opens. Both sets are hashed sub-plans built once per statement; the full set only when a row
  // is not in those programmes.
  const whole =
    c.readableProgrammes !== undefined
      ? sql<SqlBool>`${sql.ref(`${alias}.programme_id`)} = any (${c.readableProgrammes}::uuid[])`
      : sql<SqlBool>`${sql.ref(`${alias}.programme_id`)} in (select rp from readable_programme_ids(${c.accountId}::uuid, ${c.today}::date) rp)`;
  return sql<SqlBool>`(${whole} or ${sql.ref(`${alias}.id`)} in (select visible_task_ids(${c.accountId}::uuid, ${c.today}::date)))`;
}

/** A filter on a query over `programmes as p`: the programmes the caller may read (owner body in scope, or a
 * visible task inside). */
export function programmeVisible(c: WorkCaller, alias = 'p') {
  if (c.isAdmin) return sql<SqlBool>`true`;
  const id = sql.ref(`${alias}.id`);
  return sql<SqlBool>`(programme_readable(${c.accountId}::uuid, ${c.today}::date, ${id})
    or exists (select 1 from tasks vt where vt.programme_id = ${id} and vt.id in (select visible_task_ids(${c.accountId}::uuid, ${c.today}::date))))`;
}

/** An account's scope today in one statement: the programmes it reads whole and its grants with their permissions. */
export async function accountScope(
  db: Database,
  accountId: string,
  today: string,
): Promise<{ readable: string[] | null; grants: Grant[] | null }> {
  return (
    await sql<{ readable: string[] | null; grants: Grant[] | null }>`select
        (select array_agg(rp)::text[] from readable_programme_ids(${accountId}::uuid, ${today}::date) rp) as readable,
        (select json_agg(json_build_object('path', g.path::text, 'bodyId', g.body_id, 'perms', g.permissions)) from account_grants(${accountId}::uuid, ${today}::date) g) as grants`.execute(
      db,
    )
  ).rows[0]!;
}

/** Whether an account holds `permission` today over a body (its unit's subtree in the current epoch, narrowed). */
export async function holdsOver(
  q: Q,
  accountId: string,
  today: string,
  permission: string,
  bodyId: string,
): Promise<boolean> {
  const r = await sql<{
    ok: boolean;
  }>`select holds_over(${accountId}::uuid, ${today}::date, ${permission}, b.unit_id, b.id) as ok from bodies b where b.id = ${bodyId}`.execute(
    q,
  );
  return Boolean(r.rows[0]?.ok);
}

/** Whether an account holds `permission` today over some unit. */
export async function holdsAnywhere(q: Q, accountId: string, today: string, permission: string): Promise<boolean> {
  const r = await sql<{
    ok: boolean;
  }>`select exists (select 1 from account_scope(${accountId}::uuid, ${today}::date, ${permission})) as ok`.execute(q);
  return Boolean(r.rows[0]?.ok);
}

/** Whether an account reads a body's records (body_readable, migration 0009). */
export async function readsBody(q: Q, accountId: string, today: string, bodyId: string): Promise<boolean> {
  const r = await sql<{
    ok: boolean;
  }>`select body_readable(${accountId}::uuid, ${today}::date, ${bodyId}::uuid) as ok`.execute(q);
  return Boolean(r.rows[0]?.ok);
}

/** Whether an account reads a programme through its owner body (programme_readable: in scope today, or as a predecessor). */
export async function readsProgrammeOwner(
  q: Q,
  accountId: string,
  today: string,
  programmeId: string,
): Promise<boolean> {
  const r = await sql<{
    ok: boolean;
  }>`select programme_readable(${accountId}::uuid, ${today}::date, ${programmeId}::uuid) as ok`.execute(q);
  return Boolean(r.rows[0]?.ok);
}

/** A programme that is not deleted, with its owner body. */
export function liveProgramme(q: Q, programmeId: string) {
  return q
    .selectFrom('programmes')
    .select(['id', 'body_id'])
    .where('id', '=', programmeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Whether the caller reads at least one task of a programme. */
export async function readsSomeTaskOf(q: Q, c: WorkCaller, programmeId: string): Promise<boolean> {
  const t = await q
    .selectFrom('tasks as t')
    .select('t.id')
    .where('t.programme_id', '=', programmeId)
    .where(taskVisible(c))
    .limit(1)
    .executeTakeFirst();
  return Boolean(t);
}

/** The person an account stands for. */
export async function personOfAccount(db: Database, accountId: string): Promise<string | null> {
  return (
    (await db.selectFrom('accounts').select(['person_id']).where('id', '=', accountId).executeTakeFirst())?.person_id ??
    null
  );
}
