import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import {
  createVillage,
  followMergedParents,
  importCatalogue,
  loadBuiltInCatalogue,
  rebuildTree,
  unitByCode,
  unitChildren,
  type ImportCounts,
} from '../units/index.ts';
import { nameKey } from '../../i18n/names.ts';
import * as repo from './demo.repository.ts';
import { DEMO_VILLAGES } from './demo.units.ts';
import { seedDemoBodies } from './demo.bodies.ts';
import { seedDemoPeople } from './demo.people.ts';
import { seedDemoAccounts } from './demo.accounts.ts';
import { seedDemoWork } from './demo.work.ts';
import { seedDemoReporting } from './demo.reporting.ts';
import { seedDemoCasework } from './demo.petitions.ts';
import { localDate } from '../../clock.ts';

export const DEMO_PROVINCES = ['22'];

/** The demo data (Quảng Ninh: Móng Cái and Quảng Yên), idempotent: a second run adds nothing. */
export async function seedDemo(
  ctx: Pick<AppContext, 'db' | 'clock' | 'passwords'>,
  actor: Actor,
  opts: { password?: string } = {},
): Promise<{
  catalogue: ImportCounts;
  villagesAdded: number;
  bodiesAdded: number;
  peopleAdded: number;
  accountsAdded: number;
  tasksAdded: number;
  reportsAdded: number;
  projectsAdded: number;
  dialoguesAdded: number;
  petitionsAdded: number;
  password: string | null;
}> {
  const catalogue = await importCatalogue(ctx.db, actor, loadBuiltInCatalogue(), { provinces: DEMO_PROVINCES });
  const allowAll = { canManageVillagesOf: () => Promise.resolve(true), canAdministerCatalogue: () => true };
  const villagesAdded = await inTransaction(ctx.db, actor, async (trx) => {
    let added = 0;
    for (const v of DEMO_VILLAGES) {
      const commune = await unitByCode(trx, v.parentCode, v.validFrom);
      if (!commune) continue;
      const siblings = await unitChildren(trx, commune.unit_id, v.validFrom);
      if (siblings.some((s) => nameKey(s.name) === nameKey(v.name))) continue;
      await createVillage(trx, allowAll, v, v.validFrom);
      added++;
    }
    if (added > 0) {
      await followMergedParents(trx, actor);
      await rebuildTree(trx);
    }
    return added;
  });
  const bodiesAdded = await inTransaction(ctx.db, actor, (trx) => seedDemoBodies(trx));
  const peopleAdded = await inTransaction(ctx.db, actor, (trx) => seedDemoPeople(trx));
  const accounts = await inTransaction(ctx.db, actor, (trx) => seedDemoAccounts(trx, ctx.passwords, opts.password));
  const tasksAdded = await inTransaction(ctx.db, actor, (trx) => seedDemoWork(trx, actor, localDate(ctx.clock.now())));
  const reportsAdded = await seedDemoReporting(ctx, actor);
  const casework = await seedDemoCasework(ctx, actor);
  return {
    catalogue,
    villagesAdded,
    bodiesAdded,
    peopleAdded,
    accountsAdded: accounts.added,
    tasksAdded,
    reportsAdded,
    projectsAdded: casework.projects,
    dialoguesAdded: casework.dialogues,
    petitionsAdded: casework.petitions,
    password: accounts.password,
  };
}

/** Whether the database has no data yet (a new embedded database gets the demo by itself). */
export async function isEmpty(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
  const units = await repo.anyUnit(ctx.db);
  const accounts = await repo.anyAccount(ctx.db);
  return units.length === 0 && accounts.length === 0;
}
