import { today } from '../../clock.ts';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { newSecret } from '../../security/secrets.ts';
import { presentToken } from './tokens.presenter.ts';
import * as repo from './tokens.repository.ts';

/** A token belongs to the account that made it: the caller is that account, and sees only its own tokens. */
export type TokenOwner = { accountId: string };
export type TokenRequest = RequestContext<TokenOwner>;

export async function listTokens(r: TokenRequest) {
  return (await repo.listOfAccount(r.app.db, r.caller.accountId)).map(presentToken);
}

/** Creates a personal API token; the secret is returned once and only its hash is kept. */
export async function createToken(r: TokenRequest, input: { name: string; expiresAt?: string }) {
  if (input.expiresAt && input.expiresAt < today(r.app)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'expiresAt',
      issues: [{ field: 'expiresAt', message: 'validation.datePast' }],
    });
  }
  const { secret, hash } = newSecret('khoi_');
  const row = await inTransaction(r.app.db, r.actor, (trx) =>
    repo.insert(trx, {
      accountId: r.caller.accountId,
      name: input.name,
      prefix: secret.slice(0, 10),
      tokenHash: hash,
      expiresAt: input.expiresAt ?? null,
    }),
  );
  return { token: presentToken(row), secret };
}

export async function revokeToken(r: TokenRequest, id: string) {
  const done = await inTransaction(r.app.db, r.actor, (trx) =>
    repo.revoke(trx, r.caller.accountId, id, r.app.clock.now()),
  );
  if (!done) throw new AppError('NOT_FOUND');
}

/** Revokes every live token of an account inside the caller's transaction (it was disabled, or enabled again). */
export async function revokeTokensOfAccount(trx: Trx, accountId: string, now: Date): Promise<void> {
  await repo.revokeAllOfAccount(trx, accountId, now);
}
