import type { Trx } from '../../db/tx.ts';

const OPEN = ['draft', 'assigned', 'in_progress', 'reported_done', 'returned', 'suspended'] as const;

/** How many open tasks an account follows as assignee. */
export async function countOpenTasksOf(trx: Trx, accountId: string): Promise<number> {
  return Number(
    (
      await trx
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('assignee_account_id', '=', accountId)
        .where('status', 'in', OPEN)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Moves the open tasks one account follows as assignee to another; answers how many. */
export async function moveOpenTasks(trx: Trx, from: string, to: string): Promise<number> {
  const r = await trx
    .updateTable('tasks')
    .set((eb) => ({ assignee_account_id: to, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('assignee_account_id', '=', from)
    .where('status', 'in', OPEN)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
