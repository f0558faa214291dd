import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { installTypeParsers } from './types.ts';
import { preparingPool } from './prepared.ts';

export type Database = Kysely<DB>;

export type DbHandle = {
  db: Database;
  pool: pg.Pool;
  close: () => Promise<void>;
};

/** Opens a pooled connection to one database. */
export function openDatabase(url: string, opts: { poolSize?: number; applicationName?: string } = {}): DbHandle {
  installTypeParsers();
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    application_name: opts.applicationName ?? 'khoi',
    idleTimeoutMillis: 30_000,
    // No JIT compiling: every statement here is short, and a plan whose estimate crosses jit_above_cost (a large
    // "my work" at 100,000 tasks) spent 6 s compiling for 0.8 s of work on Debian's PostgreSQL, which has
    // JIT on. An `options` parameter in the connection URL replaces this one.
    options: '-c jit=off',
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  let closed = false;
  return {
    db,
    pool,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** Replaces the database name of a connection URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

/** Creates the database if it does not exist (on the server of `url`). */
export async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database ${quoteIdent(database)}`);
  } finally {
    await client.end();
  }
}

/** Drops a database, closing whoever is still connected to it. */
export async function dropDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`drop database if exists ${quoteIdent(database)} with (force)`);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** The server's major version, e.g. 15 or 18. */
export async function serverVersion(db: Database): Promise<number> {
  const r = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Math.floor(Number(r.rows[0]!.v) / 10000);
}
