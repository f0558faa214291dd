import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../server/db/embedded.ts';
import { dropDatabase, ensureDatabase, openDatabase, serverVersion, withDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import type { AppContext } from '../server/context.ts';
import { systemClock } from '../server/clock.ts';
import { parseEnv } from '../server/env.ts';
import { argon2Hasher } from '../server/security/passwords.ts';
import { diskFileStore } from '../server/storage/file-store.ts';

/** The value after `--name` on the command line. */
export const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** Percentiles and the maximum of a list of times. */
export function stats(ms: readonly number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

/** A fresh migrated database for a benchmark: on a throwaway embedded PostgreSQL 18 (fsync on) in a temporary
 * folder, or on the server of `--database-url`, where it is dropped at the end. */
export async function benchDatabase(name: string, opts: { poolSize: number }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `khoi-bench-${name}-`));
  fs.chmodSync(dataDir, 0o711); // the embedded server runs as "postgres" when the bench runs as root
  const external = arg('database-url');
  const server = external ? null : await startEmbedded({ dataDir: path.join(dataDir, 'pg') });
  const base = external ?? server!.url;
  const dbName = `khoi_bench_${crypto.randomBytes(3).toString('hex')}`;
  await ensureDatabase(base, dbName);
  const url = withDatabase(base, dbName);
  await migrate(url);
  const handle = openDatabase(url, { poolSize: opts.poolSize });
  return {
    db: handle.db,
    url,
    dataDir,
    external: Boolean(external),
    version: () => serverVersion(handle.db),
    async close() {
      await handle.close();
      // --keep: leave an external server's database for a closer look (its URL is printed)
      if (external && process.argv.includes('--keep')) console.error(`kept: ${url}`);
      else if (external) await dropDatabase(base, dbName);
      if (server) await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The application context on a benchmark's database, as the server would build it: the system clock, cheap
 * password hashing (the bench measures queries, not argon2) and stored files in the bench's temporary folder. */
export function benchContext(bench: { db: AppContext['db']; url: string; dataDir: string }): AppContext {
  return {
    env: parseEnv({ DATABASE_URL: bench.url }),
    db: bench.db,
    clock: systemClock,
    passwords: argon2Hasher('test'),
    dbMode: 'external',
    setupToken: 'x',
    files: diskFileStore(path.join(bench.dataDir, 'files')),
  };
}

/** The heading of a benchmark's results: the day, the machine, Node and PostgreSQL. */
export function resultsHeading(title: string, pgVersion: number, where: string) {
  return `\n### ${title} — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion} (${where})\n\n| Measure | Result |\n|---|---|\n`;
}

/** A results table being filled: each measure is printed as it comes and kept as a Markdown row. */
export function resultTable() {
  const rows: string[] = [];
  const out = (label: string, value: string) => {
    rows.push(`| ${label} | ${value} |`);
    console.log(`${label}: ${value}`);
  };
  return { rows, out };
}
