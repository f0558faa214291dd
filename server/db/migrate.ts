import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 727_001; // advisory lock: one migrator at a time, even with several servers starting

export type MigrationResult = { applied: string[]; current: string | null };

/** The numbered SQL files, in order. */
export function migrationFiles(): { name: string; sql: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({
      name: name.replace(/\.sql$/, ''),
      sql: fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8'),
    }));
}

/** The newest migration this build knows (the schema version written into backups). */
export function latestMigration(): string {
  const files = migrationFiles();
  return files[files.length - 1]!.name;
}

/** Applies every migration not yet applied, each in its own transaction. */
export async function migrate(
  url: string,
  log: (m: string) => void = () => undefined,
  upTo?: string,
): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set(
      (await client.query<{ name: string }>('select name from schema_migrations')).rows.map((r) => r.name),
    );
    const known = migrationFiles();
    const knownNames = new Set(known.map((m) => m.name));
    const unknown = [...done].filter((n) => !knownNames.has(n));
    if (unknown.length > 0) {
      throw new Error(
        `The database has migrations this version of Khối does not know (${unknown.join(', ')}): it was upgraded by a newer Khối. Install that version.`,
      );
    }
    for (const m of known) {
      if (upTo && m.name > upTo) break;
      if (done.has(m.name)) continue;
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into schema_migrations (name) values ($1)', [m.name]);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
      log(`applied migration ${m.name}`);
    }
    const now =
      (await client.query<{ name: string }>('select max(name) as name from schema_migrations')).rows[0]?.name ?? null;
    return { applied, current: now };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
