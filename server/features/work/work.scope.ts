import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { rememberedIdentity } from '../auth/index.ts';

type Q = Database | Trx;

/** Who is asking, as the work module needs it. */
export type WorkCaller = {
  accountId: string;
  isAdmin: boolean;
  personId: string | null;
  today: string;
  /** The programmes it reads whole today (readable_programme_ids), when the request has read them
   * (withRememberedScope); otherwise each statement computes them. */
  readableProgrammes?: string[];
  /** Its assignments today with their permissions (account_grants, migration 0013), remembered with the readable
   * programmes; when present, a task's rights are worked out from them (grantsHold) instead of in the statement. */
  grants?: Grant[];
};

/** An assignment in force: the unit's path in today's epoch, the body it is narrowed to (null: the whole subtree),
 * and the permissions of its role. */
export type Grant = { path: string; bodyId: string | null; perms: string[] };

/** holds_rows's rule (migrations 0007, 0012) over remembered grants: a grant with the permission whose unit path
 * contains one of the body's unit paths in force today (ltree `<@`: equal, or below), and which is not narrowed or
 * is narrowed to a body of the body's line (the body and those above it). `line` is needed only when a grant is
 * narrowed (grantsNarrowed). tasks.test.ts holds this rule and the SQL one to the same answers. */
export function grantsHold(grants: readonly Grant[], perm: string, paths: readonly string[], line: readonly string[] | null): boolean {
  return grants.some(
    (g) => g.perms.includes(perm) && paths.some((p) => p === g.path || p.startsWith(g.path + '.')) && (g.bodyId === null || (line !== null && line.includes(g.bodyId))),
  );
}
export const grantsNarrowed = (grants: readonly Grant[]) => grants.some((g) => g.bodyId !== null);

/** A filter on a query over `tasks as t`: the tasks the caller may read today (SQL function visible_task_ids,
 * migration 0007 — subtrees narrowed to bodies, predecessor units, cooperating bodies, people involved, parent chains). */
export function taskVisible(c: WorkCaller, alias = 't') {
  if (c.isAdmin) return sql<SqlBool>`true`;
  // Fast path first: the tasks of the programmes it reads whole (readable_programme_ids, migration 0010), most of
  // what an officer opens. Both sets are hashed sub-plans built once per statement; the full set only when a row
  // is not in those programmes.
  const whole = c.readableProgrammes !== undefined
    ? sql<SqlBool>`${sql.ref(`${alias}.programme_id`)} = any (${c.readableProgrammes}::uuid[])`
    : sql<SqlBool>`${sql.ref(`${alias}.programme_id`)} in (select rp from readable_programme_ids(${c.accountId}::uuid, ${c.today}::date) rp)`;
  return sql<SqlBool>`(${whole} or ${sql.ref(`${alias}.id`)} in (select visible_task_ids(${c.accountId}::uuid, ${c.today}::date)))`;
}

/** The caller with its remembered scope: the programmes it reads whole today and its grants, remembered for at most a second like its
 * identity (identity.cache.ts: forgotten on this server by every commit that may change a role, a body, a unit or a
 * programme, within a second when changed through another server). Each task statement then tests a list instead
 * of computing it (a tenth to a third of a task page's or a list's time in the database), and a task's
 * rights are read from the grants. */
export async function withRememberedScope(db: Database, c: WorkCaller, now: Date): Promise<WorkCaller> {
  if (c.isAdmin) return c;
  const scope = await rememberedIdentity<{ readable: string[]; grants: Grant[] }>(db, `rp:${c.accountId}:${c.today}`, now, async () => {
    const r = (
      await sql<{ readable: string[] | null; grants: Grant[] | null }>`select
          (select array_agg(rp)::text[] from readable_programme_ids(${c.accountId}::uuid, ${c.today}::date) rp) as readable,
          (select json_agg(json_build_object('path', g.path::text, 'bodyId', g.body_id, 'perms', g.permissions)) from account_grants(${c.accountId}::uuid, ${c.today}::date) g) as grants`.execute(db)
    ).rows[0]!;
    return { value: { readable: r.readable ?? [], grants: r.grants ?? [] } };
  });
  return { ...c, readableProgrammes: scope?.readable ?? [], grants: scope?.grants ?? [] };
}

/** Whether the caller holds `permission` today over a body (its unit's subtree in the current epoch, narrowed). */
export async function holdsOverBody(q: Q, c: WorkCaller, permission: string, bodyId: string): Promise<boolean> {
  if (c.isAdmin) return true;
  const r = await sql<{ ok: boolean }>`select holds_over(${c.accountId}::uuid, ${c.today}::date, ${permission}, b.unit_id, b.id) as ok from bodies b where b.id = ${bodyId}`.execute(q);
  return Boolean(r.rows[0]?.ok);
}

/** Whether the caller reads a body's records (body_readable, migration 0009): a body it does not read is refused
 * as a missing one when a write names it as its owner. */
export async function bodyReadable(q: Q, c: WorkCaller, bodyId: string): Promise<boolean> {
  if (c.isAdmin) return true;
  const r = await sql<{ ok: boolean }>`select body_readable(${c.accountId}::uuid, ${c.today}::date, ${bodyId}::uuid) as ok`.execute(q);
  return Boolean(r.rows[0]?.ok);
}

/** A programme is readable when its owner body is in the caller's read scope (today, or as a predecessor), or
 * the caller can read at least one of its tasks. */
export async function canReadProgramme(q: Q, c: WorkCaller, programmeId: string): Promise<boolean> {
  if (c.isAdmin) return true;
  const p = await q.selectFrom('programmes').select(['body_id']).where('id', '=', programmeId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!p) return false;
  const readable = await sql<{ ok: boolean }>`select programme_readable(${c.accountId}::uuid, ${c.today}::date, ${programmeId}::uuid) as ok`.execute(q);
  if (readable.rows[0]?.ok) return true;
  const t = await q.selectFrom('tasks as t').select('t.id').where('t.programme_id', '=', programmeId).where(taskVisible(c)).limit(1).executeTakeFirst();
  return Boolean(t);
}

export async function assertProgrammeReadable(q: Q, c: WorkCaller, programmeId: string): Promise<void> {
  const exists = await q.selectFrom('programmes').select('id').where('id', '=', programmeId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!exists || !(await canReadProgramme(q, c, programmeId))) throw new AppError('NOT_FOUND');
}

/** Programmes the caller may read: owner body in scope, or a visible task inside. */
export function programmeVisible(c: WorkCaller, alias = 'p') {
  if (c.isAdmin) return sql<SqlBool>`true`;
  const id = sql.ref(`${alias}.id`);
  return sql<SqlBool>`(programme_readable(${c.accountId}::uuid, ${c.today}::date, ${id})
    or exists (select 1 from tasks vt where vt.programme_id = ${id} and vt.id in (select visible_task_ids(${c.accountId}::uuid, ${c.today}::date))))`;
}

/** The caller of a request, with the person its account stands for. */
export async function callerOf(db: Database, identity: { me: { id: string; isAdmin: boolean }; personId?: string | null } | null, today: string): Promise<WorkCaller> {
  if (!identity) throw new AppError('UNAUTHENTICATED');
  // The session and token lookups read the person with the account; others (tests, jobs) ask.
  const personId = identity.personId !== undefined ? identity.personId : ((await db.selectFrom('accounts').select(['person_id']).where('id', '=', identity.me.id).executeTakeFirst())?.person_id ?? null);
  const caller: WorkCaller = { accountId: identity.me.id, isAdmin: identity.me.isAdmin, personId, today };
  return caller;
}
