import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { Lang } from '../../i18n/messages.ts';
import { rememberedIdentity } from '../auth/index.ts';
import * as repo from './work.scope.repository.ts';

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

/** A request to the work module (work.routes.ts builds it once per request, the caller with its remembered scope). */
export type WorkRequest = RequestContext<WorkCaller>;
/** What a reading needs of a request: nothing is written, so no actor (a read inside a transaction passes it as `app.db`). */
export type WorkReading = { app: Pick<AppContext, 'db'>; caller: WorkCaller; lang: Lang };

/** An assignment in force: the unit's path in today's epoch, the body it is narrowed to (null: the whole subtree),
 * and the permissions of its role. */
export type Grant = { path: string; bodyId: string | null; perms: string[] };

/** holds_rows's rule (migrations 0007, 0012) over remembered grants: a grant with the permission whose unit path
 * contains one of the body's unit paths in force today (ltree `<@`: equal, or below), and which is not narrowed or
 * is narrowed to a body of the body's line (the body and those above it). `line` is needed only when a grant is
 * narrowed (grantsNarrowed). tasks.test.ts holds this rule and the SQL one to the same answers. */
export function grantsHold(
  grants: readonly Grant[],
  perm: string,
  paths: readonly string[],
  line: readonly string[] | null,
): boolean {
  return grants.some(
    (g) =>
      g.perms.includes(perm) &&
      paths.some((p) => p === g.path || p.startsWith(g.path + '.')) &&
      (g.bodyId === null || (line !== null && line.includes(g.bodyId))),
  );
}
export const grantsNarrowed = (grants: readonly Grant[]) => grants.some((g) => g.bodyId !== null);

/** How a statement reads the caller's rights: all of them (admin), asked in SQL, or from grants (narrowed: some
 * grant is narrowed to a body, so the bodies' lines are read too). Part of a statement's shape. */
export type AccessMode = 'admin' | 'sql' | 'grants' | 'narrowed grants';
export const accessMode = (c: WorkCaller): AccessMode =>
  c.isAdmin ? 'admin' : c.grants === undefined ? 'sql' : grantsNarrowed(c.grants) ? 'narrowed grants' : 'grants';

/** The caller with its remembered scope: the programmes it reads whole today and its grants, remembered for at most a second like its
 * identity (identity.cache.ts: forgotten on this server by every commit that may change a role, a body, a unit or a
 * programme, within a second when changed through another server). Each task statement then tests a list instead
 * of computing it (a tenth to a third of a task page's or a list's time in the database), and a task's
 * rights are read from the grants. */
export async function withRememberedScope(db: Database, c: WorkCaller, now: Date): Promise<WorkCaller> {
  if (c.isAdmin) return c;
  const scope = await rememberedIdentity<{ readable: string[]; grants: Grant[] }>(
    db,
    `rp:${c.accountId}:${c.today}`,
    now,
    async () => {
      const r = await repo.accountScope(db, c.accountId, c.today);
      return { value: { readable: r.readable ?? [], grants: r.grants ?? [] } };
    },
  );
  return { ...c, readableProgrammes: scope?.readable ?? [], grants: scope?.grants ?? [] };
}

/** Whether the caller holds `permission` today over a body (its unit's subtree in the current epoch, narrowed). */
export async function holdsOverBody(q: Q, c: WorkCaller, permission: string, bodyId: string): Promise<boolean> {
  return c.isAdmin || repo.holdsOver(q, c.accountId, c.today, permission, bodyId);
}

/** Whether the caller holds work.manage today anywhere (so may create a programme for some body). */
export async function managesSomewhere(q: Q, c: WorkCaller): Promise<boolean> {
  return c.isAdmin || repo.holdsAnywhere(q, c.accountId, c.today, 'work.manage');
}

/** Whether the caller reads a body's records (body_readable, migration 0009): a body it does not read is refused
 * as a missing one when a write names it as its owner. */
export async function bodyReadable(q: Q, c: WorkCaller, bodyId: string): Promise<boolean> {
  return c.isAdmin || repo.readsBody(q, c.accountId, c.today, bodyId);
}

/** A programme is readable when its owner body is in the caller's read scope (today, or as a predecessor), or
 * the caller can read at least one of its tasks. */
export async function canReadProgramme(q: Q, c: WorkCaller, programmeId: string): Promise<boolean> {
  if (c.isAdmin) return true;
  if (!(await repo.liveProgramme(q, programmeId))) return false;
  if (await repo.readsProgrammeOwner(q, c.accountId, c.today, programmeId)) return true;
  return repo.readsSomeTaskOf(q, c, programmeId);
}

export async function assertProgrammeReadable(q: Q, c: WorkCaller, programmeId: string): Promise<void> {
  const exists = await repo.liveProgramme(q, programmeId);
  if (!exists || !(await canReadProgramme(q, c, programmeId))) throw new AppError('NOT_FOUND');
}

/** The caller of a request, with the person its account stands for. */
export async function callerOf(
  db: Database,
  identity: { me: { id: string; isAdmin: boolean }; personId?: string | null } | null,
  today: string,
): Promise<WorkCaller> {
  if (!identity) throw new AppError('UNAUTHENTICATED');
  // The session and token lookups read the person with the account; others (tests, jobs) ask.
  const personId = identity.personId !== undefined ? identity.personId : await repo.personOfAccount(db, identity.me.id);
  const caller: WorkCaller = { accountId: identity.me.id, isAdmin: identity.me.isAdmin, personId, today };
  return caller;
}
