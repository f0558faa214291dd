import { registerOpenWorkProvider } from '../handover/index.ts';

const OPEN = ['draft', 'assigned', 'in_progress', 'reported_done', 'returned', 'suspended'] as const;

/** A handover moves the open tasks an account follows (as assignee) to the account taking over. */
export function registerWorkHandover(): void {
  registerOpenWorkProvider({
    key: 'tasks',
    label: { vi: 'Nhiệm vụ đang theo dõi', en: 'Tasks followed' },
    countOpen: async (trx, id) =>
      Number((await trx.selectFrom('tasks').select((eb) => eb.fn.countAll<string>().as('n')).where('assignee_account_id', '=', id).where('status', 'in', OPEN).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n),
    moveOpen: async (trx, from, to) =>
      Number(
        (
          await trx
            .updateTable('tasks')
            .set((eb) => ({ assignee_account_id: to, version: eb('version', '+', 1), updated_at: new Date() }))
            .where('assignee_account_id', '=', from)
            .where('status', 'in', OPEN)
            .where('deleted_at', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
  });
}
