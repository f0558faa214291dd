import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { dropDatabase, openDatabase, quoteIdent, withDatabase, type DbHandle } from '../server/db/database.ts';

export type TestDatabase = DbHandle & { url: string; name: string; drop: () => Promise<void> };

/** A fresh database for one test file, cloned from the migrated template (fast: no migrations). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('dbServerUrl');
  const template = inject('templateDb');
  const name = `khoi_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const handle = openDatabase(url, { poolSize: 5, applicationName: 'khoi-test' });
  return {
    ...handle,
    url,
    name,
    drop: async () => {
      await handle.close();
      // What a file leaves behind is dropped by the run's global teardown anyway.
      await dropDatabase(serverUrl, name).catch(() => undefined);
    },
  };
}
