import { sql, type SqlBool } from 'kysely';
import type { Identity } from '../features/auth/index.ts';
import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';

type Q = Database | Trx;

/** What an account may change in the unit tree. Reading the catalogue is open to every signed-in account
 * (reference data, DESIGN §8). A system administrator manages everything; any other account manages the villages
 * of communes inside the subtree (in the current epoch) of a unit it holds a role with the permission for, on
 * the day the check is made. Records of units that no longer exist (predecessors) are read-only for them. */
export type UnitScope = {
  /** may add, rename, move, merge or close villages under this unit (a commune) */
  canManageVillagesOf: (q: Q, communeId: string, asOf: string) => Promise<boolean>;
  /** may decide catalogue matters (link an ending to its successor) */
  canAdministerCatalogue: () => boolean;
};

/** Whether the account holds, today, a role with `permission` on a unit whose subtree today contains `unitId`. */
export async function holdsPermissionOver(q: Q, accountId: string, permission: string, unitId: string, today: string): Promise<boolean> {
  const inForce = (t: string) => sql<SqlBool>`((${sql.ref(`${t}.valid_from`)} is null or ${sql.ref(`${t}.valid_from`)} <= ${today}::date) and (${sql.ref(`${t}.valid_to`)} is null or ${today}::date < ${sql.ref(`${t}.valid_to`)}))`;
  const row = await q
    .selectFrom('role_assignments as ra')
    .innerJoin('roles as r', 'r.code', 'ra.role')
    .innerJoin('unit_tree as a', 'a.unit_id', 'ra.unit_id')
    .innerJoin('unit_tree as c', (j) => j.on('c.unit_id', '=', unitId))
    .select(sql`1`.as('one'))
    .where('ra.account_id', '=', accountId)
    .where('ra.deleted_at', 'is', null)
    .where(inForce('ra'))
    .where(inForce('a'))
    .where(inForce('c'))
    .where(sql<SqlBool>`${permission} = any(r.permissions)`)
    .where(sql<SqlBool>`c.path <@ a.path`)
    .executeTakeFirst();
  return Boolean(row);
}

export function unitScopeOf(identity: Identity, today: string): UnitScope {
  const admin = identity.me.isAdmin;
  return {
    canManageVillagesOf: async (q, communeId) => admin || holdsPermissionOver(q, identity.me.id, 'units.manage_villages', communeId, today),
    canAdministerCatalogue: () => admin,
  };
}
