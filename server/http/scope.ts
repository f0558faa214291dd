import type { Identity } from '../features/auth/auth.service.ts';
import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';

/** What an account may change in the unit tree. Reading the catalogue is open to every signed-in account
 * (reference data, DESIGN §8). Until role assignments exist (people, roles and scope release), an
 * administrator manages every unit and other accounts none; role assignments plug in here: a commune
 * officer will manage the villages of their own commune's subtree. */
export type UnitScope = {
  /** may add, rename, move, merge or close villages under this unit (a commune), on that date */
  canManageVillagesOf: (q: Database | Trx, communeId: string, asOf: string) => Promise<boolean>;
  /** may decide catalogue matters (link an ending to its successor) */
  canAdministerCatalogue: () => boolean;
};

export function unitScopeOf(identity: Identity): UnitScope {
  const admin = identity.me.isAdmin;
  return {
    canManageVillagesOf: async () => admin,
    canAdministerCatalogue: () => admin,
  };
}
