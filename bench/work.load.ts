/**
 * The work benchmark's load: wrk with bench/work.lua (the peer's client), the CPU time Node and PostgreSQL spend on
 * it, V8 CPU profiles, the top statements of pg_stat_statements, and the Redmine peer's scripts.
 */
import fs from 'node:fs';
import path from 'node:path';
import inspector from 'node:inspector';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import type { Database } from '../server/db/database.ts';

// 'page' is not the peer's: status + group only, so that every page holds 25 rows at 10,000 tasks as at 100,000
// (the list's three filters match 7 tasks on average at 10,000 and 72 at 100,000: a page of 7 rows against one of 25).
// 'mine' is not the peer's either: the officer's "my work" (GET /api/my-work), the first page of the day.
export const ALL_ROUTES = ['list', 'show', 'search', 'create', 'page', 'mine'] as const;
export type Route = (typeof ALL_ROUTES)[number];
export const PEER_ROUTES: readonly Route[] = ['list', 'show', 'search', 'create'];
/** One list per route, empty. */
export const perRoute = <T>(): Record<Route, T[]> => ({
  list: [],
  show: [],
  search: [],
  create: [],
  page: [],
  mine: [],
});

export const HERE = path.dirname(new URL(import.meta.url).pathname);
const PEER = path.resolve(HERE, '../../shared/peers/redmine');

export type WrkResult = {
  route: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  socketErrors: number;
  non2xx: number;
};

export function run(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (opts.echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (opts.echo) process.stderr.write(d);
    });
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs) : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** wrk on one route for some seconds with bench/work.lua; `env` tells the script the ids and the credentials. */
export function wrkRunner(opts: { origin: string; threads: number; connections: number; env: NodeJS.ProcessEnv }) {
  return async (route: Route, seconds: number): Promise<WrkResult | null> => {
    const r = await run(
      'wrk',
      [
        `-t${opts.threads}`,
        `-c${opts.connections}`,
        `-d${seconds}s`,
        '--timeout',
        '30s',
        '-s',
        path.join(HERE, 'work.lua'),
        opts.origin,
      ],
      { env: { ...opts.env, ROUTE: route }, timeoutMs: (seconds + 40) * 1000 },
    );
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) {
      console.error(r.stdout, r.stderr);
      return null;
    }
    return JSON.parse(line.slice(7)) as WrkResult;
  };
}

/** wrk's version line, for the report's heading. */
export async function wrkVersion() {
  return (await run('wrk', ['-v'])).stdout.split('\n')[0]?.trim() ?? 'wrk';
}

/** CPU seconds used so far by a PostgreSQL server: its postmaster and every process it started (from /proc). */
export function postgresCpuSeconds(pgData: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const tick = 100; // USER_HZ on Linux
    let total = 0;
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      } catch {
        continue;
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the third (state) on
      if (Number(d) !== pid && Number(f[1]) !== pid) continue;
      total += (Number(f[11]) + Number(f[12])) / tick; // utime, stime
    }
    return total;
  } catch {
    return null;
  }
}

/** CPU milliseconds per request spent by Node (this process) and PostgreSQL (null when its folder is unknown). */
export type CpuPerRequest = { node: number; pg: number | null };

/** Starts counting CPU time; `perRequest(requests)` divides what was spent since by the requests served. */
export function cpuCounter(pgData: string | null) {
  const cpu0 = { node: process.cpuUsage(), pg: pgData ? postgresCpuSeconds(pgData) : null };
  return {
    perRequest(requests: number): CpuPerRequest {
      const n = process.cpuUsage(cpu0.node);
      const pg1 = pgData ? postgresCpuSeconds(pgData) : null;
      return {
        node: (n.user + n.system) / 1000 / requests,
        pg: cpu0.pg !== null && pg1 !== null ? ((pg1 - cpu0.pg) * 1000) / requests : null,
      };
    },
  };
}

/** A CPU profile of this thread (the server's) while the load runs; the file opens in Chrome's DevTools. */
export async function startProfile() {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    stop: async (file: string) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** The 8 statements of this database that took the most time since pg_stat_statements was last reset, one a line. */
export async function topStatements(db: Database) {
  const top = await sql<{
    calls: string;
    total: number;
    mean: number;
    plan: number;
    query: string;
    sd: number;
    max: number;
  }>`
          select s.calls, round(s.total_exec_time::numeric, 0)::float8 as total, round(s.mean_exec_time::numeric, 3)::float8 as mean, round(s.stddev_exec_time::numeric, 2)::float8 as sd, round(s.max_exec_time::numeric, 1)::float8 as max,
                 round((s.total_plan_time / greatest(s.calls, 1))::numeric, 3)::float8 as plan, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 140) as query
            from pg_stat_statements s where s.dbid = (select oid from pg_database where datname = current_database())
            order by s.total_exec_time + s.total_plan_time desc limit 8`.execute(db);
  return top.rows
    .map((t) => `    ${t.calls}\t${t.total}\t${t.mean} ±${t.sd} max ${t.max}\t${t.plan}\t${t.query}`)
    .join('\n');
}

/** The Redmine peer's scripts (shared/peers/redmine): setup.sh, seed.sh N, bench.sh route by route, stop.sh. */
export function redminePeer(opts: { duration: number; warmup: number; connections: number; threads: number }) {
  return {
    async setup() {
      const setup = await run(path.join(PEER, 'setup.sh'), [], { echo: true });
      if (setup.code !== 0) throw new Error('setup.sh failed');
    },
    async seed(tasks: number) {
      if ((await run(path.join(PEER, 'seed.sh'), [String(tasks)], { echo: true })).code !== 0)
        throw new Error('seed.sh failed');
    },
    /** One measured run of a route (after bench.sh's warm-up), read from the TSV bench.sh saved. */
    async bench(route: Route): Promise<WrkResult[]> {
      const b = await run(path.join(PEER, 'bench.sh'), [], {
        echo: true,
        env: {
          ...process.env,
          ROUTES: route,
          DURATION: String(opts.duration),
          WARMUP: String(opts.warmup),
          CONNECTIONS: String(opts.connections),
          THREADS: String(opts.threads),
        },
      });
      const saved = /\(saved: (.+\.tsv)\)/.exec(b.stdout)?.[1];
      if (b.code !== 0 || !saved) throw new Error('bench.sh failed');
      const results: WrkResult[] = [];
      for (const line of fs.readFileSync(saved, 'utf8').split('\n')) {
        const c = line.split('\t');
        if (line.startsWith('#') || c[0] !== route || c.length < 11) continue;
        const n = c.map(Number);
        results.push({
          route,
          requests: n[1]!,
          seconds: n[2]!,
          rps: n[3]!,
          p50: n[4]!,
          p95: n[5]!,
          p99: n[6]!,
          mean: n[7]!,
          max: n[8]!,
          socketErrors: n[9]!,
          non2xx: n[10]!,
        });
      }
      return results;
    },
    async stop() {
      await run(path.join(PEER, 'stop.sh'), [], { echo: true }).catch(() => undefined);
    },
  };
}
