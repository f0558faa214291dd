import crypto from 'node:crypto';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import type { AppContext } from './context.ts';
import { openDatabase, ensureDatabase, withDatabase } from './db/database.ts';
import { startEmbedded, type EmbeddedServer } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { parseEnv, type Env } from './env.ts';
import { argon2Hasher } from './security/passwords.ts';
import { needsSetup } from './features/setup/setup.service.ts';
import { ensureWebBuilt } from './web-build.ts';
import path from 'node:path';
import { diskFileStore } from './storage/file-store.ts';
import { isEmpty, seedDemo } from './features/demo/index.ts';
import { startJobs, type JobRunner } from './jobs/runner.ts';

export const EMBEDDED_DB_NAME = 'khoi';

export type Connected = { url: string; mode: 'embedded' | 'external'; embedded?: EmbeddedServer };

/** Connects to DATABASE_URL, or starts (or finds running) the embedded server of the data folder. */
export async function connectDatabase(env: Env, log: (m: string) => void): Promise<Connected> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, mode: 'external' };
  const embedded = await startEmbedded({ dataDir: env.dataDir, log });
  await ensureDatabase(embedded.url, EMBEDDED_DB_NAME);
  return { url: withDatabase(embedded.url, EMBEDDED_DB_NAME), mode: 'embedded', embedded };
}

/** Calls `onGone` once the process that started this one has ended (its parent id changes: an orphan is adopted by
 * init or a subreaper). Returns the stop of the watch. */
export function watchParent(onGone: () => void, opts: { parent?: number; intervalMs?: number } = {}): () => void {
  const parent = opts.parent ?? process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, opts.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** `khoi serve`: build the web app if needed, start the database, migrate, listen; stop cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  const parent = process.ppid;
  const env = parseEnv();
  // Start-up messages are for the person at the terminal; request logs are JSON (pino) for machines.
  const say = (m: string) => console.log(`[khoi] ${m}`);
  if (!env.KHOI_SKIP_WEB_BUILD) await ensureWebBuilt(say);
  const conn = await connectDatabase(env, say);
  let stopping = false;
  const stopDb = async () => {
    if (conn.embedded) {
      say('Stopping the embedded PostgreSQL …');
      await conn.embedded.stop();
    }
  };
  try {
    const result = await migrate(conn.url, say);
    say(
      `Database schema at ${result.current}${result.applied.length ? ` (${result.applied.length} migration(s) applied)` : ''}.`,
    );
  } catch (err) {
    await stopDb();
    throw err;
  }
  const handle = openDatabase(conn.url, { poolSize: env.KHOI_DB_POOL_SIZE });
  const ctx: AppContext = {
    env,
    db: handle.db,
    clock: systemClock,
    passwords: argon2Hasher('production'),
    dbMode: conn.mode,
    setupToken: crypto.randomBytes(18).toString('base64url'),
    files: diskFileStore(path.join(env.dataDir, 'files')),
  };
  // A new embedded database gets the demo data by itself; an external one only by `khoi seed --demo --force`.
  if (conn.mode === 'embedded' && (await isEmpty(ctx))) {
    say('New database: loading the demo data (Quảng Ninh: Móng Cái and Quảng Yên) …');
    const demo = await seedDemo(ctx, { accountId: null, label: 'seed' }, { password: env.KHOI_DEMO_PASSWORD });
    say(
      `Demo data loaded: ${demo.catalogue.units.added} units, ${demo.catalogue.links.added} links, ${demo.villagesAdded} villages, ${demo.bodiesAdded} bodies, ${demo.peopleAdded} people, ${demo.tasksAdded} tasks.`,
    );
    if (demo.password) {
      say(
        `Demo accounts: admin@khoi.local, mongcai@khoi.local, quangyen@khoi.local, canbo@khoi.local, baocao@khoi.local`,
      );
      say(`Demo password: ${env.KHOI_DEMO_PASSWORD ? '(KHOI_DEMO_PASSWORD)' : demo.password}`);
    }
  }
  const app = await buildApp(ctx, { logger: { level: env.KHOI_LOG_LEVEL } });

  // Background jobs (reminders) on the same database; a server that cannot start them still serves the app.
  let jobs: JobRunner | null = null;
  if (env.KHOI_JOBS) {
    try {
      jobs = await startJobs(ctx, conn.url, { log: say });
      say(
        `Jobs started: daily sweep at ${env.KHOI_REMINDER_TIME} (Asia/Ho_Chi_Minh)${env.KHOI_SMTP_URL ? ', e-mail on' : ', e-mail off (no KHOI_SMTP_URL)'}.`,
      );
    } catch (err) {
      say(`Jobs not started (${(err as Error).message}): no reminders will be sent by this server.`);
    }
  } else {
    say('Jobs off (KHOI_JOBS=off): this server sends no reminders.');
  }

  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping.`);
    await app.close().catch(() => undefined);
    // A running job finishes (or is failed, to be retried by another server) before the pool closes.
    await jobs?.stop().catch(() => undefined);
    await handle.close().catch(() => undefined);
    await stopDb();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT received'));
  process.on('SIGTERM', () => void shutdown('SIGTERM received'));
  // npm (`npm start`, `npx khoi serve`) runs the server under `sh -c`, which a SIGTERM to npm ends without passing
  // the signal on: this server would stay, orphaned, with its database. Not when started otherwise: a server left
  // running on purpose (`nohup`, a shell that then exits) must not stop with its parent.
  if (process.env.npm_lifecycle_event)
    watchParent(() => void shutdown('npm, which started this server, has ended'), { parent });

  await app.listen({ host: env.HOST, port: env.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://localhost:${port}`;
  if (await needsSetup(ctx)) {
    say(`No account yet. Open ${url}/thiet-lap on this machine to create the first administrator,`);
    say(`or from another machine with the one-time setup token: ${ctx.setupToken}`);
    say(`(or run: npx khoi user add --login <name> --password <password> --admin)`);
  } else {
    say(`Sign in at ${url} with your username, phone number or e-mail.`);
  }
  say(
    `Khối is running at ${url} (database: ${conn.mode}${conn.mode === 'embedded' ? `, data in ${env.dataDir}` : ''}). Stop with Ctrl-C.`,
  );
}
