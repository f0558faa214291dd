import type { AppContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { safeEqual } from '../../security/secrets.ts';
import { countAccounts, insertAdministrator } from '../accounts/index.ts';
import * as repo from './setup.repository.ts';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export async function needsSetup(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
  return (await countAccounts(ctx.db)) === 0;
}

/** The first-run screen: creates the first administrator on an empty database. Throws SETUP_DONE, SETUP_TOKEN_REQUIRED. */
export async function createFirstAdmin(
  ctx: AppContext,
  input: { username: string; displayName: string; email?: string; password: string; setupToken?: string },
  from: { ip: string; requestId: string; fromLoopback: boolean },
): Promise<void> {
  if (!from.fromLoopback && !(input.setupToken && safeEqual(input.setupToken, ctx.setupToken)))
    throw new AppError('SETUP_TOKEN_REQUIRED', { field: 'setupToken' });
  const passwordHash = await ctx.passwords.hash(input.password);
  await inTransaction(
    ctx.db,
    { accountId: null, label: 'setup', requestId: from.requestId, ip: from.ip },
    async (trx) => {
      await repo.lockSetup(trx);
      if ((await countAccounts(trx)) > 0) throw new AppError('SETUP_DONE');
      await insertAdministrator(trx, {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
      });
    },
  );
}
