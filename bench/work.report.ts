/**
 * The work benchmark's report: the runs summarised route by route (medians), the Markdown table against the goals,
 * with the peer's figures and the ratios when it ran, the CPU time per request, the checks and the plans' times.
 */
import os from 'node:os';
import type { CpuPerRequest, Route, WrkResult } from './work.load.ts';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
type Summary = {
  rps: number;
  rpsMin: number;
  rpsMax: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
};
function summarise(rs: WrkResult[]): Summary {
  return {
    rps: median(rs.map((r) => r.rps)),
    rpsMin: Math.min(...rs.map((r) => r.rps)),
    rpsMax: Math.max(...rs.map((r) => r.rps)),
    p50: median(rs.map((r) => r.p50)),
    p95: median(rs.map((r) => r.p95)),
    p99: median(rs.map((r) => r.p99)),
    requests: rs.reduce((n, r) => n + r.requests, 0),
    errors: rs.reduce((n, r) => n + r.socketErrors + r.non2xx, 0),
  };
}
const f1 = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

// The issue's goals; page's and mine's p95 are ours (no peer route, so no ratio is printed for them).
const GOALS: Record<Route, { p95: number; ratio: number }> = {
  list: { p95: 30, ratio: 20 },
  show: { p95: 20, ratio: 20 },
  search: { p95: 50, ratio: 20 },
  create: { p95: 50, ratio: 10 },
  page: { p95: 30, ratio: 20 },
  mine: { p95: 50, ratio: 20 },
};
const LABEL: Record<Route, string> = {
  list: 'list: GET /api/tasks?programmeId&status&assigneeAccountId&groupId&pageSize=25',
  show: 'show: GET /api/tasks/:id',
  search: 'search: GET /api/tasks?programmeId&q=…&pageSize=25',
  create: 'create: POST /api/tasks',
  page: "page (not the peer's): GET /api/tasks?programmeId&status&groupId&pageSize=25, full pages at any size",
  mine: "my work (not the peer's): GET /api/my-work?pageSize=25, with its totals by section",
};

export type WorkReport = {
  pgVersion: number;
  where: string;
  settings: { name: string; setting: string }[];
  wrkVersion: string;
  options: {
    tasks: number;
    threads: number;
    connections: number;
    warmup: number;
    duration: number;
    runs: number;
    logLevel: string;
    routes: Route[];
  };
  khoi: Record<Route, WrkResult[]>;
  /** null without the peer */
  redmine: Record<Route, WrkResult[]> | null;
  cpuPerRequest: Record<Route, CpuPerRequest[]>;
  phases: string;
  checks: string[];
  notes: string[];
};

/** The report in Markdown, as printed and appended to bench/RESULTS.md. */
export function workReport(report: WorkReport) {
  const { options: o, khoi, redmine, cpuPerRequest } = report;
  const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`;
  let out = `\n### Work module — ${new Date().toISOString().slice(0, 10)}, ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${report.pgVersion} (${report.where}; ${report.settings.map((s) => `${s.name}=${s.setting}`).join(', ')}), ${report.wrkVersion}\n\n`;
  out += `${o.tasks.toLocaleString('en')} tasks; wrk ${o.threads} thread, ${o.connections} connections, ${o.warmup} s warm-up, ${o.duration} s measured; median of ${o.runs} run(s) (req/s min–max in brackets); latencies in ms; log level ${o.logLevel}.\n\n`;
  if (redmine) {
    out += `| route | Khối req/s | Khối p50 | Khối p95 | Khối p99 | Redmine req/s | Redmine p95 | req/s ratio | p95 goal | errors (Khối / Redmine) |\n|---|---|---|---|---|---|---|---|---|---|\n`;
    for (const r of o.routes) {
      const k = summarise(khoi[r]);
      const m = redmine[r].length ? summarise(redmine[r]) : null;
      const ratio = m ? k.rps / m.rps : NaN;
      out += `| ${LABEL[r]} | ${f1(k.rps)} (${f1(k.rpsMin)}–${f1(k.rpsMax)}) | ${f1(k.p50)} | ${f1(k.p95)} | ${f1(k.p99)} | ${m ? `${f1(m.rps)} (${f1(m.rpsMin)}–${f1(m.rpsMax)})` : '—'} | ${m ? f1(m.p95) : '—'} | ${m ? `${ratio.toFixed(1)}× (goal ≥ ${GOALS[r].ratio}× ${ratio >= GOALS[r].ratio ? '✓' : '✗'})` : '—'} | ≤ ${GOALS[r].p95} ${k.p95 <= GOALS[r].p95 ? '✓' : '✗'} | ${k.errors} / ${m ? m.errors : '—'} |\n`;
    }
  } else {
    out += `| route | req/s | p50 | p95 | p99 | p95 goal | requests | errors |\n|---|---|---|---|---|---|---|---|\n`;
    for (const r of o.routes) {
      const k = summarise(khoi[r]);
      out += `| ${LABEL[r]} | ${f1(k.rps)} (${f1(k.rpsMin)}–${f1(k.rpsMax)}) | ${f1(k.p50)} | ${f1(k.p95)} | ${f1(k.p99)} | ≤ ${GOALS[r].p95} ${k.p95 <= GOALS[r].p95 ? '✓' : '✗'} | ${k.requests} | ${k.errors} |\n`;
    }
  }
  out += `\nCPU time per request (median of the runs; Node is the server's process with its database driver, PostgreSQL its server's processes): ${o.routes
    .map((r) => {
      const c = cpuPerRequest[r];
      const pg = c.every((x) => x.pg !== null) ? ` + PostgreSQL ${median(c.map((x) => x.pg!)).toFixed(2)}` : '';
      return `${r} Node ${median(c.map((x) => x.node)).toFixed(2)}${pg} ms`;
    })
    .join('; ')}.\n`;
  out += `\n${report.phases}.\n`;
  out += `\nChecks:\n${report.checks.map((c) => `- ${c}`).join('\n')}\n`;
  out += `\nIn the database after the load (EXPLAIN ANALYZE, the officer's scope; --plans prints the plans):\n${report.notes.map((c) => `- ${c}`).join('\n')}\n`;
  return out;
}
