import type { Updateable } from 'kysely';
import type { Trx } from '../../db/tx.ts';
import type { DB } from '../../db/schema.ts';

/** The work tables edited under optimistic locking (a `version` the client read, bumped by each edit). */
type Versioned = 'programmes' | 'task_groups';

/** Edits a row at the version the client read, bumping the version and the time of change; answers how many rows
 * changed (none: another edit came first). */
export async function updateAtVersion<T extends Versioned>(
  trx: Trx,
  table: T,
  id: string,
  version: number,
  set: Updateable<DB[T]>,
): Promise<number> {
  // Kysely cannot type a query on a generic table; on the union its columns are the ones both tables have.
  const versioned: Versioned = table;
  const r = await trx
    .updateTable(versioned)
    .set({ ...set, updated_at: new Date() })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
