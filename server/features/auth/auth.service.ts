import { today } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { normalisePhone } from '../../http/schemas.ts';
import { inTransaction, recordEvent, type Actor, type Trx } from '../../db/tx.ts';
import * as repo from './auth.repository.ts';
import { permissionsHeld } from '../roles/index.ts';
import { presentMe, type Home, type Me, type SignedInAccount } from './auth.schemas.ts';
import { rememberedIdentity } from './identity.cache.ts';
import { newSecret, sha256 } from '../../security/secrets.ts';
import type { Identity } from '../../http/identity.ts';

/**
 * Sign-in back-off; the rule in words, for administrators and auditors, is in docs/operations.md ("Sign-in back-off").
 * - Per login: failures count against the account a login names, whichever of its spellings was typed (username,
 *   e-mail, any form of its phone), from any address; a login naming no account counts under its folded text, so
 *   neither the answers nor their timing tell whether an account exists. The first accountFree failures cost
 *   nothing; the next one and each after it make that login wait 2, 4, 8 … seconds, at most maxBlockSeconds, right
 *   password included: a wait, never a lock, so guessing at an administrator's name cannot lock them out for good.
 * - Per address, a ceiling ten times higher: an office shares one NAT address, and its people's slips must not lock
 *   it out. A right password takes back the failures its own login made there, so the ceiling counts failures that
 *   nobody made good, which is what guessing across many accounts leaves. Past it, every sign-in from the address
 *   waits the same way, a right password too: it is not checked while the address waits, or the wait would not slow
 *   a guesser down.
 * - A login's count starts again windowMinutes after its last failure, or at its next successful sign-in.
 */
export const THROTTLE = { accountFree: 5, addressFree: 50, maxBlockSeconds: 15 * 60, windowMinutes: 60 };

// Verifying against a fixed hash when the account does not exist keeps the timing the same.
let dummyHash: string | null = null;

export type SessionTokens = { cookieToken: string; csrfToken: string; me: SignedInAccount };

/** The first page of an account: the overview for those who accept work (leaders) and administrators, and for those
 * who only read (viewers); my work for those who carry work out (officers, village reporters) and for accounts
 * without a role, which see only the tasks that name them. */
export function homeOf(isAdmin: boolean, permissions: readonly string[]): Home {
  if (isAdmin || permissions.includes('work.accept')) return 'overview';
  return permissions.length > 0 && !permissions.includes('work.report') ? 'overview' : 'my-work';
}

/** The account as its owner is answered it: with its first page, from its roles today. */
export async function signedIn(ctx: AppContext, me: Me): Promise<SignedInAccount> {
  return { ...me, home: homeOf(me.isAdmin, await permissionsHeld(ctx.db, me.id, today(ctx))) };
}

/** GET /api/auth/me: the signed-in account and, for a browser session, its anti-forgery token. */
export async function currentSession(
  ctx: AppContext,
  identity: Identity,
): Promise<{ account: SignedInAccount; csrfToken?: string }> {
  const account = await signedIn(ctx, identity.me);
  return identity.csrfToken ? { account, csrfToken: identity.csrfToken } : { account };
}

/** The login as the throttle sees it when it names no account: the same folding as the account look-up. */
function foldLogin(login: string): { lower: string; phone: string | null } {
  const lower = login.normalize('NFC').trim().toLowerCase();
  return { lower, phone: normalisePhone(lower) };
}

function blockSeconds(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(2 ** (failures - free), THROTTLE.maxBlockSeconds);
}

/** Counts this attempt before the password is checked, so that attempts sent at once cannot all pass a wait the first
 * of them starts. Throws TOO_MANY_ATTEMPTS, counting nothing, while the login or the address must wait. */
async function takeAttempt(ctx: AppContext, subject: string, address: string, now: Date, actor: Actor): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  await inTransaction(
    ctx.db,
    actor,
    async (trx) => {
      const failures = await repo.throttleCount(trx, subject, now, windowStart);
      await repo.lockAddress(trx, address);
      const byAddress = await repo.addressFailures(trx, address, windowStart);
      // The address's wait follows from the failures that remain, so one taken back (a right password) takes its wait too.
      const addressUntil = byAddress.last
        ? byAddress.last.getTime() + blockSeconds(byAddress.failures, THROTTLE.addressFree) * 1000
        : 0;
      const subjectBlocks = failures === undefined ? await repo.throttleBlocks(trx, [subject], now) : [];
      const until = Math.max(addressUntil, ...subjectBlocks.map((b) => new Date(b.blocked_until!).getTime()));
      if (failures === undefined || until > now.getTime()) {
        const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
        throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: seconds, params: { seconds } });
      }
      const wait = blockSeconds(failures, THROTTLE.accountFree);
      if (wait) await repo.throttleBlock(trx, subject, new Date(now.getTime() + wait * 1000));
      await repo.countAddressFailure(trx, address, subject, now);
    },
    { leaves: 'identities' },
  );
}

/** Signs in by username, phone or e-mail. Throws TOO_MANY_ATTEMPTS, INVALID_CREDENTIALS, ACCOUNT_DISABLED. */
export async function login(
  ctx: AppContext,
  input: {
    login: string;
    password: string;
    ip: string;
    userAgent: string | null;
    requestId: string;
    previousSessionId?: string;
  },
): Promise<SessionTokens> {
  const now = ctx.clock.now();
  const folded = foldLogin(input.login);
  const account = await repo.findAccountForLogin(ctx.db, folded);
  const subject = account ? `account:${account.id}` : `login:${folded.phone ?? folded.lower}`;
  const actorBase = { label: 'web', requestId: input.requestId, ip: input.ip };
  await takeAttempt(ctx, subject, input.ip, now, { accountId: null, ...actorBase });
  dummyHash ??= await ctx.passwords.hash('not-a-password-of-anyone');
  const ok = await ctx.passwords.verify(account?.password_hash ?? dummyHash, input.password);

  if (!account || !ok) {
    await recordEvent(ctx.db, { accountId: account?.id ?? null, ...actorBase }, 'sign_in_failed', {
      table: 'accounts',
      id: account?.id,
      details: { login: input.login.slice(0, 254) },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  // The right password was no guess: it takes back this attempt and the account's earlier failures, here and on the address.
  const forgive = async (trx: Trx) => {
    await repo.throttleClear(trx, subject);
    await repo.forgetAddressFailures(trx, input.ip, subject);
  };
  if (account.disabled_at) {
    await inTransaction(
      ctx.db,
      { accountId: account.id, ...actorBase },
      async (trx) => {
        await forgive(trx);
        await recordEvent(trx, { accountId: account.id, ...actorBase }, 'sign_in_refused_disabled', {
          table: 'accounts',
          id: account.id,
        });
      },
      { leaves: 'identities' },
    );
    throw new AppError('ACCOUNT_DISABLED');
  }
  const session = newSecret();
  const csrf = newSecret();
  await inTransaction(ctx.db, { accountId: account.id, ...actorBase }, async (trx) => {
    // Rotation: the session of the cookie sent with the sign-in (if any) ends; a fresh one begins.
    if (input.previousSessionId) await repo.deleteSession(trx, input.previousSessionId);
    await repo.insertSession(trx, {
      id: session.hash,
      accountId: account.id,
      csrfToken: csrf.secret,
      expiresAt: new Date(now.getTime() + ctx.env.KHOI_SESSION_DAYS * 86_400_000),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      now,
    });
    await repo.setLastLogin(trx, account.id, now);
    await forgive(trx);
    await recordEvent(trx, { accountId: account.id, ...actorBase }, 'sign_in', { table: 'accounts', id: account.id });
  });
  return { cookieToken: session.secret, csrfToken: csrf.secret, me: await signedIn(ctx, presentMe(account)) };
}

export async function logout(ctx: AppContext, sessionId: string, actor: Actor): Promise<void> {
  await inTransaction(ctx.db, actor, async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await recordEvent(trx, actor, 'sign_out', { table: 'accounts', id: actor.accountId ?? undefined });
  });
}

export async function setLocale(
  ctx: AppContext,
  actor: Actor & { accountId: string },
  locale: 'vi' | 'en',
): Promise<SignedInAccount> {
  const row = await inTransaction(ctx.db, actor, (trx) =>
    repo.updateLocale(trx, actor.accountId, locale, ctx.clock.now()),
  );
  return signedIn(ctx, presentMe(row));
}

/** Changes one's own password; ends every other session and rotates the current one. Throws WRONG_PASSWORD. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor & { accountId: string },
  input: { currentPassword: string; newPassword: string; currentSessionId?: string; userAgent: string | null },
): Promise<SessionTokens> {
  const account = await repo.findAccountById(ctx.db, actor.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  if (!(await ctx.passwords.verify(account.password_hash, input.currentPassword)))
    throw new AppError('WRONG_PASSWORD', { field: 'currentPassword' });
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'newPassword',
      issues: [{ field: 'newPassword', message: 'validation.passwordSame' }],
    });
  }
  const hashed = await ctx.passwords.hash(input.newPassword);
  const now = ctx.clock.now();
  const session = newSecret();
  const csrf = newSecret();
  const row = await inTransaction(ctx.db, actor, async (trx) => {
    const updated = await repo.updatePassword(trx, actor.accountId, hashed, now);
    await repo.deleteSessionsOfAccount(trx, actor.accountId);
    await repo.insertSession(trx, {
      id: session.hash,
      accountId: actor.accountId,
      csrfToken: csrf.secret,
      expiresAt: new Date(now.getTime() + ctx.env.KHOI_SESSION_DAYS * 86_400_000),
      ip: actor.ip ?? null,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      now,
    });
    return updated;
  });
  return { cookieToken: session.secret, csrfToken: csrf.secret, me: await signedIn(ctx, presentMe(row)) };
}

/** Resolves the session cookie: one indexed query, remembered for at most a second (identity.cache.ts); slides the
 * expiry at most once a minute. */
export async function identityFromSession(ctx: AppContext, cookieToken: string): Promise<Identity | null> {
  const now = ctx.clock.now();
  const id = sha256(cookieToken);
  return rememberedIdentity<Identity>(ctx.db, `s:${id}`, now, async () => {
    const row = await repo.findSessionWithAccount(ctx.db, id, now);
    if (!row) return null;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
      await repo.touchSession(ctx.db, id, now, new Date(now.getTime() + ctx.env.KHOI_SESSION_DAYS * 86_400_000));
    }
    return {
      value: { me: presentMe(row), via: 'session', sessionId: id, csrfToken: row.csrf_token, personId: row.person_id },
      expiresAt: row.expires_at,
    };
  });
}

/** Resolves a personal API token (Authorization: Bearer khoi_…), remembered for at most a second. */
export async function identityFromToken(ctx: AppContext, secret: string, today: string): Promise<Identity | null> {
  const now = ctx.clock.now();
  const hash = sha256(secret);
  return rememberedIdentity<Identity>(ctx.db, `t:${hash}:${today}`, now, async () => {
    const row = await repo.findTokenWithAccount(ctx.db, hash, today);
    if (!row) return null;
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000)
      await repo.touchToken(ctx.db, row.token_id, now);
    return { value: { me: presentMe(row), via: 'token', personId: row.person_id } };
  });
}

/** Signs an account out everywhere, inside the caller's transaction (the account was disabled or handed over). */
export async function endSessionsOfAccount(trx: Trx, accountId: string): Promise<void> {
  await repo.deleteSessionsOfAccount(trx, accountId);
}

/** The live account a login (username, phone or e-mail) names, found as sign-in finds it; the CLI's account commands. */
export async function accountIdForLogin(ctx: Pick<AppContext, 'db'>, login: string): Promise<string | null> {
  return (await repo.findAccountForLogin(ctx.db, foldLogin(login)))?.id ?? null;
}
