import { importCatalogue } from '../server/features/units/catalogue.import.ts';
import { loadBuiltInCatalogue } from '../server/features/units/catalogue.plan.ts';
import type { Database } from '../server/db/database.ts';

let cached: ReturnType<typeof loadBuiltInCatalogue> | null = null;

/** Imports the built-in catalogue for Quảng Ninh (province 22) into a test database. */
export async function importQuangNinh(db: Database) {
  cached ??= loadBuiltInCatalogue();
  return importCatalogue(db, { accountId: null, label: 'test' }, cached, { provinces: ['22'] });
}
