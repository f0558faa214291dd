import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { importQuangNinh } from '../../../test/units-fixture.ts';
import { sheetRows, xlsxParts, zip } from '../../uploads/zip.testkit.ts';

/** Text the way Windows-1258 stores it: vowel shapes precomposed, tone marks combining. */
function cp1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const form = text
    .normalize('NFD')
    .replace(
      /(\p{L})(\p{M}+)/gu,
      (_all, base: string, marks: string) =>
        (base + marks.replace(tones, '')).normalize('NFC') + (marks.match(tones) ?? []).join(''),
    );
  return iconv.encode(form, 'windows1258');
}

function multipart(filename: string, data: Buffer, contentType = 'text/csv') {
  const boundary = '----khoi' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('villages', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    const { app, ctx, db } = t();
    await importQuangNinh(db.db);
    admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    officer = await signIn(app, (await buildAccount(ctx)).username, PASSWORD);
  }, 120_000);

  const addVillage = (body: Record<string, unknown>, session = admin) =>
    call(t().app, { method: 'POST', url: '/api/villages', session, body });

  it('any signed-in account reads the catalogue; children carry the fixed contract fields', async () => {
    const res = await call(t().app, { url: '/api/units?asOf=2025-06-30&parent=194', session: officer });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(16);
    expect(res.json()[0]).toMatchObject({
      code: expect.any(String),
      name: expect.any(String),
      kind: expect.any(String),
      validFrom: null,
      validTo: '2025-07-01',
    });
    const top = await call(t().app, { url: '/api/units?asOf=2026-01-01', session: officer });
    expect(top.json().map((u: { code: string }) => u.code)).toEqual(['22']);
    expect((await call(t().app, { url: '/api/units?parent=194' })).statusCode).toBe(401);
    expect((await call(t().app, { url: '/api/units?parent=194', session: officer })).json().error).toMatchObject({
      code: 'NOT_FOUND',
      field: 'parent',
    });
    const links = await call(t().app, { url: '/api/units/06709/links?asOf=2025-06-30', session: officer });
    expect(links.json()).toEqual([
      expect.objectContaining({ code: '06709', name: 'Phường Móng Cái 2', type: 'full', date: '2025-07-01' }),
    ]);
  });

  it('an admin adds, renames, moves, merges and closes villages, each from a date, keeping the history', async () => {
    const { app } = t();
    const a = await addVillage({ parentCode: '06712', name: 'Khu 1', kind: 'quarter', validFrom: '2025-08-01' });
    expect(a.statusCode).toBe(201);
    const khu1 = a.json().unit;
    expect(khu1).toMatchObject({
      code: '06712-001',
      name: 'Khu 1',
      kind: 'quarter',
      level: 4,
      validFrom: '2025-08-01',
    });
    const b = (
      await addVillage({ parentCode: '06712', name: 'Khu 2', kind: 'quarter', validFrom: '2025-08-01' })
    ).json();
    expect(b.unit.code).toBe('06712-002');

    const dup = await addVillage({ parentCode: '06712', name: 'KHU 1', kind: 'quarter', validFrom: '2025-09-01' });
    expect(dup.json().error).toMatchObject({ code: 'ALREADY_EXISTS', field: 'name' });

    const renamed = await call(app, {
      method: 'POST',
      url: `/api/villages/${khu1.id}/rename`,
      session: admin,
      body: { name: 'Khu Đông Thịnh', date: '2026-01-01', version: a.json().version },
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await call(app, {
      method: 'POST',
      url: `/api/villages/${khu1.id}/rename`,
      session: admin,
      body: { name: 'Khu X', date: '2026-02-01', version: a.json().version },
    });
    expect(stale.json().error.code).toBe('CONFLICT');
    const before = await call(app, { url: '/api/units/06712-001?asOf=2025-12-31', session: officer });
    expect(before.json().unit.name).toBe('Khu 1');
    const detail = await call(app, { url: '/api/units/06712-001?asOf=2026-01-01', session: officer });
    expect(detail.json().unit.name).toBe('Khu Đông Thịnh');
    expect(detail.json().history.map((h: { name: string }) => h.name)).toEqual(['Khu 1', 'Khu Đông Thịnh']);
    expect(detail.json().ancestors.map((x: { name: string }) => x.name)).toEqual([
      'Tỉnh Quảng Ninh',
      'Phường Móng Cái 1',
    ]);

    const moved = await call(app, {
      method: 'POST',
      url: `/api/villages/${b.unit.id}/move`,
      session: admin,
      body: { parentCode: '06709', date: '2026-02-01', version: b.version },
    });
    expect(moved.statusCode).toBe(200);
    expect(
      (await call(app, { url: '/api/units?parent=06709&asOf=2026-02-01', session: officer }))
        .json()
        .map((u: { name: string }) => u.name),
    ).toContain('Khu 2');
    expect(
      (await call(app, { url: '/api/units?parent=06712&asOf=2026-01-31', session: officer }))
        .json()
        .map((u: { name: string }) => u.name),
    ).toContain('Khu 2');

    const c = (
      await addVillage({ parentCode: '06709', name: 'Khu 3', kind: 'quarter', validFrom: '2026-02-01' })
    ).json();
    const merged = await call(app, {
      method: 'POST',
      url: `/api/villages/${c.unit.id}/merge`,
      session: admin,
      body: { intoId: b.unit.id, date: '2026-03-01', version: c.version },
    });
    expect(merged.statusCode).toBe(200);
    const khu3 = await call(app, { url: `/api/units/${c.unit.code}/links?asOf=2026-02-15`, session: officer });
    expect(khu3.json()).toEqual([expect.objectContaining({ direction: 'to', name: 'Khu 2', type: 'full' })]);

    const r2 = (await call(app, { url: '/api/units/06712-001?asOf=2026-01-01', session: officer })).json();
    const closed = await call(app, {
      method: 'POST',
      url: `/api/villages/${khu1.id}/close`,
      session: admin,
      body: { date: '2026-03-01', version: r2.unit.version },
    });
    expect(closed.statusCode).toBe(200);
    expect((await call(app, { url: '/api/units/06712-001?asOf=2026-03-01', session: officer })).statusCode).toBe(404);
    expect((await call(app, { url: '/api/units/06712-001?asOf=2026-02-28', session: officer })).statusCode).toBe(200);
  });

  it('of two renames sent at once on the same version, one is made and the other is told of the conflict', async () => {
    const { app, db } = t();
    const added = (
      await addVillage({ parentCode: '06712', name: 'Khu Hải Yến', kind: 'quarter', validFrom: '2025-08-01' })
    ).json();
    const rename = (name: string) =>
      call(app, {
        method: 'POST',
        url: `/api/villages/${added.unit.id}/rename`,
        session: admin,
        body: { name, date: '2026-01-01', version: added.version },
      });
    const waiting = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(
            db.db,
          )
        ).rows[0]!.n,
      );
    // The village's rows are held by another change while both renames start, so both are under way before either
    // has changed anything.
    const { both } = await db.db.transaction().execute(async (trx) => {
      await sql`select id from unit_versions where unit_id = ${added.unit.id} for update`.execute(trx);
      const both = Promise.all([rename('Khu Hải Yến Một'), rename('Khu Hải Yến Hai')]);
      await expect.poll(waiting).toBe(2);
      return { both };
    });
    const answers = await both;
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = answers.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.code).toBe('CONFLICT');
    const winner = answers.find((r) => r.statusCode === 200)!;
    const detail = await call(app, { url: `/api/units/${added.unit.code}?asOf=2026-01-01`, session: officer });
    expect(detail.json().unit.name).toBe(winner.json().unit.name);
    expect(detail.json().history).toHaveLength(2);
  });

  it('refuses bad village input with the field named', async () => {
    const noCommune = await addVillage({ parentCode: '194', name: 'Thôn A', validFrom: '2025-01-01' });
    expect(noCommune.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentCode' });
    const gone = await addVillage({ parentCode: '06718', name: 'Thôn A', validFrom: '2025-01-01' });
    expect(gone.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'parentCode' });
    const badKind = await addVillage({ parentCode: '06712', name: 'Thôn A', kind: 'castle' });
    expect(badKind.json().error.field).toBe('kind');
    const badDate = await addVillage({ parentCode: '06712', name: 'Thôn A', validFrom: '2025-02-30' });
    expect(badDate.json().error.field).toBe('validFrom');
  });

  it('an account without the right to manage a commune cannot change its villages', async () => {
    const res = await addVillage({ parentCode: '06712', name: 'Thôn B' }, officer);
    expect(res.statusCode).toBe(403);
  });

  it('villages follow their commune when it merged whole, and wait for placement when it was split', async () => {
    const { app, db } = t();
    // Villages of Trà Cổ (→ Móng Cái 1, full) and Liên Hòa (split between two units), entered before the reform.
    const traCo = (
      await addVillage({ parentCode: '06721', name: 'Khu Hồng Hải', kind: 'quarter', validFrom: '2020-01-01' })
    ).json();
    const lienHoa = (await addVillage({ parentCode: '07180', name: 'Thôn Trung', validFrom: '2020-01-01' })).json();
    expect(lienHoa.unit).toBeDefined();
    // Re-running the catalogue import applies the rule to villages entered since.
    const { importCatalogue } = await import('./catalogue.import.ts');
    const { followMergedParents } = await import('./villages.follow.ts');
    const { rebuildTree } = await import('./tree.build.ts');
    void importCatalogue;
    await db.db.transaction().execute(async (trx) => {
      await followMergedParents(trx, { accountId: null, label: 'test' });
      await rebuildTree(trx);
    });
    const after = await call(app, { url: `/api/units/${traCo.unit.code}?asOf=2025-07-01`, session: officer });
    expect(after.json().ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tỉnh Quảng Ninh',
      'Phường Móng Cái 1',
    ]);
    expect(
      (await call(app, { url: `/api/units/${lienHoa.unit.code}?asOf=2025-07-01`, session: officer })).statusCode,
    ).toBe(404);
    const pending = (await call(app, { url: '/api/units/pending', session: admin })).json();
    const waiting = pending.find((p: { unitId: string }) => p.unitId === lienHoa.unit.id);
    expect(waiting).toMatchObject({ reason: 'village_placement', date: '2025-07-01' });
    // An officer places it.
    const target = (await call(app, { url: '/api/units/07180/links?asOf=2025-06-30', session: officer })).json()[0];
    const placed = await call(app, {
      method: 'POST',
      url: `/api/villages/${lienHoa.unit.id}/move`,
      session: admin,
      body: { parentCode: target.code, date: '2025-07-01', version: lienHoa.version },
    });
    expect(placed.statusCode).toBe(200);
    expect(
      (await call(app, { url: `/api/units/${lienHoa.unit.code}?asOf=2025-07-01`, session: officer })).json()
        .ancestors[1].code,
    ).toBe(target.code);
    expect(
      (await call(app, { url: '/api/units/pending', session: admin }))
        .json()
        .find((p: { unitId: string }) => p.unitId === lienHoa.unit.id),
    ).toBeUndefined();
  });

  it('an admin links an unlinked ending (Hoà Lạc) and its villages follow', async () => {
    const { app } = t();
    const v = (
      await addVillage({ parentCode: '06718', name: 'Khu 5', kind: 'quarter', validFrom: '2019-01-01' })
    ).json();
    const pending = (await call(app, { url: '/api/units/pending', session: admin })).json();
    const hoaLac = pending.find(
      (p: { name: string; reason: string }) => p.name === 'Phường Hoà Lạc' && p.reason === 'unlinked_ending',
    );
    expect(hoaLac).toBeDefined();
    expect(
      (
        await call(app, {
          method: 'POST',
          url: `/api/units/pending/${hoaLac.id}/link`,
          session: officer,
          body: { toCode: '06709', type: 'full' },
        })
      ).statusCode,
    ).toBe(403);
    const linked = await call(app, {
      method: 'POST',
      url: `/api/units/pending/${hoaLac.id}/link`,
      session: admin,
      body: { toCode: '06709', type: 'full' },
    });
    expect(linked.statusCode).toBe(200);
    const after = (await call(app, { url: `/api/units/${v.unit.code}?asOf=2024-11-01`, session: officer })).json();
    expect(after.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tỉnh Quảng Ninh',
      'Thành phố Móng Cái',
      'Phường Ka Long',
    ]);
    const hist = (await call(app, { url: '/api/units/06709?asOf=2024-12-01', session: officer })).json();
    expect(hist.links).toEqual([
      expect.objectContaining({ direction: 'from', name: 'Phường Hoà Lạc', type: 'full', date: '2024-11-01' }),
      expect.objectContaining({ direction: 'to', name: 'Phường Móng Cái 2' }),
    ]);
  });

  it('imports villages from a CSV in Windows-1258 with a report per row; importing again changes nothing', async () => {
    const { app } = t();
    const csv = cp1258(
      [
        'Mã xã,Tên,Loại,Ngày hiệu lực',
        '06724,Thôn Pò Hèn,Thôn,01/08/2025',
        '06724,Thôn Lục Chắn,Thôn,01/08/2025',
        '99999,Thôn Ma,Thôn,',
        '06724,,Thôn,',
        '06724,Thôn Bản Lầu,Lâu đài,',
        '06724,Thôn Xuân,Thôn,31/02/2025',
      ].join('\r\n'),
    );
    const send = (body: Buffer, name = 'thon.csv', type = 'text/csv') => {
      const mp = multipart(name, body, type);
      return app.inject({
        method: 'POST',
        url: '/api/villages/import',
        payload: mp.payload,
        headers: { ...mp.headers, cookie: `khoi_session=${admin.cookie}`, 'x-csrf-token': admin.csrf },
      });
    };
    const res = await send(csv);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.encoding).toBe('windows-1258');
    expect(report.rows.map((r: { status: string }) => r.status)).toEqual([
      'added',
      'added',
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    expect(report.rows[0].name).toBe('Thôn Pò Hèn');
    expect(report.rows[2].message).toContain('99999');
    expect(report.rows[3].message).toBe('Thiếu tên thôn.');
    expect(report.rows[4].message).toContain('Lâu đài');
    expect(report.rows[5].message).toContain('31/02/2025');
    const again = (await send(csv)).json();
    expect(again.added).toBe(0);
    expect(again.unchanged).toBe(2);
    const utf8 = await send(
      Buffer.from('\uFEFFMã xã;Tên;Loại;Mã\n06724;Thôn Pò Hèn Mới;Thôn;' + report.rows[0].code + '\n', 'utf8'),
    );
    expect(utf8.json()).toMatchObject({ encoding: 'utf-8', changed: 1 });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thôn');
    ws.addRow(['Mã xã', 'Tên', 'Loại']);
    ws.addRow(['06727', 'Thôn Tình Hải', 'Thôn']);
    ws.addRow(['06727', 'Thôn Tình Hải', 'Thôn']);
    const xlsx = await send(
      Buffer.from(await wb.xlsx.writeBuffer()),
      'thon.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.json().rows.map((r: { status: string }) => r.status)).toEqual(['refused', 'refused']);
    expect(xlsx.json().rows[0].message).toContain('06727');
    const xlsx2Wb = new ExcelJS.Workbook();
    const ws2 = xlsx2Wb.addWorksheet('Thôn');
    ws2.addRow(['Mã xã', 'Tên', 'Loại', 'Ngày hiệu lực']);
    ws2.addRow(['06724', 'Thôn Tình Hải', 'Thôn', '01/09/2025']);
    ws2.addRow(['06724', 'Thôn Tình Hải', 'Thôn', '01/09/2025']);
    const x2 = (
      await send(Buffer.from(await xlsx2Wb.xlsx.writeBuffer()), 'thon.xlsx', 'application/octet-stream')
    ).json();
    expect(x2.rows.map((r: { status: string }) => r.status)).toEqual(['added', 'unchanged']);

    const wrongType = await send(Buffer.from('%PDF-1.4'), 'thon.pdf', 'application/pdf');
    expect(wrongType.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const noColumns = await send(Buffer.from('a,b\n1,2\n'));
    expect(noColumns.json().error.issues[0].message).toContain('Mã xã');
    const big = await send(Buffer.alloc(6 * 1024 * 1024, 0x41));
    expect(big.statusCode).toBe(413);
  });

  it('refuses a file over the upload limits with 413 naming the limit', async () => {
    const { app } = t();
    const send = (body: Buffer, name: string) => {
      const mp = multipart(name, body);
      return app.inject({
        method: 'POST',
        url: '/api/villages/import',
        payload: mp.payload,
        headers: { ...mp.headers, cookie: `khoi_session=${admin.cookie}`, 'x-csrf-token': admin.csrf },
      });
    };
    const tall = await send(Buffer.from('Mã xã,Tên\n' + '06724,Thôn\n'.repeat(20_000)), 'thon.csv');
    expect([tall.statusCode, tall.json().error.code, tall.json().error.limit]).toEqual([
      413,
      'UPLOAD_TOO_COMPLEX',
      { name: 'rows', max: 20_000 },
    ]);
    const wide = await send(Buffer.from('Mã xã,Tên' + ',x'.repeat(199) + '\n'), 'thon.csv');
    expect(wide.json().error).toMatchObject({
      code: 'UPLOAD_TOO_COMPLEX',
      field: 'file',
      limit: { name: 'columns', max: 200 },
      issues: [{ field: 'file', message: 'Bảng tính có hơn 200 cột.' }],
    });
    const bomb = zip([
      ...xlsxParts({ rows: sheetRows(1, 2) }),
      { name: 'xl/media/image1.png', zeros: 300 * 1024 * 1024 },
    ]);
    expect((await send(bomb, 'thon.xlsx')).json().error.limit).toEqual({
      name: 'uncompressedBytes',
      max: 50 * 1024 * 1024,
    });
  });
});
