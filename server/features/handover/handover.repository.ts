import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

/** The live account that leaves, locked for the handover. */
export async function leavingForUpdate(q: Q, accountId: string) {
  return q
    .selectFrom('accounts')
    .select(['id', 'is_admin'])
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** The live account that takes over. */
export async function taking(q: Q, accountId: string) {
  return q
    .selectFrom('accounts')
    .select(['id', 'disabled_at'])
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Ends on `day` the account's live assignments begun before it and not ended by it; returns how many. */
export async function endRoles(q: Q, accountId: string, day: string) {
  const r = await q
    .updateTable('role_assignments')
    .set((eb) => ({ valid_to: day, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<', day)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function disable(q: Q, accountId: string, now: Date) {
  await q
    .updateTable('accounts')
    .set((eb) => ({ disabled_at: now, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', accountId)
    .execute();
}
