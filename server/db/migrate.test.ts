import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { latestMigration, migrate, migrationFiles } from './migrate.ts';

describe('migrations', () => {
  it('are numbered SQL files, and a migrated database has nothing more to apply', async () => {
    const files = migrationFiles();
    expect(files[0]!.name).toBe('0001_foundation');
    files.forEach((f, i) => expect(f.name.startsWith(String(i + 1).padStart(4, '0'))).toBe(true));
    const db = await createTestDatabase();
    try {
      const again = await migrate(db.url);
      expect(again.applied).toEqual([]);
      expect(again.current).toBe(latestMigration());
    } finally {
      await db.drop();
    }
  });

  it('refuse a database upgraded by a newer Khối', async () => {
    const db = await createTestDatabase();
    try {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query(`insert into schema_migrations (name) values ('9999_from_the_future')`);
      await c.end();
      await expect(migrate(db.url)).rejects.toThrow(/newer Khối/);
    } finally {
      await db.drop();
    }
  });
});
