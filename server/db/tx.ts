import { sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { DB } from './schema.ts';

export type Trx = Transaction<DB>;

/** Who is acting: written into every audit row of the transaction. */
export type Actor = {
  accountId: string | null;
  /** 'web', 'api-token', 'cli', 'job:<name>', 'setup' */
  label: string;
  requestId?: string;
  ip?: string;
};

/** What a command's transaction leaves alone. `identities`: it writes no account, session, token, role, person, body
 * or programme, so what is remembered for a second with an identity (identity.cache.ts: who a session is, the
 * programmes it reads whole) stays valid (every created task emptied
 * that memory, and most requests after one read their session again). */
export type TxOptions = {
  leaves?: 'identities';
  /** `first statement`: the command's first statement sets the actor itself (with actorSettings, evaluated in that
   * statement, before its AFTER triggers write the audit rows), saving the transaction a round trip to the database
   * (a created task took six, each a system call on this side and on the server's). */
  actorSetBy?: 'first statement';
};

/** The actor's settings for the audit trigger, as an expression to evaluate in a transaction's first statement
 * (always true). The same four settings inTransaction sets otherwise. */
export function actorSettings(actor: Actor) {
  return sql<boolean>`(select set_config('khoi.actor_id', ${actor.accountId ?? ''}, true) is not null
    and set_config('khoi.actor', ${actor.label}, true) is not null
    and set_config('khoi.request_id', ${actor.requestId ?? ''}, true) is not null
    and set_config('khoi.ip', ${actor.ip ?? ''}, true) is not null)`;
}

/** Runs one command in one transaction, with the actor set for the audit trigger. */
export async function inTransaction<T>(
  db: Database,
  actor: Actor,
  fn: (trx: Trx) => Promise<T>,
  opts: TxOptions = {},
): Promise<T> {
  const result = await db.transaction().execute(async (trx) => {
    if (opts.actorSetBy !== 'first statement') await sql`select ${actorSettings(actor)}`.execute(trx);
    return fn(trx);
  });
  if (opts.leaves !== 'identities') for (const listener of listeners.get(db) ?? []) listener();
  return result;
}

const listeners = new WeakMap<Database, (() => void)[]>();

/** Calls `fn` after every transaction inTransaction commits on `db`, unless it declared it leaves the identities
 * alone (the identity memory of identity.cache.ts). */
export function onCommit(db: Database, fn: () => void): void {
  const list = listeners.get(db) ?? [];
  list.push(fn);
  listeners.set(db, list);
}

/** Records an event that is not a row change (sign-in, failed sign-in, sign-out). */
export async function recordEvent(
  db: Database | Trx,
  actor: Actor,
  action: string,
  target: { table?: string; id?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_account_id: actor.accountId,
      actor_label: actor.label,
      request_id: actor.requestId ?? null,
      ip: actor.ip ?? null,
      action,
      table_name: target.table ?? null,
      record_id: target.id ?? null,
      unit_id: null,
      before: null,
      after: target.details ? JSON.stringify(target.details) : null,
    })
    .execute();
}
