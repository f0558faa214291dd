/**
 * Reporting benchmark (issue 20). Not part of `npm test`.
 *   npm run bench:reporting [-- --provinces all|22,01] [-- --villages 30] [-- --indicators 50] [-- --approvals 200]
 *                           [-- --requests 3000] [-- --database-url postgres://…] [-- --write]
 * Starts a throwaway embedded PostgreSQL 18 (fsync on) unless --database-url is given, imports the real units of the
 * provinces named (the built-in catalogue; default Quảng Ninh, `all`: the country, 3,321 communes after the reform),
 * adds N villages under each commune of today, and writes a year (2026) of monthly
 * reports of every village with every indicator, approved (set-based, as a bulk import writes them), then builds the
 * totals with rebuildTotals. It then measures: approving one village report (its values added into every ancestor
 * total in the approval's transaction, as the submissions service does), alone and four at a time; totals over HTTP
 * with 10 concurrent clients signed in with a session (a viewer of the province: scope checked on every request),
 * a bare Fastify route beside it; pivots of every indicator × the province's communes, × 12 months, and × the
 * whole country's provinces; and checks that the totals equal a fresh recomputation. --write appends the Markdown to bench/RESULTS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { inTransaction } from '../server/db/tx.ts';
import { actingAs, createAccount } from '../server/features/accounts/accounts.service.ts';
import { importCatalogue } from '../server/features/units/catalogue.import.ts';
import { loadBuiltInCatalogue } from '../server/features/units/catalogue.plan.ts';
import { addToTotals, rebuildTotals } from '../server/features/reporting/totals.write.repository.ts';
import { settleTotals } from '../server/features/reporting/totals.settle.service.ts';
import { totalsAndFresh } from '../server/features/reporting/totals.testkit.ts';
import { arg, benchContext, benchDatabase, resultsHeading, resultTable, stats } from './bench-kit.ts';
import { run, type WrkResult } from './work.load.ts';

const PER_COMMUNE = Number(arg('villages') ?? 30);
const INDICATORS = Number(arg('indicators') ?? 50);
const APPROVALS = Number(arg('approvals') ?? 200);
const REQUESTS = Number(arg('requests') ?? 3000);
const PROVINCES = arg('provinces') ?? '22';
const CLIENTS = 10;
const TODAY = '2026-03-02';
const actor = { accountId: null, label: 'bench' };

async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await fn();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
const fmt = (s: ReturnType<typeof stats>) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n = ${s.n})`;

/** Runs `total` calls of `fn` from `clients` concurrent loops; each call's time, and the calls per second. */
async function load(clients: number, total: number, fn: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const [, t] = await timeIt(() => fn(i));
        times.push(t);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { s: stats(times), rps: total / seconds };
}

const bench = await benchDatabase('reporting', { poolSize: 12 });
const { db, external } = bench;
const { rows, out } = resultTable();
let seed = 2026;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

try {
  const pgv = await bench.version();
  await importCatalogue(
    db,
    actor,
    loadBuiltInCatalogue(),
    PROVINCES === 'all' ? {} : { provinces: PROVINCES.split(',') },
  );
  // N villages under each commune in force today, with an open start.
  await timeIt(() =>
    sql`
      with communes as (
        select t.unit_id, t.code from unit_tree t
         where t.level = 3 and (t.valid_from is null or t.valid_from <= ${TODAY}::date) and (t.valid_to is null or ${TODAY}::date < t.valid_to)
      ), slots as (
        select c.unit_id, c.code, g, row_number() over () as k from communes c cross join generate_series(1, ${PER_COMMUNE}) g
      ), made as (
        insert into units (level) select 4 from slots returning id
      ), numbered as (select id, row_number() over () as k from made)
      insert into unit_versions (unit_id, valid_from, valid_to, code, name, kind, parent_id, source)
      select n.id, null, null, s.code || '-' || lpad(s.g::text, 3, '0'), 'Thôn ' || s.g, 'village', s.unit_id, 'bench'
        from numbered n join slots s using (k)`.execute(db),
  );
  const { rebuildTree } = await import('../server/features/units/index.ts');
  await inTransaction(db, actor, (trx) => rebuildTree(trx));
  const villages = (
    await sql<{ unit_id: string; code: string; parent_code: string; top: string }>`
      select t.unit_id, t.code, p.code as parent_code, split_part(t.path::text, '.', 1) as top
        from unit_tree t join unit_tree p on p.unit_id = t.parent_id
       and (p.valid_from is null or p.valid_from <= ${TODAY}::date) and (p.valid_to is null or ${TODAY}::date < p.valid_to)
       where t.level = 4 and (t.valid_from is null or t.valid_from <= ${TODAY}::date) and (t.valid_to is null or ${TODAY}::date < t.valid_to)`.execute(
      db,
    )
  ).rows;
  const communes = [...new Set(villages.map((v) => v.parent_code))];
  const provinces = (
    await sql<{ unit_id: string; code: string }>`
      select unit_id, code from unit_tree
       where level = 1 and (valid_from is null or valid_from <= ${TODAY}::date) and (valid_to is null or ${TODAY}::date < valid_to)
       order by code`.execute(db)
  ).rows;
  const where = PROVINCES === 'all' ? 'The country' : PROVINCES === '22' ? 'Quảng Ninh' : `Provinces ${PROVINCES}`;
  out(
    'Units',
    `${where} today: ${provinces.length} provinces, ${communes.length.toLocaleString('en')} communes and wards, ` +
      `${villages.length.toLocaleString('en')} villages (generated)`,
  );

  // Indicators (most summed; a few by max, average, last) and one monthly form for villages.
  const rules = [
    ['sum', 'sum'],
    ['sum', 'sum'],
    ['sum', 'sum'],
    ['max', 'max'],
    ['average', 'average'],
    ['sum', 'last'],
  ] as const;
  const codes = Array.from({ length: INDICATORS }, (_, i) => `CT_${String(i + 1).padStart(2, '0')}`);
  await sql`insert into indicators (code, name, value_type, tree_aggregation, time_aggregation)
    select code, 'Chỉ tiêu ' || code, 'integer', tree, time
      from unnest(${codes}::text[], ${codes.map((_, i) => rules[i % rules.length]![0])}::text[],
                  ${codes.map((_, i) => rules[i % rules.length]![1])}::text[]) as x(code, tree, time)`.execute(db);
  const form = (
    await sql<{ form_id: string; version_id: string }>`
      with f as (insert into report_forms (code, name, period_type) values ('BC_THON', 'Báo cáo tháng của thôn', 'month') returning id),
           v as (insert into report_form_versions (form_id, submitter, unit_kinds, window_day, due_days)
                 select id, 'unit', array['village', 'quarter', 'residential_group', 'hamlet'], 15, 5 from f returning id, form_id),
           i as (insert into report_form_indicators (form_version_id, indicator_id, position)
                 select v.id, ind.id, row_number() over (order by ind.code) from v cross join indicators ind)
      select form_id, id as version_id from v`.execute(db)
  ).rows[0]!;

  // A year of approved reports of every village, every indicator: set-based, as a bulk import writes them.
  const months = Array.from({ length: 12 }, (_, i) => 2026 * 12 + i);
  const [, tWrite] = await timeIt(async () => {
    await sql`
      insert into report_submissions (form_id, form_version_id, period_id, first_month, last_month, period_start, period_end,
                                      unit_id, status, submitted_at, decided_at)
      select ${form.form_id}::uuid, ${form.version_id}::uuid, to_char(make_date(m / 12, m % 12 + 1, 1), 'YYYYMM'), m, m,
             make_date(m / 12, m % 12 + 1, 1) - interval '1 month' + interval '14 days',
             make_date(m / 12, m % 12 + 1, 14), v.unit_id, 'approved', now(), now()
        from unnest(${villages.map((v) => v.unit_id)}::uuid[]) as v(unit_id) cross join unnest(${months}::int[]) as m`.execute(
      db,
    );
    await sql`alter table report_values disable trigger report_values_audit_insert`.execute(db);
    await sql`
      insert into report_values (submission_id, indicator_id, category, num, first_month, last_month, unit_id, counted)
      select s.id, i.id, '', ((hashtext(s.id::text || i.code) & 2147483647) % 100)::numeric, s.first_month, s.last_month, s.unit_id, true
        from report_submissions s cross join indicators i`.execute(db);
    await sql`alter table report_values enable trigger report_values_audit_insert`.execute(db);
  });
  const values = Number((await sql<{ n: string }>`select count(*) as n from report_values`.execute(db)).rows[0]!.n);
  out(
    'Generate the year (submissions and values, set-based, no audit rows)',
    `${values.toLocaleString('en')} values in ${(tWrite / 1000).toFixed(1)} s (${Math.round(values / (tWrite / 1000)).toLocaleString('en')} values/s)`,
  );
  const [, tRebuild] = await timeIt(() => inTransaction(db, actor, (trx) => rebuildTotals(trx)));
  out(
    'Full rebuild of all totals (`rebuildTotals`)',
    `${(tRebuild / 1000).toFixed(1)} s (${Math.round(values / (tRebuild / 1000)).toLocaleString('en')} values/s)`,
  );
  await sql`analyze`.execute(db);

  // Approvals in one province (the one with most villages), taking its communes in turn: approvals in one commune
  // wait on its row by design; those in different communes must not wait on the province's rows.
  const groupBy = <T>(xs: T[], key: (x: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of xs) (m.get(key(x)) ?? m.set(key(x), []).get(key(x))!).push(x);
    return [...m.values()];
  };
  const home = groupBy(villages, (v) => v.top).sort((a, b) => b.length - a.length)[0]!;
  const inCommune = groupBy(home, (v) => v.parent_code);
  const spread = Array.from({ length: Math.max(...inCommune.map((c) => c.length)) }, (_, i) =>
    inCommune.map((c) => c[i]).filter((v) => v !== undefined),
  ).flat();
  // Approvals: reports of 2027's first month, submitted, approved one by one (and four at a time).
  const pending = (
    await sql<{ id: string }>`
      with s as (
        insert into report_submissions (form_id, form_version_id, period_id, first_month, last_month, period_start, period_end,
                                        unit_id, status, submitted_at)
        select ${form.form_id}::uuid, ${form.version_id}::uuid, '202701', ${2027 * 12}, ${2027 * 12}, '2026-12-15', '2027-01-14',
               v.unit_id, 'submitted', now()
          from unnest(${spread.slice(0, APPROVALS * 2).map((v) => v.unit_id)}::uuid[]) as v(unit_id)
        returning id, unit_id)
      , vals as (
        insert into report_values (submission_id, indicator_id, category, num, first_month, last_month, unit_id, counted)
        select s.id, i.id, '', 7, ${2027 * 12}, ${2027 * 12}, s.unit_id, true from s cross join indicators i)
      select id from s`.execute(db)
  ).rows.map((r) => r.id);
  const approve = (id: string) =>
    inTransaction(db, { accountId: null, label: 'bench' }, async (trx) => {
      await trx
        .updateTable('report_submissions')
        .set({ status: 'approved', decided_at: new Date() })
        .where('id', '=', id)
        .execute();
      await addToTotals(trx, id, 1);
    });
  const one = await load(1, APPROVALS, (i) => approve(pending[i]!));
  out(`Approve one village report (${INDICATORS} values into every ancestor total), one at a time`, fmt(one.s));
  const four = await load(4, APPROVALS, (i) => approve(pending[APPROVALS + i]!));
  out(
    `The same, four approvals at a time in one province (${inCommune.length} communes, taken in turn)`,
    `${fmt(four.s)}; ${four.rps.toFixed(0)} approvals/s`,
  );

  // The daily job of 10/1/2027 settles January to October 2026: a year's national pivot then reads one row per month
  // and node above the communes for ten months of twelve (November, December and January 2027 stay striped).
  const [folded, tSettle] = await timeIt(() => settleTotals({ db }, '2027-01-10'));
  out(
    'The daily job of 10/1/2027 settles Jan–Oct 2026 (stripes above the communes folded into one row)',
    `into ${folded.toLocaleString('en')} rows in ${(tSettle / 1000).toFixed(1)} s`,
  );

  const [check, tCheck] = await timeIt(() => totalsAndFresh(db));
  const equal = JSON.stringify(check.kept) === JSON.stringify(check.fresh);
  out(
    'Totals equal a fresh recomputation (after the approvals and the settling)',
    `${equal ? 'yes' : 'NO'} — ${check.kept.length.toLocaleString('en')} keys, checked in ${(tCheck / 1000).toFixed(1)} s`,
  );
  if (!equal) process.exitCode = 1;

  // HTTP: a viewer of the province, signed in with a session (scope checked on every request).
  const ctx = benchContext(bench);
  const app = await buildApp(ctx, { serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const account = await createAccount(actingAs(ctx, actor), {
    username: 'bench',
    displayName: 'Bench',
    password: 'mat-khau-123',
    isAdmin: false,
    mustChangePassword: false,
  });
  await sql`insert into role_assignments (account_id, role, unit_id)
    select ${account.id}::uuid, 'viewer', p from unnest(${provinces.map((p) => p.unit_id)}::uuid[]) as p`.execute(db);
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ login: 'bench', password: 'mat-khau-123' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('khoi_session='))!;
  const get = async (url: string) => {
    const r = await fetch(`${origin}${url}`, { headers: { cookie } });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${body}`);
    return body;
  };
  const ranges = ['202603', '2026Q2', '2026S1', '2026', '2026..202611', '202601..202609'];
  const query = () => {
    const unit = pick([() => pick(provinces).code, () => pick(communes), () => pick(villages).code])();
    return `/api/reporting/totals?indicator=${pick(codes)}&unit=${unit}&period=${pick(ranges)}`;
  };
  for (let i = 0; i < 200; i++) await get(query()); // warm-up
  const totals = await load(CLIENTS, REQUESTS, () => get(query()).then(() => undefined));
  out(
    `GET /api/reporting/totals (province, commune or village × indicator × period or range), ${CLIENTS} clients`,
    `${fmt(totals.s)}; ${totals.rps.toFixed(0)} req/s`,
  );
  const bare = Fastify();
  bare.get('/ping', () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareOrigin = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
  const bareLoad = await load(CLIENTS, REQUESTS, async () => {
    await (await fetch(`${bareOrigin}/ping`)).text();
  });
  out(
    `A bare Fastify route beside it, ${CLIENTS} clients, same client`,
    `${fmt(bareLoad.s)}; ${bareLoad.rps.toFixed(0)} req/s`,
  );
  // The same two with wrk from outside the process (as the work benchmark measures), when it is installed: the
  // in-process client above takes a share of the two cores itself.
  if ((await run('which', ['wrk'])).code === 0) {
    const urls = path.join(bench.dataDir, 'urls.txt');
    fs.writeFileSync(urls, Array.from({ length: 3000 }, query).join('\n') + '\n');
    fs.writeFileSync(path.join(bench.dataDir, 'ping.txt'), '/ping\n');
    const wrk = async (origin: string, file: string, withCookie: boolean) => {
      const r = await run('wrk', ['-t1', `-c${CLIENTS}`, '-d15s', '-s', path.resolve('bench/reporting.lua'), origin], {
        env: { ...process.env, URLS_FILE: file, COOKIE: withCookie ? cookie : '' },
        timeoutMs: 60_000,
      });
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) throw new Error(`wrk: ${r.stdout} ${r.stderr}`);
      return JSON.parse(line.slice(7)) as WrkResult;
    };
    await wrk(origin, urls, true); // warm-up
    const w = await wrk(origin, urls, true);
    const wb = await wrk(bareOrigin, path.join(bench.dataDir, 'ping.txt'), false);
    const line = (x: WrkResult) =>
      `p50 ${ms(x.p50)}, p95 ${ms(x.p95)}, max ${ms(x.max)} (n = ${x.requests}); ${x.rps.toFixed(0)} req/s` +
      (x.non2xx || x.socketErrors ? `; ${x.non2xx} non-2xx, ${x.socketErrors} socket errors` : '');
    out(
      `GET /api/reporting/totals as above, wrk from outside the process (1 thread, ${CLIENTS} connections, 15 s)`,
      line(w),
    );
    out(`The bare Fastify route, the same wrk`, line(wb));
  }
  await bare.close();
  // the largest province by communes: the heaviest pivot by units a province's officer opens
  const big = (
    await sql<{ code: string; n: number }>`
      select p.code, count(*)::int as n from unit_tree c join unit_tree p on p.unit_id = c.parent_id
       where c.level = 3 and p.level = 1 and (c.valid_from is null or c.valid_from <= ${TODAY}::date)
         and (c.valid_to is null or ${TODAY}::date < c.valid_to)
         and (p.valid_from is null or p.valid_from <= ${TODAY}::date) and (p.valid_to is null or ${TODAY}::date < p.valid_to)
       group by p.code order by n desc limit 1`.execute(db)
  ).rows[0]!;
  const pivotUrl = `/api/reporting/pivot?unit=${big.code}&period=2026&indicators=${codes.join(',')}&by=units`;
  await get(pivotUrl);
  const pivot = await load(1, 20, () => get(pivotUrl).then(() => undefined));
  out(
    `GET /api/reporting/pivot: ${INDICATORS} indicators × the ${big.n} communes of province ${big.code} (and its total) × 2026, with 2025 beside`,
    fmt(pivot.s),
  );
  const byMonths = await load(1, 20, () =>
    get(`/api/reporting/pivot?unit=${big.code}&period=2026&indicators=${codes.join(',')}&by=periods`).then(
      () => undefined,
    ),
  );
  out(
    `GET /api/reporting/pivot: ${INDICATORS} indicators × the 12 months of 2026 (province ${big.code})`,
    fmt(byMonths.s),
  );
  // The whole country: every indicator × every province over the 12 months (2025 beside), and × the months.
  const countryUrl = `/api/reporting/pivot?period=2026&indicators=${codes.join(',')}`;
  await get(`${countryUrl}&by=units`);
  const country = await load(1, 20, () => get(`${countryUrl}&by=units`).then(() => undefined));
  out(
    `GET /api/reporting/pivot, the whole country: ${INDICATORS} indicators × ${provinces.length} provinces (and the ` +
      'total) × the 12 months of 2026, with 2025 beside',
    fmt(country.s),
  );
  const countryMonths = await load(1, 20, () => get(`${countryUrl}&by=periods`).then(() => undefined));
  out(
    `GET /api/reporting/pivot, the whole country: ${INDICATORS} indicators × the 12 months of 2026, 2025 beside`,
    fmt(countryMonths.s),
  );
  await app.close();

  const header = resultsHeading(
    `Reporting (${where}, ${values.toLocaleString('en')} values)`,
    pgv,
    `${external ? 'external' : 'embedded'}, fsync on`,
  );
  console.log(header + rows.join('\n'));
  if (arg('write')) fs.appendFileSync(path.resolve('bench/RESULTS.md'), header + rows.join('\n') + '\n');
} finally {
  await bench.close();
}
