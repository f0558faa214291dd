import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';
import type { Identity } from './identity.ts';
import { holdsPermissionOver } from './scope.repository.ts';

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

export function unitScopeOf(identity: Identity, today: string): UnitScope {
  const admin = identity.me.isAdmin;
  return {
    canManageVillagesOf: async (q, communeId) =>
      admin || holdsPermissionOver(q, identity.me.id, 'units.manage_villages', communeId, today),
    canAdministerCatalogue: () => admin,
  };
}
