import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { newSecret } from '../../security/secrets.ts';
import * as repo from './tokens.repository.ts';
import { presentToken } from './tokens.schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export async function listTokens(ctx: Ctx, accountId: string) {
  return (await repo.listOfAccount(ctx.db, accountId)).map(presentToken);
}

/** Creates a personal API token; the secret is returned once and only its hash is kept. */
export async function createToken(ctx: Ctx, actor: Actor & { accountId: string }, input: { name: string; expiresAt?: string }) {
  if (input.expiresAt && input.expiresAt < localDate(ctx.clock.now())) {
    throw new AppError('VALIDATION_FAILED', { field: 'expiresAt', issues: [{ field: 'expiresAt', message: 'validation.datePast' }] });
  }
  const { secret, hash } = newSecret('khoi_');
  const row = await inTransaction(ctx.db, actor, (trx) =>
    repo.insert(trx, { accountId: actor.accountId, name: input.name, prefix: secret.slice(0, 10), tokenHash: hash, expiresAt: input.expiresAt ?? null }),
  );
  return { token: presentToken(row), secret };
}

export async function revokeToken(ctx: Ctx, actor: Actor & { accountId: string }, id: string) {
  const done = await inTransaction(ctx.db, actor, (trx) => repo.revoke(trx, actor.accountId, id, ctx.clock.now()));
  if (!done) throw new AppError('NOT_FOUND');
}

/** Revokes every live token of an account inside the caller's transaction (it was disabled, or enabled again). */
export async function revokeTokensOfAccount(trx: Trx, accountId: string, now: Date): Promise<void> {
  await repo.revokeAllOfAccount(trx, accountId, now);
}
