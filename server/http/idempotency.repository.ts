import type { Database } from '../db/database.ts';

type Key = { accountId: string; keyHash: Buffer };

/** Claims a key for a request, in its own statement (committed before the handler runs, so a concurrent duplicate
 * sees it): a new key, an expired one, or one whose request never answered within the lease is taken; a live one is
 * left alone and nothing is returned. */
export async function claim(
  db: Database,
  v: Key & {
    method: string;
    route: string;
    requestHash: Buffer;
    bodyHash: Buffer | null;
    requestId: string;
    now: Date;
    expiresAt: Date;
    abandonedBefore: Date;
  },
): Promise<boolean> {
  const row = {
    account_id: v.accountId,
    key_hash: v.keyHash,
    method: v.method,
    route: v.route,
    request_hash: v.requestHash,
    body_hash: v.bodyHash,
    request_id: v.requestId,
    status: null,
    response: null,
    created_at: v.now,
    completed_at: null,
    expires_at: v.expiresAt,
  };
  const r = await db
    .insertInto('idempotency_keys')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'key_hash'])
        .doUpdateSet(row)
        .where((eb) =>
          eb.or([
            eb('idempotency_keys.expires_at', '<=', v.now),
            eb.and([
              eb('idempotency_keys.completed_at', 'is', null),
              eb('idempotency_keys.created_at', '<=', v.abandonedBefore),
            ]),
          ]),
        ),
    )
    .returning('request_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The live row of a key (not expired). */
export async function find(db: Database, v: Key & { now: Date }) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'body_hash', 'status', 'response', 'method', 'route'])
    .where('account_id', '=', v.accountId)
    .where('key_hash', '=', v.keyHash)
    .where('expires_at', '>', v.now)
    .executeTakeFirst();
}

/** Records the answer of the request that holds the claim. */
export async function record(
  db: Database,
  v: Key & { requestId: string; status: number; bodyHash: Buffer; response: Buffer; now: Date },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status: v.status, body_hash: v.bodyHash, response: v.response, completed_at: v.now })
    .where('account_id', '=', v.accountId)
    .where('key_hash', '=', v.keyHash)
    .where('request_id', '=', v.requestId)
    .execute();
}

/** Gives the key up (an answer not kept): the next request with it runs. */
export async function release(db: Database, v: Key & { requestId: string }): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('account_id', '=', v.accountId)
    .where('key_hash', '=', v.keyHash)
    .where('request_id', '=', v.requestId)
    .execute();
}

/** Deletes the expired keys; returns how many. */
export async function purgeExpired(db: Database, now: Date): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
