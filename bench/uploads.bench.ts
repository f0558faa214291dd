/**
 * Upload limits benchmark: does the server keep answering while uploads are refused or imported? Not part of
 * `npm test`.
 *   npm run bench:uploads [-- --database-url postgres://…] [-- --rows 5000] [-- --rounds 5] [-- --write]
 * Starts a throwaway embedded PostgreSQL 18 unless --database-url is given, loads the demo data, serves the app on
 * 127.0.0.1 and signs in as the leader of Phường Móng Cái 1's Front committee (mongcai@khoi.local). Then, each time
 * with one client asking GET /api/health again and again (one request after the other, over HTTP): nothing else;
 * bombs sent to POST /api/programmes/import one after another (300 MB of zeros in a 0.3 MB workbook, an entry lying
 * about its size, a sheet of 20,001 rows); one import of an N-row programme. Prints the health answers' p50, p95 and
 * max per phase (goal: max under 1 s), the uploads' answers and times, and the process's peak memory, as Markdown for
 * bench/RESULTS.md (--write appends it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { arg, benchContext, benchDatabase, resultsHeading, stats, resultTable } from './bench-kit.ts';
import { buildApp } from '../server/app.ts';
import { seedDemo } from '../server/features/demo/demo.seed.ts';
import { COLUMNS } from '../server/features/work-exports/programme.xlsx.ts';
import { sheetRows, xlsxParts, zip } from '../server/uploads/zip.testkit.ts';

const ROWS = Number(arg('rows') ?? 5000);
const ROUNDS = Number(arg('rounds') ?? 5);
const GOAL_MS = 1000;
const MB = 1024 * 1024;
const actor = { accountId: null, label: 'bench' };

const bench = await benchDatabase('uploads', { poolSize: 10 });
const { db, external } = bench;
const { rows, out } = resultTable();

try {
  const pgv = await bench.version();
  const ctx = benchContext(bench);
  const password = 'bench-mat-khau-2026';
  await seedDemo(ctx, actor, { password });
  const body = await db
    .selectFrom('bodies')
    .select('id')
    .where('name', '=', 'Ủy ban MTTQ Phường Móng Cái 1')
    .where('valid_to', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();

  const app = await buildApp(ctx, { serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ login: 'mongcai@khoi.local', password }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('khoi_session='))!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;

  let year = 2030;
  const upload = async (name: string, data: Buffer) => {
    const form = new FormData();
    form.set('bodyId', body.id);
    form.set('year', String(year++));
    form.set('title', `Chương trình đo ${year}`);
    form.set('file', new Blob([new Uint8Array(data)]), name);
    const started = performance.now();
    const r = await fetch(`${origin}/api/programmes/import`, {
      method: 'POST',
      body: form,
      headers: { cookie, 'x-csrf-token': csrf, origin },
    });
    const text = await r.text();
    return { status: r.status, ms: performance.now() - started, body: text };
  };

  /** Health answers while `work` runs, one request after another; the main thread's longest stall (event loop delay,
   * which tells a blocked server from a busy machine) and the process's peak resident memory meanwhile. */
  const healthDuring = async <T>(work: Promise<T>) => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let settled = false;
    const result = work.finally(() => {
      settled = true;
    });
    const ms: number[] = [];
    let rss = process.memoryUsage.rss();
    while (!settled) {
      const started = performance.now();
      const r = await fetch(`${origin}/api/health`);
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`health: ${r.status}`);
      ms.push(performance.now() - started);
      rss = Math.max(rss, process.memoryUsage.rss());
    }
    const r = await result;
    loop.disable();
    return { result: r, health: stats(ms), stallMs: loop.max / 1e6, rssMb: Math.round(rss / MB) };
  };
  const healthCell = (h: { health: ReturnType<typeof stats>; stallMs: number }) =>
    `p50 ${h.health.p50.toFixed(1)} ms, p95 ${h.health.p95.toFixed(1)} ms, max ${h.health.max.toFixed(1)} ms (${h.health.n} answers) ${h.health.max < GOAL_MS ? '✓' : '✗'}; longest event-loop stall ${h.stallMs.toFixed(0)} ms`;

  const idle = await healthDuring(wait(3000));
  out('GET /api/health, nothing else running', healthCell(idle));

  const bombs = [
    {
      label: '300 MB of zeros in a 0.3 MB .xlsx',
      data: zip([...xlsxParts({ rows: sheetRows(1, 3) }), { name: 'xl/worksheets/sheet2.xml', zeros: 300 * MB }]),
    },
    {
      label: 'an entry inflating to 300 MB while declaring 4 KB',
      data: zip([
        ...xlsxParts({ rows: sheetRows(1, 3) }),
        { name: 'xl/media/image1.png', zeros: 300 * MB, declaredSize: 4096 },
      ]),
    },
    { label: 'a sheet of 20,001 rows', data: zip(xlsxParts({ rows: sheetRows(20_001, 2) })) },
  ];
  const refusals: Record<string, { status: number; ms: number[]; code: string }> = {};
  const refused = await healthDuring(
    (async () => {
      for (let i = 0; i < ROUNDS; i++)
        for (const b of bombs) {
          const r = await upload('chuong-trinh.xlsx', b.data);
          const e = JSON.parse(r.body) as { error?: { code: string; limit?: { name: string } } };
          const entry = (refusals[b.label] ??= {
            status: r.status,
            ms: [],
            code: `${e.error?.code}${e.error?.limit ? ` ${e.error.limit.name}` : ''}`,
          });
          entry.ms.push(r.ms);
        }
    })(),
  );
  for (const b of bombs) {
    const r = refusals[b.label]!;
    out(
      `refusal of ${b.label} (${(b.data.length / MB).toFixed(2)} MB sent)`,
      `${r.status} ${r.code}, p50 ${stats(r.ms).p50.toFixed(0)} ms, max ${stats(r.ms).max.toFixed(0)} ms`,
    );
  }
  out(
    `GET /api/health while ${ROUNDS * bombs.length} bombs are refused one after another`,
    `${healthCell(refused)}; peak memory ${refused.rssMb} MB`,
  );

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chương trình');
  ws.addRow(COLUMNS.map((c) => c.header));
  for (let i = 1; i <= ROWS; i++)
    ws.addRow([
      String(i),
      `Nhóm ${Math.ceil(i / 500)}`,
      `Tuyên truyền, vận động nhân dân thực hiện nhiệm vụ số ${i}`,
      '',
      'Ủy ban MTTQ Phường Móng Cái 1',
      'Hội LHPN Phường Móng Cái 1',
      '',
      '05/01/2031',
      new Date(Date.UTC(2031, 11, 31)),
      `${i} hộ`,
    ]);
  const sheet = Buffer.from(await wb.xlsx.writeBuffer());
  const imported = await healthDuring(upload('chuong-trinh.xlsx', sheet));
  if (imported.result.status !== 201)
    throw new Error(`import: ${imported.result.status} ${imported.result.body.slice(0, 300)}`);
  out(
    `import of a ${ROWS.toLocaleString('en')}-row programme (${(sheet.length / MB).toFixed(2)} MB)`,
    `201 in ${(imported.result.ms / 1000).toFixed(1)} s, ${(JSON.parse(imported.result.body) as { taskCount: number }).taskCount} tasks`,
  );
  out(`GET /api/health while it runs`, `${healthCell(imported)}; peak memory ${imported.rssMb} MB`);
  await app.close();

  const header = resultsHeading('Upload limits', pgv, `${external ? 'external' : 'embedded'}`);
  console.log(header + rows.join('\n'));
  if (process.argv.includes('--write'))
    fs.appendFileSync(path.resolve('bench/RESULTS.md'), header + rows.join('\n') + '\n');
} finally {
  await bench.close();
}
