import { today } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { endSessionsOfAccount } from '../auth/index.ts';
import * as repo from './handover.repository.ts';
import type { HandoverInput } from './handover.schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type Lang = 'vi' | 'en';

/** A module that owns open work (tasks, petitions, reports to review…) plugs in here, so a handover moves all of
 * it in one transaction. The work module is the first; each provider counts and moves what is still open. */
export type OpenWorkProvider = {
  key: string;
  label: { vi: string; en: string };
  countOpen: (trx: Trx, accountId: string) => Promise<number>;
  moveOpen: (trx: Trx, fromAccountId: string, toAccountId: string) => Promise<number>;
};

const providers: OpenWorkProvider[] = [];

/** Registered once at start-up by the modules that own open work. */
export function registerOpenWorkProvider(p: OpenWorkProvider): void {
  if (!providers.some((x) => x.key === p.key)) providers.push(p);
}

export function openWorkProviders(): readonly OpenWorkProvider[] {
  return providers;
}

/** What open work an account holds, per module. */
export async function openWorkOf(ctx: Pick<AppContext, 'db'>, lang: Lang, accountId: string) {
  const items = [];
  // Counting reads only: the database handle serves where a provider expects a transaction.
  for (const p of providers)
    items.push({ key: p.key, label: p.label[lang], open: await p.countOpen(ctx.db as unknown as Trx, accountId) });
  return { items };
}

/** Hands an account's open work to another in one transaction, optionally ending its roles and disabling it. */
export async function handover(ctx: Ctx, actor: Actor, lang: Lang, fromId: string, input: HandoverInput) {
  if (fromId === input.toAccountId)
    throw new AppError('VALIDATION_FAILED', {
      field: 'toAccountId',
      issues: [{ field: 'toAccountId', message: 'validation.handoverSelf' }],
    });
  return inTransaction(ctx.db, actor, async (trx) => {
    const from = await repo.leavingForUpdate(trx, fromId);
    if (!from) throw new AppError('NOT_FOUND');
    const to = await repo.taking(trx, input.toAccountId);
    if (!to) throw referenceRefused('toAccountId');
    if (to.disabled_at) throw new AppError('ACCOUNT_DISABLED', { field: 'toAccountId' });
    const moved = [];
    for (const p of providers)
      moved.push({ key: p.key, label: p.label[lang], moved: await p.moveOpen(trx, fromId, input.toAccountId) });
    const rolesEnded = input.endRoles ? await repo.endRoles(trx, fromId, today(ctx)) : 0;
    if (input.disable) {
      if (actor.accountId === fromId) throw new AppError('CANNOT_DISABLE_SELF');
      await repo.disable(trx, fromId, ctx.clock.now());
      await endSessionsOfAccount(trx, fromId);
    }
    return { moved, rolesEnded, disabled: input.disable };
  });
}
