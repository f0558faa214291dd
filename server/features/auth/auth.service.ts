import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { normalisePhone } from '../../http/schemas.ts';
import { inTransaction, recordEvent, type Actor } from '../../db/tx.ts';
import * as repo from './auth.repository.ts';
import { presentMe, type Me } from './auth.schemas.ts';
import { rememberedIdentity } from './identity.cache.ts';
import { newSecret, sha256 } from './tokens.ts';

/** Failures allowed before the back-off starts, and the window after which counts start again. */
export const THROTTLE = { accountFree: 5, addressFree: 20, maxBlockSeconds: 15 * 60, windowMinutes: 60 };

// Verifying against a fixed hash when the account does not exist keeps the timing the same.
let dummyHash: string | null = null;

export type SessionTokens = { cookieToken: string; csrfToken: string; me: Me };

function throttleKeys(login: string, ip: string) {
  return { account: `login:${login.normalize('NFC').trim().toLowerCase()}`, address: `ip:${ip}` };
}

function blockSeconds(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(2 ** (failures - free), THROTTLE.maxBlockSeconds);
}

/** Signs in by username, phone or e-mail. Throws TOO_MANY_ATTEMPTS, INVALID_CREDENTIALS, ACCOUNT_DISABLED. */
export async function login(
  ctx: AppContext,
  input: { login: string; password: string; ip: string; userAgent: string | null; requestId: string; previousSessionId?: string },
): Promise<SessionTokens> {
  const now = ctx.clock.now();
  const keys = throttleKeys(input.login, input.ip);
  const blocks = await repo.throttleBlocks(ctx.db, [keys.account, keys.address], now);
  if (blocks.length > 0) {
    const until = Math.max(...blocks.map((b) => new Date(b.blocked_until!).getTime()));
    throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000), params: { seconds: Math.ceil((until - now.getTime()) / 1000) } });
  }
  const lower = input.login.normalize('NFC').trim().toLowerCase();
  const account = await repo.findAccountForLogin(ctx.db, { lower, phone: normalisePhone(lower) });
  dummyHash ??= await ctx.passwords.hash('not-a-password-of-anyone');
  const ok = await ctx.passwords.verify(account?.password_hash ?? dummyHash, input.password);
  const actorBase = { label: 'web', requestId: input.requestId, ip: input.ip };

  if (!account || !ok) {
    const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
    await inTransaction(ctx.db, { accountId: null, ...actorBase }, async (trx) => {
      const accFails = await repo.throttleFail(trx, keys.account, now, windowStart);
      const ipFails = await repo.throttleFail(trx, keys.address, now, windowStart);
      const accBlock = blockSeconds(accFails, THROTTLE.accountFree);
      const ipBlock = blockSeconds(ipFails, THROTTLE.addressFree);
      if (accBlock) await repo.throttleBlock(trx, keys.account, new Date(now.getTime() + accBlock * 1000));
      if (ipBlock) await repo.throttleBlock(trx, keys.address, new Date(now.getTime() + ipBlock * 1000));
      await recordEvent(trx, { accountId: account?.id ?? null, ...actorBase }, 'sign_in_failed', {
        table: 'accounts',
        id: account?.id,
        details: { login: input.login.slice(0, 254) },
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.disabled_at) {
    await recordEvent(ctx.db, { accountId: account.id, ...actorBase }, 'sign_in_refused_disabled', { table: 'accounts', id: account.id });
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
    await repo.throttleClear(trx, keys.account);
    await recordEvent(trx, { accountId: account.id, ...actorBase }, 'sign_in', { table: 'accounts', id: account.id });
  });
  return { cookieToken: session.secret, csrfToken: csrf.secret, me: presentMe(account) };
}

export async function logout(ctx: AppContext, sessionId: string, actor: Actor): Promise<void> {
  await inTransaction(ctx.db, actor, async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await recordEvent(trx, actor, 'sign_out', { table: 'accounts', id: actor.accountId ?? undefined });
  });
}

export async function setLocale(ctx: AppContext, actor: Actor & { accountId: string }, locale: 'vi' | 'en'): Promise<Me> {
  const row = await inTransaction(ctx.db, actor, (trx) => repo.updateLocale(trx, actor.accountId, locale, ctx.clock.now()));
  return presentMe(row);
}

/** Changes one's own password; ends every other session and rotates the current one. Throws WRONG_PASSWORD. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor & { accountId: string },
  input: { currentPassword: string; newPassword: string; currentSessionId?: string; userAgent: string | null },
): Promise<SessionTokens> {
  const account = await repo.findAccountById(ctx.db, actor.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  if (!(await ctx.passwords.verify(account.password_hash, input.currentPassword))) throw new AppError('WRONG_PASSWORD', { field: 'currentPassword' });
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', { field: 'newPassword', issues: [{ field: 'newPassword', message: 'validation.passwordSame' }] });
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
  return { cookieToken: session.secret, csrfToken: csrf.secret, me: presentMe(row) };
}

export type Identity = {
  me: Me;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  /** the person (register) the account stands for, read with the session or token */
  personId?: string | null;
};

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
    return { value: { me: presentMe(row), via: 'session', sessionId: id, csrfToken: row.csrf_token, personId: row.person_id }, expiresAt: row.expires_at };
  });
}

/** Resolves a personal API token (Authorization: Bearer khoi_…), remembered for at most a second. */
export async function identityFromToken(ctx: AppContext, secret: string, today: string): Promise<Identity | null> {
  const now = ctx.clock.now();
  const hash = sha256(secret);
  return rememberedIdentity<Identity>(ctx.db, `t:${hash}:${today}`, now, async () => {
    const row = await repo.findTokenWithAccount(ctx.db, hash, today);
    if (!row) return null;
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) await repo.touchToken(ctx.db, row.token_id, now);
    return { value: { me: presentMe(row), via: 'token', personId: row.person_id } };
  });
}
