/**
 * Work module benchmark, side by side with the Redmine peer. Not part of `npm test`.
 *   npm run bench:work [-- --tasks 100000] [-- --database-url postgres://…] [-- --duration 20] [-- --runs 3]
 *                      [-- --auth session|token] [-- --with-redmine] [-- --plans] [-- --write]
 *   other options: --routes list,show,… (all), --statements (top statements per route from pg_stat_statements),
 *   --keep-database (an external server's generated database is dropped at the end unless this is given),
 *   --phase-creates N (300: creates measured phase by phase after the load, validate, scope + number, insert, audit,
 *   search, present), --pg-data DIR (an external server's data folder: its CPU time per request is counted too), --cpu-profile DIR (the server's CPU profile per measured route, DIR/<route>-<run>.cpuprofile), --warmup S (3), --connections C (8), --threads T (1), --log-level L (info, to a file; as
 *   production), --seed N (2026), --redmine-tasks N (10000). --plans prints the EXPLAIN ANALYZE plans taken after
 *   the load; --write appends the Markdown to bench/RESULTS.md.
 * Starts a throwaway embedded PostgreSQL 18 (fsync on, synchronous_commit on) unless --database-url is given,
 * migrates a fresh database, imports Quảng Ninh's units, generates one programme of 2026 with 15 task groups,
 * 20 officers and N tasks (set-based SQL), serves the app on 127.0.0.1 and drives four routes with wrk and
 * bench/work.lua, the peer's client and load (1 thread, 8 connections, 3 s warm-up, 20 s measured), signed in as
 * an ordinary officer of Phường Móng Cái 1 (scope checked on every request). With --with-redmine it runs the
 * peer's setup.sh, then seed.sh 10000 before each run and bench.sh route by route, interleaved with Khối's routes in
 * the same sitting, and prints both with the ratios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { startEmbedded } from '../server/db/embedded.ts';
import { dropDatabase, ensureDatabase, openDatabase, withDatabase, serverVersion } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { buildApp } from '../server/app.ts';
import { parseEnv } from '../server/env.ts';
import { systemClock } from '../server/clock.ts';
import { argon2Hasher } from '../server/security/passwords.ts';
import { diskFileStore } from '../server/storage/file-store.ts';
import type { WorkCaller } from '../server/features/work/work.scope.ts';
import { arg } from './bench-kit.ts';
import { createBodyMaker, describeCreatePhases, measureCreatePhases } from './create-phases.ts';
import { checkWork, signIn } from './work.checks.ts';
import { actor, createdTasks, generateWork, removeCreatedTasks, seededRandom, shuffledTaskIds } from './work.data.ts';
import {
  ALL_ROUTES,
  HERE,
  PEER_ROUTES,
  cpuCounter,
  perRoute,
  redminePeer,
  startProfile,
  topStatements,
  wrkRunner,
  wrkVersion,
  type CpuPerRequest,
  type Route,
  type WrkResult,
} from './work.load.ts';
import { explainRoutes } from './work.plans.ts';
import { workReport } from './work.report.ts';
import { STATUS_WEIGHTS } from './work.words.ts';

const flag = (name: string) => process.argv.includes(`--${name}`);
const TASKS = Number(arg('tasks') ?? 10_000);
const DURATION = Number(arg('duration') ?? 20);
const WARMUP = Number(arg('warmup') ?? 3);
const RUNS = Number(arg('runs') ?? 3);
const CONNECTIONS = Number(arg('connections') ?? 8);
const THREADS = Number(arg('threads') ?? 1);
const AUTH = arg('auth') ?? 'session';
const LOG_LEVEL = arg('log-level') ?? 'info';
const WITH_REDMINE = flag('with-redmine');
const STATEMENTS = flag('statements'); // pg_stat_statements: preloaded here on the embedded server; an external one must preload it
const PG_DATA = arg('pg-data'); // an external server's data folder (its postmaster.pid), to count its CPU time
const CPU_PROFILE = arg('cpu-profile'); // a folder: a V8 CPU profile of the server's thread for each measured route
const REDMINE_TASKS = Number(arg('redmine-tasks') ?? 10_000);
const KEEP_DATABASE = flag('keep-database');
const PHASE_CREATES = Number(arg('phase-creates') ?? 300);
const random = seededRandom(Number(arg('seed') ?? 2026));
const ROUTES = (arg('routes')?.split(',') ?? ALL_ROUTES) as Route[];
if (!ROUTES.every((r) => (ALL_ROUTES as readonly string[]).includes(r)))
  throw new Error(`--routes: a comma-separated subset of ${ALL_ROUTES.join(',')}`);
if (!(TASKS >= 100 && DURATION >= 1 && RUNS >= 1 && ['session', 'token'].includes(AUTH))) {
  throw new Error(
    'usage: work.bench.ts [--tasks N≥100] [--duration S] [--warmup S] [--runs R] [--auth session|token] [--database-url URL] [--with-redmine]',
  );
}

const say = (m: string) => console.log(`[bench:work] ${m}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-bench-work-'));
fs.chmodSync(dataDir, 0o711); // the embedded server runs as "postgres" when the bench runs as root
const external = arg('database-url');
const server = external
  ? null
  : await startEmbedded({
      dataDir: path.join(dataDir, 'pg'),
      ...(STATEMENTS
        ? { settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' } }
        : {}),
    });
const base = external ?? server!.url;
const dbName = `khoi_bench_${crypto.randomBytes(3).toString('hex')}`;
await ensureDatabase(base, dbName);
const url = withDatabase(base, dbName);
await migrate(url);
const env = parseEnv({ DATABASE_URL: url, KHOI_DB_POOL_SIZE: process.env.KHOI_DB_POOL_SIZE });
const handle = openDatabase(url, { poolSize: env.KHOI_DB_POOL_SIZE });
const db = handle.db;
const peer = redminePeer({ duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, threads: THREADS });
let redmineUp = false;

try {
  const pgv = await serverVersion(db);
  if (STATEMENTS) await sql`create extension if not exists pg_stat_statements`.execute(db);
  const settings = (
    await sql<{
      name: string;
      setting: string;
    }>`select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'work_mem')`.execute(
      db,
    )
  ).rows;
  say(
    `PostgreSQL ${pgv} (${external ? 'external' : 'embedded'}): ${settings.map((s) => `${s.name}=${s.setting}`).join(', ')}`,
  );

  // ---- Data: Quảng Ninh's units, bodies on Phường Móng Cái 1, 20 officers, one programme, N tasks.
  const ctx = {
    env,
    db,
    clock: systemClock,
    passwords: argon2Hasher('production'),
    dbMode: 'external' as const,
    setupToken: crypto.randomBytes(18).toString('base64url'),
    files: diskFileStore(path.join(dataDir, 'files')),
  };
  const t0 = Date.now();
  const data = await generateWork(ctx, random, TASKS);
  const { today, programmeId, bodies, officers, groups, counts } = data;
  say(
    `generated ${counts.tasks} tasks, ${counts.coops} cooperating bodies, ${counts.updates} updates in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  // ---- Serve on loopback, signed in as an ordinary officer of Móng Cái 1.
  const logFile = path.join(dataDir, 'khoi.log');
  const app = await buildApp(ctx, {
    serveWeb: false,
    logger: LOG_LEVEL === 'silent' ? false : { level: LOG_LEVEL, file: logFile },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const me = officers[2]!;
  const { authHeader, csrf } = await signIn(ctx, { origin, me, auth: AUTH, password: data.password });

  // ---- Correctness before speed: exact totals, diacritics-insensitive search, an officer (not an admin).
  const checks = await checkWork(ctx, data, { origin, authHeader, me, auth: AUTH, tasks: TASKS, random });
  for (const c of checks) say(c);

  const ids = await shuffledTaskIds(db, programmeId);
  const idsFile = path.join(dataDir, 'ids.txt');
  fs.writeFileSync(idsFile, ids.join('\n') + '\n');
  const wrk = wrkRunner({
    origin,
    threads: THREADS,
    connections: CONNECTIONS,
    env: {
      ...process.env,
      AUTH_HEADER: authHeader,
      CSRF: csrf,
      ORIGIN: origin,
      PROGRAMME_ID: programmeId,
      GROUP_IDS: groups.join(' '),
      BODY_IDS: bodies.join(' '),
      ACCOUNT_IDS: officers.map((o) => o.accountId).join(' '),
      STATUSES: STATUS_WEIGHTS.map(([s]) => s).join(' '),
      IDS_FILE: idsFile,
    },
  });

  // ---- Khối and, with --with-redmine, the peer in the same sitting, interleaved route by route (Khối's list, the
  // peer's list, Khối's one task, …): this virtual machine's speed drifts by a third over minutes, and interleaving
  // lets both sides meet the same drift. Each route runs after an unrecorded warm-up; the tasks Khối's create made
  // are removed between runs, and the peer is re-seeded before each run (seed.sh drops the issues bench.sh POSTed).
  const khoi = perRoute<WrkResult>();
  const redmine = perRoute<WrkResult>();
  const cpuPerRequest = perRoute<CpuPerRequest>();
  if (WITH_REDMINE) {
    say('Redmine peer: setup.sh');
    await peer.setup();
    redmineUp = true;
  }
  for (let runNo = 1; runNo <= RUNS; runNo++) {
    if (runNo > 1) await removeCreatedTasks(db, programmeId, TASKS);
    if (WITH_REDMINE) {
      say(`Redmine run ${runNo}/${RUNS}: seed.sh ${REDMINE_TASKS}`);
      await peer.seed(REDMINE_TASKS);
    }
    for (const route of ROUTES) {
      if (WARMUP > 0) await wrk(route, WARMUP);
      if (STATEMENTS) await sql`select pg_stat_statements_reset()`.execute(db);
      const profiling = CPU_PROFILE ? await startProfile() : null;
      const cpu = cpuCounter(PG_DATA ?? (server ? path.join(dataDir, 'pg', 'pg') : null));
      const r = await wrk(route, DURATION);
      if (r) cpuPerRequest[route].push(cpu.perRequest(r.requests));
      if (profiling) await profiling.stop(path.join(CPU_PROFILE!, `${route}-${runNo}.cpuprofile`));
      if (STATEMENTS)
        say(`${route}: top statements (calls, total ms, mean exec ms, mean plan ms):\n${await topStatements(db)}`);
      if (!r) throw new Error(`wrk failed on ${route}`);
      khoi[route].push(r);
      const c = cpuPerRequest[route].at(-1)!;
      say(
        `run ${runNo}/${RUNS} ${route}: ${r.rps.toFixed(1)} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.requests} requests, ${r.socketErrors} socket errors, ${r.non2xx} non-2xx; CPU per request: Node ${c.node.toFixed(2)} ms${c.pg === null ? '' : `, PostgreSQL ${c.pg.toFixed(2)} ms`}`,
      );
      if (WITH_REDMINE && PEER_ROUTES.includes(route)) {
        redmine[route].push(...(await peer.bench(route)));
        const m = redmine[route].at(-1);
        if (m) say(`run ${runNo}/${RUNS} Redmine ${route}: ${m.rps.toFixed(1)} req/s, p95 ${m.p95} ms`);
      }
    }
  }
  await app.close();
  const made = await createdTasks(db, TASKS);
  checks.push(
    `create (last run, warm-up included): ${made.created} tasks in the database, ${made.audited} audit rows of their creation`,
  );

  // ---- Where the time goes, in the database: EXPLAIN ANALYZE of the queries behind the routes (the officer's scope).
  const caller: WorkCaller = { accountId: me.accountId, isAdmin: false, personId: me.personId, today };
  const { notes, plans } = await explainRoutes(db, {
    caller,
    taskId: ids[0]!,
    programmeId,
    assigneeAccountId: officers[0]!.accountId,
    groupId: groups[0]!,
  });
  for (const n of notes) say(n);
  if (flag('plans')) console.log(plans.join('\n'));

  // ---- Where a create's time goes, phase by phase (after the load, on one connection of its own).
  const phases = describeCreatePhases(
    await measureCreatePhases(db, {
      caller,
      actor: { ...actor, accountId: me.accountId },
      body: createBodyMaker(
        programmeId,
        bodies,
        groups,
        officers.map((o) => o.accountId),
      ),
      n: PHASE_CREATES,
    }),
  );
  say(phases);

  // ---- Report.
  const out = workReport({
    pgVersion: pgv,
    where: external ? 'external' : 'embedded',
    settings,
    wrkVersion: await wrkVersion(),
    options: {
      tasks: TASKS,
      threads: THREADS,
      connections: CONNECTIONS,
      warmup: WARMUP,
      duration: DURATION,
      runs: RUNS,
      logLevel: LOG_LEVEL,
      routes: ROUTES,
    },
    khoi,
    redmine: WITH_REDMINE ? redmine : null,
    cpuPerRequest,
    phases,
    checks,
    notes,
  });
  console.log(out);
  if (flag('write')) fs.appendFileSync(path.join(HERE, 'RESULTS.md'), out);
} finally {
  if (redmineUp) await peer.stop();
  await handle.close();
  // An external server keeps the generated database only when asked (--keep-database: to explain or profile it after).
  if (external && !KEEP_DATABASE) await dropDatabase(base, dbName);
  else if (external) console.log(`kept: ${url}`);
  if (server) await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
