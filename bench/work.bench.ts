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
import inspector from 'node:inspector';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { CompiledQuery, sql } from 'kysely';
import { startEmbedded } from '../server/db/embedded.ts';
import { dropDatabase, ensureDatabase, openDatabase, withDatabase, serverVersion } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { importCatalogue } from '../server/features/units/catalogue.import.ts';
import { loadBuiltInCatalogue } from '../server/features/units/catalogue.plan.ts';
import { fold } from '../server/i18n/names.ts';
import { buildApp } from '../server/app.ts';
import { parseEnv } from '../server/env.ts';
import { systemClock, localDate } from '../server/clock.ts';
import { argon2Hasher } from '../server/security/passwords.ts';
import { createAccount } from '../server/features/accounts/accounts.service.ts';
import { createToken } from '../server/features/tokens/tokens.service.ts';
import { diskFileStore } from '../server/storage/file-store.ts';
import { listTasksStatement } from '../server/features/work/task.list.repository.ts';
import type { WorkCaller } from '../server/features/work/work.scope.ts';
import { createBodyMaker, describeCreatePhases, measureCreatePhases } from './create-phases.ts';
import { taskVisible } from '../server/features/work/work.scope.repository.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
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
// 'page' is not the peer's: status + group only, so that every page holds 25 rows at 10,000 tasks as at 100,000
// (the list's three filters match 7 tasks on average at 10,000 and 72 at 100,000: a page of 7 rows against one of 25).
// 'mine' is not the peer's either: the officer's "my work" (GET /api/my-work), the first page of the day.
const ALL_ROUTES = ['list', 'show', 'search', 'create', 'page', 'mine'] as const;
type Route = (typeof ALL_ROUTES)[number];
const ROUTES = (arg('routes')?.split(',') ?? ALL_ROUTES) as Route[];
if (!ROUTES.every((r) => (ALL_ROUTES as readonly string[]).includes(r)))
  throw new Error(`--routes: a comma-separated subset of ${ALL_ROUTES.join(',')}`);
if (!(TASKS >= 100 && DURATION >= 1 && RUNS >= 1 && ['session', 'token'].includes(AUTH))) {
  throw new Error(
    'usage: work.bench.ts [--tasks N≥100] [--duration S] [--warmup S] [--runs R] [--auth session|token] [--database-url URL] [--with-redmine]',
  );
}

/** CPU seconds used so far by a PostgreSQL server: its postmaster and every process it started (from /proc). */
function postgresCpuSeconds(pgData: string): number | null {
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

/** A CPU profile of this thread (the server's) while the load runs; the file opens in Chrome's DevTools. */
async function startProfile() {
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

const HERE = path.dirname(new URL(import.meta.url).pathname);
const PEER = path.resolve(HERE, '../../shared/peers/redmine');
const actor = { accountId: null, label: 'bench' };
const say = (m: string) => console.log(`[bench:work] ${m}`);

// The peer's seed.rb word lists, so that its 18 search terms hit the same 5–7 % of titles.
const GROUPS = [
  'Hạ tầng đường phố',
  'Cấp thoát nước',
  'Điện chiếu sáng',
  'Cây xanh – công viên',
  'Cửa khẩu Bắc Luân',
  'Chợ trung tâm',
  'Du lịch Trà Cổ',
  'Y tế cộng đồng',
  'Giáo dục mầm non',
  'Môi trường đô thị',
  'An ninh trật tự',
  'Giao thông vận tải',
  'Văn hóa – lễ hội',
  'Chuyển đổi số',
  'Tài chính – ngân sách',
];
const PEOPLE = [
  'Nguyễn Văn An',
  'Trần Thị Bích',
  'Lê Hoàng Cường',
  'Phạm Thị Dung',
  'Hoàng Minh Đức',
  'Vũ Thị Giang',
  'Đặng Quốc Hải',
  'Bùi Thị Hương',
  'Đỗ Văn Khánh',
  'Hồ Thị Lan',
  'Ngô Đức Mạnh',
  'Dương Thị Ngọc',
  'Lý Văn Phúc',
  'Phan Thị Quỳnh',
  'Trịnh Công Sơn',
  'Đinh Thị Thảo',
  'Mai Xuân Trường',
  'Tạ Thị Uyên',
  'Châu Quang Vinh',
  'Lương Thị Yến',
];
const VERBS = [
  'Kiểm tra',
  'Sửa chữa',
  'Lắp đặt',
  'Nâng cấp',
  'Khảo sát',
  'Lập dự toán cho',
  'Nghiệm thu',
  'Bảo trì',
  'Thay mới',
  'Rà soát',
  'Báo cáo tiến độ',
  'Tổ chức',
  'Phê duyệt hồ sơ',
  'Vệ sinh',
  'Đánh giá hiện trạng',
];
const OBJECTS = [
  'hệ thống thoát nước',
  'đèn chiếu sáng',
  'vỉa hè',
  'mặt đường nhựa',
  'cống hộp',
  'trạm biến áp',
  'cây xanh',
  'biển báo giao thông',
  'camera an ninh',
  'nhà vệ sinh công cộng',
  'bãi đỗ xe',
  'điểm thu gom rác',
  'trường mầm non',
  'trạm y tế',
  'sân khấu lễ hội',
  'cổng thông tin điện tử',
  'kè chắn sóng',
  'hồ điều hòa',
  'chợ đêm',
  'bến xe khách',
];
const PLACES = [
  'phường Ka Long',
  'phường Trần Phú',
  'phường Hòa Lạc',
  'phường Ninh Dương',
  'phường Hải Yên',
  'phường Trà Cổ',
  'phường Bình Ngọc',
  'phường Hải Hòa',
  'xã Hải Xuân',
  'xã Vạn Ninh',
  'xã Hải Đông',
  'xã Quảng Nghĩa',
  'đường Hùng Vương',
  'đường Đại lộ Hòa Bình',
  'khu cửa khẩu Bắc Luân',
];
const DETAILS = [
  'Ưu tiên hoàn thành trước mùa mưa bão.',
  'Phối hợp với UBND phường để bàn giao mặt bằng.',
  'Cần bổ sung ảnh hiện trạng và biên bản.',
  'Người dân phản ánh qua đường dây nóng.',
  'Đề nghị phòng Tài chính bố trí kinh phí.',
  'Theo kế hoạch số 12/KH-UBND năm 2026.',
  'Đã khảo sát sơ bộ, chờ ý kiến chỉ đạo.',
  'Liên hệ đội thi công để chốt lịch.',
];
// The peer's status weights (New 30, In Progress 25, Resolved 10, Feedback 10, Closed 20, Rejected 5) in Khối's workflow.
const STATUS_WEIGHTS: [string, number][] = [
  ['assigned', 30],
  ['in_progress', 25],
  ['reported_done', 10],
  ['returned', 10],
  ['accepted', 20],
  ['cancelled', 5],
];
const STATUS_BAG = STATUS_WEIGHTS.flatMap(([s, w]) => Array<string>(w).fill(s));
const SEARCH_TERMS = [
  'thoát nước',
  'đèn chiếu sáng',
  'vỉa hè',
  'trạm biến áp',
  'camera an ninh',
  'Ka Long',
  'Trà Cổ',
  'Hùng Vương',
  'kè chắn sóng',
  'chợ đêm',
  'nghiệm thu',
  'bảo trì',
  'hồ điều hòa',
  'bến xe',
  'mầm non',
  'Bắc Luân',
  'cây xanh',
  'Hải Yên',
];

// A seeded generator, so two sittings generate the same data (mulberry32).
let seed = Number(arg('seed') ?? 2026) >>> 0;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

type WrkResult = {
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

function run(
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

const median = (xs: number[]) => {
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
  const t0 = Date.now();
  await importCatalogue(db, actor, loadBuiltInCatalogue(), { provinces: ['22'] });
  const today = localDate(systemClock.now());
  const unitId = (
    await sql<{
      unit_id: string;
    }>`select unit_id from unit_tree where code = '06712' and (valid_to is null or valid_to > ${today}::date) and (valid_from is null or valid_from <= ${today}::date)`.execute(
      db,
    )
  ).rows[0]!.unit_id;
  const body = async (kind: string, name: string) =>
    (
      await db
        .insertInto('bodies')
        .values({ unit_id: unitId, kind, name, valid_from: '2025-07-01' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const owner = await body('front', 'Ủy ban MTTQ Phường Móng Cái 1');
  const bodies = [
    owner,
    await body('womens_union', 'Hội LHPN Phường Móng Cái 1'),
    await body('youth_union', 'Đoàn TN Phường Móng Cái 1'),
    await body('farmers_union', 'Hội Nông dân Phường Móng Cái 1'),
    await body('veterans', 'Hội Cựu chiến binh Phường Móng Cái 1'),
  ];
  const ctx = {
    env,
    db,
    clock: systemClock,
    passwords: argon2Hasher('production'),
    dbMode: 'external' as const,
    setupToken: crypto.randomBytes(18).toString('base64url'),
    files: diskFileStore(path.join(dataDir, 'files')),
  };
  const PASSWORD = `bench-${crypto.randomBytes(6).toString('hex')}`;
  const officers: { accountId: string; personId: string; username: string }[] = [];
  for (const [i, name] of PEOPLE.entries()) {
    const personId = (
      await db.insertInto('people').values({ full_name: name }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const username = `canbo${String(i + 1).padStart(2, '0')}`;
    const a = await createAccount(ctx, actor, {
      username,
      displayName: name,
      password: PASSWORD,
      isAdmin: false,
      mustChangePassword: false,
      personId,
    });
    await db.insertInto('role_assignments').values({ account_id: a.id, role: 'officer', unit_id: unitId }).execute();
    officers.push({ accountId: a.id, personId, username });
  }
  const programmeId = (
    await db
      .insertInto('programmes')
      .values({
        body_id: owner,
        year: 2026,
        title: 'Chương trình công tác năm 2026 của Ủy ban MTTQ Phường Móng Cái 1',
        created_by: officers[0]!.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const groups: string[] = [];
  for (const [i, name] of GROUPS.entries())
    groups.push(
      (
        await db
          .insertInto('task_groups')
          .values({ programme_id: programmeId, position: i + 1, name, lead_body_id: pick(bodies) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );

  const TASKS_TITLES: string[] = [];
  const TASKS_FOLDED: string[] = [];
  const BATCH = 5000;
  for (let from = 0; from < TASKS; from += BATCH) {
    const cols = {
      number: [] as number[],
      group: [] as string[],
      kind: [] as string[],
      title: [] as string[],
      fold: [] as string[],
      description: [] as string[],
      lead: [] as string[],
      person: [] as string[],
      assignee: [] as string[],
      start: [] as string[],
      due: [] as string[],
      priority: [] as string[],
      status: [] as string[],
      progress: [] as number[],
      doneOn: [] as (string | null)[],
    };
    const coops: [number, string][] = [];
    for (let n = from + 1; n <= Math.min(TASKS, from + BATCH); n++) {
      const title = `${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)}`;
      const start = Math.floor(rand() * 300);
      const due = start + 1 + Math.floor(rand() * 60);
      const status = pick(STATUS_BAG);
      const lead = pick(bodies);
      const officer = pick(officers);
      cols.number.push(n);
      cols.group.push(pick(groups));
      cols.kind.push(rand() < 0.8 ? 'shared' : 'specialised');
      cols.title.push(title);
      cols.fold.push(fold(title));
      TASKS_TITLES.push(title);
      TASKS_FOLDED.push(fold(title));
      cols.description.push(`${pick(DETAILS)} ${pick(DETAILS)}`);
      cols.lead.push(lead);
      cols.person.push(pick(officers).personId);
      cols.assignee.push(officer.accountId);
      cols.start.push(day(start));
      cols.due.push(day(due));
      cols.priority.push(pick(['high', 'normal', 'normal', 'low']));
      cols.status.push(status);
      cols.progress.push(
        status === 'accepted' || status === 'reported_done'
          ? 100
          : status === 'cancelled'
            ? 0
            : pick([0, 10, 30, 50, 80]),
      );
      cols.doneOn.push(
        status === 'accepted' || status === 'reported_done'
          ? day(Math.max(start, due - Math.floor(rand() * 10)))
          : null,
      );
      const others = bodies.filter((b) => b !== lead);
      const k = Math.floor(rand() * 3);
      for (let j = 0; j < k; j++) coops.push([n, others.splice(Math.floor(rand() * others.length), 1)[0]!]);
    }
    await sql`
      insert into tasks (programme_id, number, group_id, kind, title, title_fold, description, lead_body_id, unit_id, responsible_person_id, assignee_account_id,
                         start_date, due_date, original_due_date, priority, status, reported_progress, reported_done_on, accepted_on, accepted_by, created_by)
      select ${programmeId}::uuid, u.number, u.group_id, u.kind, u.title, u.title_fold, u.description, u.lead, ${unitId}::uuid, u.person, u.assignee,
             u.start_date, u.due_date, u.due_date, u.priority, u.status, u.progress, u.done_on,
             case when u.status = 'accepted' then u.done_on end, case when u.status = 'accepted' then ${officers[0]!.accountId}::uuid end, ${officers[0]!.accountId}::uuid
        from unnest(${cols.number}::int[], ${cols.group}::uuid[], ${cols.kind}::text[], ${cols.title}::text[], ${cols.fold}::text[], ${cols.description}::text[],
                    ${cols.lead}::uuid[], ${cols.person}::uuid[], ${cols.assignee}::uuid[], ${cols.start}::date[], ${cols.due}::date[], ${cols.priority}::text[],
                    ${cols.status}::text[], ${cols.progress}::smallint[], ${cols.doneOn}::date[])
          as u(number, group_id, kind, title, title_fold, description, lead, person, assignee, start_date, due_date, priority, status, progress, done_on)`.execute(
      db,
    );
    if (coops.length)
      await sql`
        insert into task_cooperators (task_id, body_id)
        select t.id, c.body_id from unnest(${coops.map((c) => c[0])}::int[], ${coops.map((c) => c[1])}::uuid[]) as c(number, body_id)
          join tasks t on t.programme_id = ${programmeId}::uuid and t.number = c.number`.execute(db);
  }
  // History as the service writes it: the assignment, then the latest progress report of tasks under way.
  await sql`insert into task_updates (task_id, kind, from_status, to_status, entered_by, created_at)
    select id, 'status', 'draft', 'assigned', created_by, (start_date::timestamp + interval '8 hours') at time zone 'Asia/Ho_Chi_Minh' from tasks where programme_id = ${programmeId}::uuid`.execute(
    db,
  );
  await sql`insert into task_updates (task_id, kind, progress, note, reported_by_person_id, reported_on, entered_by, created_at)
    select id, 'progress', reported_progress, 'Đã triển khai theo kế hoạch.', responsible_person_id, least(coalesce(reported_done_on, start_date + 1), ${today}::date), assignee_account_id,
           (least(coalesce(reported_done_on, start_date + 1), ${today}::date)::timestamp + interval '16 hours') at time zone 'Asia/Ho_Chi_Minh'
      from tasks where programme_id = ${programmeId}::uuid and status <> 'assigned' and reported_progress > 0`.execute(
    db,
  );
  await db.updateTable('programmes').set({ task_counter: TASKS }).where('id', '=', programmeId).execute();
  await sql`vacuum analyze`.execute(db);
  await sql`checkpoint`.execute(db).catch(() => undefined);
  const counts = (
    await sql<{
      tasks: number;
      coops: number;
      updates: number;
    }>`select (select count(*)::int from tasks) as tasks, (select count(*)::int from task_cooperators) as coops, (select count(*)::int from task_updates) as updates`.execute(
      db,
    )
  ).rows[0]!;
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
  let authHeader: string;
  let csrf = '';
  if (AUTH === 'token') {
    const { secret } = await createToken(
      { app: ctx, actor: { ...actor, accountId: me.accountId }, caller: { accountId: me.accountId }, lang: 'vi' },
      { name: 'bench' },
    );
    authHeader = `Authorization: Bearer ${secret}`;
  } else {
    const r = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ login: me.username, password: PASSWORD }),
    });
    if (r.status !== 200) throw new Error(`login: ${r.status} ${await r.text()}`);
    const cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('khoi_session='));
    csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    authHeader = `Cookie: ${cookie}`;
  }
  const [hName, hValue] = [
    authHeader.slice(0, authHeader.indexOf(':')),
    authHeader.slice(authHeader.indexOf(':') + 1).trim(),
  ];
  const sizes: Record<string, number[]> = {};
  const get = async (p: string, kind = 'other') => {
    const r = await fetch(origin + p, { headers: { [hName]: hValue } });
    const text = await r.text();
    if (r.status !== 200) throw new Error(`GET ${p}: ${r.status} ${text}`);
    (sizes[kind] ??= []).push(Buffer.byteLength(text));
    return JSON.parse(text) as { total: number; items: { id: string; title: string }[] };
  };

  // ---- Correctness before speed: exact totals, diacritics-insensitive search, an officer (not an admin).
  const checks: string[] = [];
  const isAdmin = (
    await db.selectFrom('accounts').select('is_admin').where('id', '=', me.accountId).executeTakeFirstOrThrow()
  ).is_admin;
  checks.push(
    `caller ${me.username}: officer on 06712, is_admin=${isAdmin}, auth by ${AUTH === 'token' ? 'personal API token' : 'session cookie + CSRF token'}`,
  );
  const all = await get(`/api/tasks?programmeId=${programmeId}&pageSize=1`);
  if (all.total !== TASKS) throw new Error(`list total ${all.total} ≠ ${TASKS}`);
  const q = (term: string) =>
    get(`/api/tasks?programmeId=${programmeId}&q=${encodeURIComponent(term)}&pageSize=25`, 'search');
  const [accented, bare, lower] = [await q('Trà Cổ'), await q('Tra Co'), await q('trà cổ')];
  // Folded titles are the truth (JS fold, as the service writes them); "tra co" also matches "Kiểm tra cống hộp".
  const folded = TASKS_FOLDED.filter((t) => t.includes('tra co')).length;
  const exact = TASKS_TITLES.filter((t) => t.includes('Trà Cổ')).length;
  if (accented.total !== bare.total || accented.total !== lower.total || accented.total !== folded)
    throw new Error(
      `search: "Trà Cổ" ${accented.total}, "Tra Co" ${bare.total}, "trà cổ" ${lower.total}, folded titles ${folded}`,
    );
  checks.push(
    `search: "Trà Cổ" ${accented.total}, "Tra Co" ${bare.total}, "trà cổ" ${lower.total} — equal, and equal to the generated titles whose fold contains "tra co" (${exact} contain "Trà Cổ" as written; the rest are e.g. "Kiểm tra cống hộp")`,
  );
  const hits: number[] = [];
  for (const term of SEARCH_TERMS) hits.push((await q(term)).total);
  checks.push(
    `the peer's 18 terms hit ${((Math.min(...hits) / TASKS) * 100).toFixed(1)}–${((Math.max(...hits) / TASKS) * 100).toFixed(1)} % of the tasks (median ${median(hits)})`,
  );
  let listTotal = 0;
  for (let i = 0; i < 50; i++)
    listTotal += (
      await get(
        `/api/tasks?programmeId=${programmeId}&status=${pick(STATUS_BAG)}&assigneeAccountId=${pick(officers).accountId}&groupId=${pick(groups)}&pageSize=25`,
        'list',
      )
    ).total;
  checks.push(
    `list (status + assignee + group, as Redmine's status + assignee + category): ${(listTotal / 50).toFixed(1)} matching tasks on average`,
  );
  let pageTotal = 0;
  for (let i = 0; i < 50; i++)
    pageTotal += (
      await get(
        `/api/tasks?programmeId=${programmeId}&status=${pick(STATUS_BAG)}&groupId=${pick(groups)}&pageSize=25`,
        'page',
      )
    ).total;
  checks.push(`page (status + group): ${(pageTotal / 50).toFixed(1)} matching tasks on average`);
  const mine = (await get(`/api/my-work?pageSize=25`, 'mine')) as unknown as {
    total: number;
    items: unknown[];
    sections: { overdue: number; dueSoon: number; rest: number };
  };
  const { overdue, dueSoon, rest } = mine.sections;
  if (overdue + dueSoon + rest !== mine.total || mine.items.length !== Math.min(25, mine.total))
    throw new Error(`my work: total ${mine.total}, sections ${overdue}+${dueSoon}+${rest}, ${mine.items.length} rows`);
  checks.push(
    `my work (the officer's): ${mine.total} tasks (${overdue} overdue, ${dueSoon} due within 7 days, ${rest} more), the first 25 sent`,
  );
  for (const t of accented.items.slice(0, 20)) await get(`/api/tasks/${t.id}`, 'show');
  const kb = (k: string) => (sizes[k]!.reduce((a, b) => a + b, 0) / sizes[k]!.length / 1024).toFixed(1);
  checks.push(
    `response bodies (JSON, mean): list ${kb('list')} KiB, page ${kb('page')} KiB, one task ${kb('show')} KiB, search ${kb('search')} KiB, my work ${kb('mine')} KiB`,
  );
  for (const c of checks) say(c);

  const ids = (
    await sql<{ id: string }>`select id from tasks where programme_id = ${programmeId}::uuid order by random()`.execute(
      db,
    )
  ).rows.map((r) => r.id);
  const idsFile = path.join(dataDir, 'ids.txt');
  fs.writeFileSync(idsFile, ids.join('\n') + '\n');
  const wrkEnv = {
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
  };
  const wrk = async (route: Route, seconds: number): Promise<WrkResult | null> => {
    const r = await run(
      'wrk',
      [
        `-t${THREADS}`,
        `-c${CONNECTIONS}`,
        `-d${seconds}s`,
        '--timeout',
        '30s',
        '-s',
        path.join(HERE, 'work.lua'),
        origin,
      ],
      { env: { ...wrkEnv, ROUTE: route }, timeoutMs: (seconds + 40) * 1000 },
    );
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) {
      console.error(r.stdout, r.stderr);
      return null;
    }
    return JSON.parse(line.slice(7)) as WrkResult;
  };

  // ---- Khối and, with --with-redmine, the peer in the same sitting, interleaved route by route (Khối's list, the
  // peer's list, Khối's one task, …): this virtual machine's speed drifts by a third over minutes, and interleaving
  // lets both sides meet the same drift. Each route runs after an unrecorded warm-up; the tasks Khối's create made
  // are removed between runs, and the peer is re-seeded before each run (seed.sh drops the issues bench.sh POSTed).
  const khoi: Record<Route, WrkResult[]> = { list: [], show: [], search: [], create: [], page: [], mine: [] };
  const redmine: Record<Route, WrkResult[]> = { list: [], show: [], search: [], create: [], page: [], mine: [] };
  const cpuPerRequest: Record<Route, { node: number; pg: number | null }[]> = {
    list: [],
    show: [],
    search: [],
    create: [],
    page: [],
    mine: [],
  };
  const PEER_ROUTES: readonly Route[] = ['list', 'show', 'search', 'create'];
  if (WITH_REDMINE) {
    say('Redmine peer: setup.sh');
    const setup = await run(path.join(PEER, 'setup.sh'), [], { echo: true });
    if (setup.code !== 0) throw new Error('setup.sh failed');
    redmineUp = true;
  }
  const redmineRoute = async (route: Route) => {
    const b = await run(path.join(PEER, 'bench.sh'), [], {
      echo: true,
      env: {
        ...process.env,
        ROUTES: route,
        DURATION: String(DURATION),
        WARMUP: String(WARMUP),
        CONNECTIONS: String(CONNECTIONS),
        THREADS: String(THREADS),
      },
    });
    const saved = /\(saved: (.+\.tsv)\)/.exec(b.stdout)?.[1];
    if (b.code !== 0 || !saved) throw new Error('bench.sh failed');
    for (const line of fs.readFileSync(saved, 'utf8').split('\n')) {
      const c = line.split('\t');
      if (line.startsWith('#') || c[0] !== route || c.length < 11) continue;
      const n = c.map(Number);
      redmine[route].push({
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
  };
  for (let runNo = 1; runNo <= RUNS; runNo++) {
    if (runNo > 1) {
      await sql`delete from task_updates where task_id in (select id from tasks where programme_id = ${programmeId}::uuid and number > ${TASKS})`.execute(
        db,
      );
      await sql`delete from task_cooperators where task_id in (select id from tasks where programme_id = ${programmeId}::uuid and number > ${TASKS})`.execute(
        db,
      );
      await sql`delete from tasks where programme_id = ${programmeId}::uuid and number > ${TASKS}`.execute(db);
      await db.updateTable('programmes').set({ task_counter: TASKS }).where('id', '=', programmeId).execute();
      await sql`vacuum analyze`.execute(db);
      await sql`checkpoint`.execute(db).catch(() => undefined);
    }
    if (WITH_REDMINE) {
      say(`Redmine run ${runNo}/${RUNS}: seed.sh ${REDMINE_TASKS}`);
      if ((await run(path.join(PEER, 'seed.sh'), [String(REDMINE_TASKS)], { echo: true })).code !== 0)
        throw new Error('seed.sh failed');
    }
    for (const route of ROUTES) {
      if (WARMUP > 0) await wrk(route, WARMUP);
      if (STATEMENTS) await sql`select pg_stat_statements_reset()`.execute(db);
      const profiling = CPU_PROFILE ? await startProfile() : null;
      const pgData = PG_DATA ?? (server ? path.join(dataDir, 'pg', 'pg') : null);
      const cpu0 = { node: process.cpuUsage(), pg: pgData ? postgresCpuSeconds(pgData) : null };
      const r = await wrk(route, DURATION);
      if (r) {
        const n = process.cpuUsage(cpu0.node);
        const pg1 = pgData ? postgresCpuSeconds(pgData) : null;
        cpuPerRequest[route].push({
          node: (n.user + n.system) / 1000 / r.requests,
          pg: cpu0.pg !== null && pg1 !== null ? ((pg1 - cpu0.pg) * 1000) / r.requests : null,
        });
      }
      if (profiling) await profiling.stop(path.join(CPU_PROFILE!, `${route}-${runNo}.cpuprofile`));
      if (STATEMENTS) {
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
        say(
          `${route}: top statements (calls, total ms, mean exec ms, mean plan ms):\n${top.rows.map((t) => `    ${t.calls}\t${t.total}\t${t.mean} ±${t.sd} max ${t.max}\t${t.plan}\t${t.query}`).join('\n')}`,
        );
      }
      if (!r) throw new Error(`wrk failed on ${route}`);
      khoi[route].push(r);
      const c = cpuPerRequest[route].at(-1)!;
      say(
        `run ${runNo}/${RUNS} ${route}: ${r.rps.toFixed(1)} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.requests} requests, ${r.socketErrors} socket errors, ${r.non2xx} non-2xx; CPU per request: Node ${c.node.toFixed(2)} ms${c.pg === null ? '' : `, PostgreSQL ${c.pg.toFixed(2)} ms`}`,
      );
      if (WITH_REDMINE && PEER_ROUTES.includes(route)) {
        await redmineRoute(route);
        const m = redmine[route].at(-1);
        if (m) say(`run ${runNo}/${RUNS} Redmine ${route}: ${m.rps.toFixed(1)} req/s, p95 ${m.p95} ms`);
      }
    }
  }
  await app.close();
  // After the server has closed (no create still committing), in one snapshot.
  const made = (
    await sql<{ created: number; audited: number }>`select
      (select count(*)::int from tasks where number > ${TASKS}) as created,
      (select count(*)::int from audit_log where table_name = 'tasks' and action = 'create' and record_id in (select id::text from tasks where number > ${TASKS})) as audited`.execute(
      db,
    )
  ).rows[0]!;
  checks.push(
    `create (last run, warm-up included): ${made.created} tasks in the database, ${made.audited} audit rows of their creation`,
  );

  // ---- Where the time goes, in the database: EXPLAIN ANALYZE of the queries behind the routes (the officer's scope).
  const caller: WorkCaller = { accountId: me.accountId, isAdmin: false, personId: me.personId, today };
  const plans: string[] = [];
  const notes: string[] = [];
  const explain = async (label: string, compiled: { sql: string; parameters: readonly unknown[] }) => {
    const r = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]),
    );
    const lines = r.rows.map((x) => x['QUERY PLAN']);
    const exec = lines.find((l) => l.startsWith('Execution Time'));
    notes.push(`${label}: ${exec ?? '?'}`);
    plans.push(`-- ${label}\n${compiled.sql}\n${lines.join('\n')}\n`);
  };
  const oneId = ids[0]!;
  await explain(
    'scope alone: visible_task_ids(officer, today), every call',
    sql`select count(*) from visible_task_ids(${me.accountId}::uuid, ${today}::date)`.compile(db),
  );
  await explain(
    'show: the scope check of one task',
    db.selectFrom('tasks as t').select('t.id').where('t.id', '=', oneId).where(taskVisible(caller)).compile(),
  );
  // The list's statement as the service builds it (task.list.repository.ts listTasksStatement): the matches counted and
  // sorted to the page, with the page's rows.
  const listOf = (q: Record<string, unknown>) =>
    listTasksStatement(db, caller, { programmeId, page: 1, pageSize: 25, ...q });
  await explain(
    'list (status + assignee + group): the page with the total',
    listOf({ status: 'in_progress', assigneeAccountId: officers[0]!.accountId, groupId: groups[0]! }),
  );
  await explain(
    'page (status + group): the page with the total',
    listOf({ status: 'in_progress', groupId: groups[0]! }),
  );
  await explain('search "Trà Cổ": the page with the total', listOf({ q: 'Trà Cổ' }));
  await explain('search "thoát nước": the page with the total', listOf({ q: 'thoát nước' }));
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
  const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`;
  const wrkV = (await run('wrk', ['-v'])).stdout.split('\n')[0]?.trim() ?? 'wrk';
  let out = `\n### Work module — ${new Date().toISOString().slice(0, 10)}, ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgv} (${external ? 'external' : 'embedded'}; ${settings.map((s) => `${s.name}=${s.setting}`).join(', ')}), ${wrkV}\n\n`;
  out += `${TASKS.toLocaleString('en')} tasks; wrk ${THREADS} thread, ${CONNECTIONS} connections, ${WARMUP} s warm-up, ${DURATION} s measured; median of ${RUNS} run(s) (req/s min–max in brackets); latencies in ms; log level ${LOG_LEVEL}.\n\n`;
  if (WITH_REDMINE) {
    out += `| route | Khối req/s | Khối p50 | Khối p95 | Khối p99 | Redmine req/s | Redmine p95 | req/s ratio | p95 goal | errors (Khối / Redmine) |\n|---|---|---|---|---|---|---|---|---|---|\n`;
    for (const r of ROUTES) {
      const k = summarise(khoi[r]);
      const m = redmine[r].length ? summarise(redmine[r]) : null;
      const ratio = m ? k.rps / m.rps : NaN;
      out += `| ${LABEL[r]} | ${f1(k.rps)} (${f1(k.rpsMin)}–${f1(k.rpsMax)}) | ${f1(k.p50)} | ${f1(k.p95)} | ${f1(k.p99)} | ${m ? `${f1(m.rps)} (${f1(m.rpsMin)}–${f1(m.rpsMax)})` : '—'} | ${m ? f1(m.p95) : '—'} | ${m ? `${ratio.toFixed(1)}× (goal ≥ ${GOALS[r].ratio}× ${ratio >= GOALS[r].ratio ? '✓' : '✗'})` : '—'} | ≤ ${GOALS[r].p95} ${k.p95 <= GOALS[r].p95 ? '✓' : '✗'} | ${k.errors} / ${m ? m.errors : '—'} |\n`;
    }
  } else {
    out += `| route | req/s | p50 | p95 | p99 | p95 goal | requests | errors |\n|---|---|---|---|---|---|---|---|\n`;
    for (const r of ROUTES) {
      const k = summarise(khoi[r]);
      out += `| ${LABEL[r]} | ${f1(k.rps)} (${f1(k.rpsMin)}–${f1(k.rpsMax)}) | ${f1(k.p50)} | ${f1(k.p95)} | ${f1(k.p99)} | ≤ ${GOALS[r].p95} ${k.p95 <= GOALS[r].p95 ? '✓' : '✗'} | ${k.requests} | ${k.errors} |\n`;
    }
  }
  out += `\nCPU time per request (median of the runs; Node is the server's process with its database driver, PostgreSQL its server's processes): ${ROUTES.map(
    (r) => {
      const c = cpuPerRequest[r];
      const pg = c.every((x) => x.pg !== null) ? ` + PostgreSQL ${median(c.map((x) => x.pg!)).toFixed(2)}` : '';
      return `${r} Node ${median(c.map((x) => x.node)).toFixed(2)}${pg} ms`;
    },
  ).join('; ')}.\n`;
  out += `\n${phases}.\n`;
  out += `\nChecks:\n${checks.map((c) => `- ${c}`).join('\n')}\n`;
  out += `\nIn the database after the load (EXPLAIN ANALYZE, the officer's scope; --plans prints the plans):\n${notes.map((c) => `- ${c}`).join('\n')}\n`;
  console.log(out);
  if (flag('write')) fs.appendFileSync(path.join(HERE, 'RESULTS.md'), out);
} finally {
  if (redmineUp) await run(path.join(PEER, 'stop.sh'), [], { echo: true }).catch(() => undefined);
  await handle.close();
  // An external server keeps the generated database only when asked (--keep-database: to explain or profile it after).
  if (external && !KEEP_DATABASE) await dropDatabase(base, dbName);
  else if (external) console.log(`kept: ${url}`);
  if (server) await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
