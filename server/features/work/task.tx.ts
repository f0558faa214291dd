import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { taskAccess } from './task.access.ts';
import { lockTask } from './task.commands.repository.ts';
import type { WorkCaller } from './work.scope.ts';

/** A task command's transaction: it writes tasks and their surroundings, never an account, session, token, role,
 * person, body or programme (a programme's task counter aside), so what is remembered with an identity stays valid
 * (tx.ts). */
export const inWorkTransaction = <T>(db: Database, actor: Actor, fn: (trx: Trx) => Promise<T>) =>
  inTransaction(db, actor, fn, { leaves: 'identities' });

/** Loads a task for a change: what the caller may do with it (404 when it does not read it), and its row locked,
 * at the version read (409 otherwise). */
export async function forChange(trx: Trx, c: WorkCaller, id: string, version?: number) {
  const access = await taskAccess(trx, c, id);
  const row = await lockTask(trx, id);
  if (version !== undefined && row.version !== version) throw new AppError('CONFLICT');
  return { access, row };
}
