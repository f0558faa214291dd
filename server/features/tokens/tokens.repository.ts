import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;
const columns = ['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at'] as const;

export async function listOfAccount(q: Q, accountId: string) {
  return q
    .selectFrom('api_tokens')
    .select(columns)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insert(
  q: Q,
  v: { accountId: string; name: string; prefix: string; tokenHash: string; expiresAt: string | null },
) {
  return q
    .insertInto('api_tokens')
    .values({
      account_id: v.accountId,
      name: v.name,
      prefix: v.prefix,
      token_hash: v.tokenHash,
      expires_at: v.expiresAt,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/** Revokes one of the account's own tokens; returns undefined when there is none. */
export async function revoke(q: Q, accountId: string, id: string, now: Date) {
  return q
    .updateTable('api_tokens')
    .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

/** Revokes every live token of an account (when it is disabled, or enabled again after a disable). */
export async function revokeAllOfAccount(q: Q, accountId: string, now: Date) {
  await q
    .updateTable('api_tokens')
    .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
}
