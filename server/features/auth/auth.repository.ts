import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

const accountColumns = [
  'accounts.id',
  'accounts.username',
  'accounts.display_name',
  'accounts.email',
  'accounts.phone',
  'accounts.is_admin',
  'accounts.locale',
  'accounts.must_change_password',
  'accounts.disabled_at',
  'accounts.version',
  'accounts.person_id',
] as const;

/** Finds the live account whose username, e-mail or phone is `login` (username wins a tie). */
export async function findAccountForLogin(q: Q, login: { lower: string; phone: string | null }) {
  return q
    .selectFrom('accounts')
    .select([...accountColumns, 'accounts.password_hash'])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(username)`, '=', login.lower),
        eb(sql<string>`lower(email)`, '=', login.lower),
        ...(login.phone ? [eb('phone', '=', login.phone)] : []),
      ]),
    )
    .orderBy(sql`lower(username) = ${login.lower}`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findAccountById(q: Q, id: string) {
  return q
    .selectFrom('accounts')
    .select([...accountColumns, 'accounts.password_hash'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertSession(
  q: Q,
  s: {
    id: string;
    accountId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    now: Date;
  },
) {
  await q
    .insertInto('sessions')
    .values({
      id: s.id,
      account_id: s.accountId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
      created_at: s.now,
      last_seen_at: s.now,
    })
    .execute();
}

/** One query per request: the session with its account, only while both are valid. */
export async function findSessionWithAccount(q: Q, id: string, now: Date) {
  return q
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      ...accountColumns,
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('accounts.disabled_at', 'is', null)
    .where('accounts.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(q: Q, id: string, now: Date, expiresAt: Date) {
  await q.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(q: Q, id: string) {
  await q.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfAccount(q: Q, accountId: string, exceptId?: string) {
  let query = q.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptId) query = query.where('id', '<>', exceptId);
  await query.execute();
}

export async function deleteExpiredSessions(q: Q, now: Date) {
  await q.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function findTokenWithAccount(q: Q, tokenHash: string, today: string) {
  return q
    .selectFrom('api_tokens')
    .innerJoin('accounts', 'accounts.id', 'api_tokens.account_id')
    .select([...accountColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>=', today)]))
    .where('accounts.disabled_at', 'is', null)
    .where('accounts.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function touchToken(q: Q, id: string, now: Date) {
  await q.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function setLastLogin(q: Q, accountId: string, now: Date) {
  await q.updateTable('accounts').set({ last_login_at: now }).where('id', '=', accountId).execute();
}

export async function updatePassword(q: Q, accountId: string, passwordHash: string, now: Date) {
  return q
    .updateTable('accounts')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: false,
      password_changed_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', accountId)
    .returning(accountColumns)
    .executeTakeFirstOrThrow();
}

export async function updateLocale(q: Q, accountId: string, locale: 'vi' | 'en', now: Date) {
  return q
    .updateTable('accounts')
    .set((eb) => ({ locale, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', accountId)
    .returning(accountColumns)
    .executeTakeFirstOrThrow();
}

// --- sign-in throttle -------------------------------------------------------

export async function throttleBlocks(q: Q, keys: string[], now: Date) {
  return q
    .selectFrom('login_throttle')
    .select(['key', 'blocked_until'])
    .where('key', 'in', keys)
    .where('blocked_until', '>', now)
    .execute();
}

/** Counts one attempt against `key` and returns the new count, or undefined (nothing counted) while `key` is blocked.
 * A count whose last failure is older than the window starts again. The row stays locked until the transaction ends,
 * so attempts sent at once are counted one after another and none slips past a block another one sets. */
export async function throttleCount(q: Q, key: string, now: Date, windowStart: Date): Promise<number | undefined> {
  const row = await q
    .insertInto('login_throttle')
    .values({ key, failures: 1, last_failure_at: now, blocked_until: null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql<number>`case when login_throttle.last_failure_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
          last_failure_at: now,
        })
        .where((eb) =>
          eb.or([eb('login_throttle.blocked_until', 'is', null), eb('login_throttle.blocked_until', '<=', now)]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

export async function throttleBlock(q: Q, key: string, until: Date) {
  await q.updateTable('login_throttle').set({ blocked_until: until }).where('key', '=', key).execute();
}

export async function throttleClear(q: Q, key: string) {
  await q.deleteFrom('login_throttle').where('key', '=', key).execute();
}

// Attempts from one address are counted one after another, so that attempts sent at once cannot all pass a wait the
// first of them starts: an advisory lock of two keys (727004 and the address's hash), apart from the one-key locks.
const ADDRESS_LOCK = 727_004;

export async function lockAddress(q: Q, address: string) {
  await sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${address}))`.execute(q);
}

/** The address's failures within the window (summed over the logins they named) and the latest of them; the rows of
 * logins whose last failure is older than the window are deleted on the way. */
export async function addressFailures(
  q: Q,
  address: string,
  windowStart: Date,
): Promise<{ failures: number; last: Date | null }> {
  const row = await q
    .with('stale', (db) =>
      db
        .deleteFrom('login_failures_by_address')
        .where('address', '=', address)
        .where('last_failure_at', '<', windowStart)
        .returning('address'),
    )
    .selectFrom('login_failures_by_address')
    .select([
      sql<number>`coalesce(sum(failures), 0)::int`.as('failures'),
      sql<Date | null>`max(last_failure_at)`.as('last'),
    ])
    .where('address', '=', address)
    .where('last_failure_at', '>=', windowStart)
    .executeTakeFirstOrThrow();
  return { failures: row.failures, last: row.last ? new Date(row.last) : null };
}

/** Counts one attempt from `address` naming `loginKey` (a stale count was deleted by addressFailures). */
export async function countAddressFailure(q: Q, address: string, loginKey: string, now: Date) {
  await q
    .insertInto('login_failures_by_address')
    .values({ address, login_key: loginKey, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc
        .columns(['address', 'login_key'])
        .doUpdateSet({ failures: sql<number>`login_failures_by_address.failures + 1`, last_failure_at: now }),
    )
    .execute();
}

/** Forgets what one login counted on an address (it has just proved itself there). */
export async function forgetAddressFailures(q: Q, address: string, loginKey: string) {
  await q
    .deleteFrom('login_failures_by_address')
    .where('address', '=', address)
    .where('login_key', '=', loginKey)
    .execute();
}
