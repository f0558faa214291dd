/**
 * Unit tree benchmark (issue: the dated unit tree). Not part of `npm test`.
 *   npm run bench:units [-- --villages 100000] [-- --database-url postgres://…]
 * Starts a throwaway embedded PostgreSQL 18 (fsync on) unless --database-url is given, imports the built-in
 * national catalogue, generates villages under the communes of 2021, re-imports (full tree rebuild with the
 * villages), and times the tree queries as of several dates. Prints a Markdown table for bench/RESULTS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { importCatalogue } from '../server/features/units/catalogue.import.ts';
import { loadBuiltInCatalogue } from '../server/features/units/catalogue.plan.ts';
import * as repo from '../server/features/units/units.repository.ts';
import { arg, benchContext, benchDatabase, resultsHeading, stats, resultTable } from './bench-kit.ts';
import { buildApp } from '../server/app.ts';
import { actingAs, createAccount } from '../server/features/accounts/accounts.service.ts';

const VILLAGES = Number(arg('villages') ?? 100_000);
const actor = { accountId: null, label: 'bench' };

async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await fn();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}

const bench = await benchDatabase('units', { poolSize: 4 });
const { db, external } = bench;
const { rows, out } = resultTable();

try {
  const pgv = await bench.version();
  const catalogue = loadBuiltInCatalogue();
  const [c1, tImport] = await timeIt(() => importCatalogue(db, actor, catalogue));
  out(
    '`khoi import units`, empty database (national catalogue)',
    `${(tImport / 1000).toFixed(1)} s — ${c1.units.added} units, ${c1.versions.added} versions, ${c1.links.added} links`,
  );

  // Villages under every commune in force in 2021, open start, as a province office would have entered them.
  const [, tGen] = await timeIt(async () => {
    await sql`
      with communes as (
        select t.unit_id, t.code, row_number() over (order by t.code) as rn, count(*) over () as n
          from unit_tree t where t.level = 3 and (t.valid_from is null or t.valid_from <= '2021-01-01') and (t.valid_to is null or '2021-01-01' < t.valid_to)
      ), slots as (
        select g as i, c.unit_id, c.code from generate_series(0, ${VILLAGES - 1}) g
          join communes c on c.rn = (g % c.n) + 1
      ), made as (
        insert into units (level) select 4 from slots returning id
      ), numbered as (
        select id, row_number() over () as k from made
      ), pairs as (
        select n.id, s.unit_id, s.code, s.i from numbered n join (select *, row_number() over () as k from slots) s using (k)
      )
      insert into unit_versions (unit_id, valid_from, valid_to, code, name, kind, parent_id, source)
      select id, null, null, code || '-' || lpad((i / (select max(n) from communes) + 1)::text, 3, '0') || '-' || i, 'Thôn ' || (i / (select max(n) from communes) + 1), 'village', unit_id, 'bench'
        from pairs`.execute(db);
  });
  out(`Generate ${VILLAGES.toLocaleString('en')} villages`, `${(tGen / 1000).toFixed(1)} s`);

  // Force the import's full path (villages follow the reform, tree rebuilt) by removing one catalogue link.
  await sql`delete from unit_links where id = (select id from unit_links where source = 'catalogue' limit 1)`.execute(
    db,
  );
  const [c2, tImport2] = await timeIt(() => importCatalogue(db, actor, catalogue));
  const treeRows = Number((await sql<{ n: string }>`select count(*) as n from unit_tree`.execute(db)).rows[0]!.n);
  out(
    `\`khoi import units\` with ${VILLAGES.toLocaleString('en')} villages (villages follow the reform, full tree rebuild)`,
    `${(tImport2 / 1000).toFixed(1)} s — ${c2.villagesMoved} villages followed, ${c2.villagesWaiting} wait; ${treeRows} tree rows`,
  );
  const [c3, tImport3] = await timeIt(() => importCatalogue(db, actor, catalogue));
  out(
    '`khoi import units` again (nothing to change)',
    `${(tImport3 / 1000).toFixed(1)} s — ${c3.units.unchanged} units unchanged`,
  );
  await sql`analyze`.execute(db);

  const N = 300;
  const provinces21 = await repo.children(db, null, '2021-06-30');
  const provincesNow = await repo.children(db, null, '2026-11-22');
  const communes21 = (
    await sql<{
      unit_id: string;
    }>`select unit_id from unit_tree where level = 3 and valid_from is null limit 2000`.execute(db)
  ).rows;
  const pick = <T>(a: T[]) => a[Math.floor(Math.random() * a.length)]!;

  const measure = async (label: string, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await fn();
    const ms: number[] = [];
    for (let i = 0; i < N; i++) ms.push((await timeIt(fn))[1]);
    const s = stats(ms);
    out(label, `p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(1)} ms`);
  };
  await measure('children of a province as of 2021-06-30 (its districts)', () =>
    repo.children(db, pick(provinces21).unit_id, '2021-06-30'),
  );
  await measure('children of a province as of today (its communes, post-reform)', () =>
    repo.children(db, pick(provincesNow).unit_id, '2026-11-22'),
  );
  await measure('children of a commune as of 2021-06-30 (its villages)', () =>
    repo.children(db, pick(communes21).unit_id, '2021-06-30'),
  );
  const thanhHoa21 = (await repo.findByCode(db, '38', '2021-06-30'))!;
  const sub21 = await repo.subtree(db, thanhHoa21.path, '2021-06-30');
  await measure(
    `subtree of Thanh Hóa as of 2021-06-30 (${sub21.filter((u) => u.level === 3).length} communes, ${sub21.filter((u) => u.level === 4).length} villages)`,
    () => repo.subtree(db, thanhHoa21.path, '2021-06-30'),
  );
  const thanhHoaNow = (await repo.findByCode(db, '38', '2026-11-22'))!;
  const subNow = await repo.subtree(db, thanhHoaNow.path, '2026-11-22');
  await measure(
    `subtree of Thanh Hóa today (${subNow.filter((u) => u.level === 3).length} communes, ${subNow.filter((u) => u.level === 4).length} villages)`,
    () => repo.subtree(db, thanhHoaNow.path, '2026-11-22'),
  );
  await measure('search "mong cai" as of today', () =>
    repo.search(db, { folded: 'mong cai', raw: 'mong cai', asOf: '2026-11-22', limit: 20 }),
  );
  const explain = await sql<{
    'QUERY PLAN': string;
  }>`explain (analyze, format text) select t.unit_id from unit_tree t where t.path <@ ${thanhHoa21.path}::ltree and (t.valid_from is null or t.valid_from <= '2021-06-30') and (t.valid_to is null or '2021-06-30' < t.valid_to)`.execute(
    db,
  );
  const exec = explain.rows.map((r) => r['QUERY PLAN']).find((l) => l.startsWith('Execution Time'));
  out('subtree of Thanh Hóa 2021, in the database (EXPLAIN ANALYZE)', exec ?? '?');

  // The tree page's first request, through HTTP with a signed-in account.
  const ctx = benchContext(bench);
  const app = await buildApp(ctx, { serveWeb: false });
  await createAccount(actingAs(ctx, actor), {
    username: 'bench',
    displayName: 'Bench',
    password: 'mat-khau-123',
    isAdmin: false,
    mustChangePassword: false,
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: 'bench', password: 'mat-khau-123' },
  });
  const cookie = `khoi_session=${login.cookies.find((c) => c.name === 'khoi_session')!.value}`;
  await measure('GET /api/units?parent=38&asOf=2026-11-22 (tree page of Thanh Hóa: its communes)', () =>
    app.inject({ url: '/api/units?parent=38&asOf=2026-11-22', headers: { cookie } }),
  );
  await app.close();

  const header = resultsHeading('Unit tree', pgv, `${external ? 'external' : 'embedded'}, fsync on`);
  console.log(header + rows.join('\n'));
  if (arg('write')) fs.appendFileSync(path.resolve('bench/RESULTS.md'), header + rows.join('\n') + '\n');
} finally {
  await bench.close();
}
