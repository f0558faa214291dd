import { sql, type SqlBool } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';
import { inForce } from '../db/validity.ts';

/** Whether the account holds, on `today`, a role with `permission` on a unit whose subtree that day contains `unitId`. */
export async function holdsPermissionOver(
  q: Database | Trx,
  accountId: string,
  permission: string,
  unitId: string,
  today: string,
): Promise<boolean> {
  const row = await q
    .selectFrom('role_assignments as ra')
    .innerJoin('roles as r', 'r.code', 'ra.role')
    .innerJoin('unit_tree as a', 'a.unit_id', 'ra.unit_id')
    .innerJoin('unit_tree as c', (j) => j.on('c.unit_id', '=', unitId))
    .select(sql`1`.as('one'))
    .where('ra.account_id', '=', accountId)
    .where('ra.deleted_at', 'is', null)
    .where(inForce('ra', today))
    .where(inForce('a', today))
    .where(inForce('c', today))
    .where(sql<SqlBool>`${permission} = any(r.permissions)`)
    .where(sql<SqlBool>`c.path <@ a.path`)
    .executeTakeFirst();
  return Boolean(row);
}
