import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

/** A notifications column recording delivery by a channel. */
export type SentColumn = 'emailed_at';

/** The live accounts with notifications of `day` that `col` has not recorded as sent, with their settings. */
export function accountsWithPending(db: Database, day: string, col: SentColumn) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('notification_settings as ns', 'ns.account_id', 'a.id')
    .select([
      'a.id',
      'a.display_name',
      'p.full_name',
      'a.email',
      'a.phone',
      'a.locale',
      'ns.email as wants_email',
      'ns.daily_digest',
    ])
    .distinct()
    .where('n.day', '=', day)
    .where(`n.${col}`, 'is', null)
    .where('a.disabled_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.id')
    .execute();
}

/** Claims an account's notifications of `day` not yet sent by `col`, skipping rows another run holds. */
export function claimPending(trx: Trx, accountId: string, day: string, col: SentColumn) {
  return trx
    .selectFrom('notifications')
    .select(['id', 'kind', 'task_id', 'day', 'title', 'body', 'link'])
    .where('account_id', '=', accountId)
    .where('day', '=', day)
    .where(col, 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Records the notifications as sent by `col` at `at`. */
export async function markSent(trx: Trx, ids: readonly string[], col: SentColumn, at: Date): Promise<void> {
  await trx
    .updateTable('notifications')
    .set({ [col]: at })
    .where('id', 'in', ids)
    .execute();
}
