import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { rethrowUnique } from '../../db/errors.ts';
import { AppError } from '../../http/errors.ts';
import { safeEqual } from '../../security/secrets.ts';
import * as accounts from '../accounts/accounts.repository.ts';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export async function needsSetup(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
  return (await accounts.countAll(ctx.db)) === 0;
}

/** The first-run screen: creates the first administrator on an empty database. Throws SETUP_DONE, SETUP_TOKEN_REQUIRED. */
export async function createFirstAdmin(
  ctx: AppContext,
  input: { username: string; displayName: string; email?: string; password: string; setupToken?: string },
  from: { ip: string; requestId: string; fromLoopback: boolean },
): Promise<void> {
  if (!from.fromLoopback && !(input.setupToken && safeEqual(input.setupToken, ctx.setupToken))) throw new AppError('SETUP_TOKEN_REQUIRED', { field: 'setupToken' });
  const passwordHash = await ctx.passwords.hash(input.password);
  await inTransaction(ctx.db, { accountId: null, label: 'setup', requestId: from.requestId, ip: from.ip }, async (trx) => {
    await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
    if ((await accounts.countAll(trx)) > 0) throw new AppError('SETUP_DONE');
    await accounts
      .insert(trx, { username: input.username, displayName: input.displayName, email: input.email ?? null, phone: null, passwordHash, isAdmin: true, mustChangePassword: false })
      .catch(rethrowUnique);
  });
}
