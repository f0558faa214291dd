import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session } from '../../../test/app.ts';
import { useTestApp } from '../../../test/app.ts';
import { uploadFile } from '../../../test/work-fixture.ts';
import { addReportForm, addReportIndicator, reportingFixture, type ReportingFixture } from './reporting.testkit.ts';
import { inTransaction } from '../../db/tx.ts';
import { parsePeriod } from './periods.ts';
import { parseNumber } from './submissions.import.ts';
import { writeReports } from './submissions.import.service.ts';

type ImportAnswer = {
  imported: boolean;
  encoding: string;
  rows: number;
  created: number;
  updated: number;
  values: number;
  submitted: number;
  notSubmitted: { unit: string; body: string | null; messages: string[] }[];
  errorCount: number;
  errors: { row: number; field: string; message: string }[];
};
type Detail = {
  id: string;
  status: string;
  version: number;
  values: { indicatorId: string; category: string; value: number | null; text: string | null }[];
};

const HEADER = ['Mã đơn vị', 'Mã chỉ tiêu', 'Phân loại', 'Giá trị'];

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Windows-1258 as Excel writes it: the tone marks after their letter, the other letters precomposed. */
const cp1258 = (text: string) =>
  iconv.encode(
    text.normalize('NFD').replace(/(\p{L})(\p{M}*)/gu, (_, l: string, marks: string) => {
      const tones = marks.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
      return (l + marks.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')).normalize('NFC') + tones;
    }),
    'windows1258',
  );

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(';')).join('\r\n') + '\r\n';

describe('importing report figures from a sheet', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: ReportingFixture;
  let n = 0;
  beforeAll(async () => {
    f = await reportingFixture(t());
  }, 120_000);

  /** A fresh monthly form of the fixture's indicators (every test its own reports). */
  const freshForm = async (over: { lockDays?: number | null } = {}) =>
    (
      await addReportForm(t().db.db, {
        code: `BC_NHAP_${++n}`,
        name: `Báo cáo nhập ${n}`,
        ...over,
        indicators: [
          { id: f.indicators.registered, required: true },
          { id: f.indicators.reached },
          { id: f.indicators.dossiers },
          { id: f.indicators.share },
          { id: f.indicators.note },
        ],
      })
    ).id;

  const send = async (
    session: Session,
    fields: { formId: string; periodId: string; submit?: string },
    file: Buffer,
    filename = 'so-lieu.xlsx',
  ) => {
    const b = 'import-boundary';
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    return t().app.inject({
      method: 'POST',
      url: '/api/reporting/import',
      payload: Buffer.concat([
        Buffer.from(
          `${parts.join('')}--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${b}--\r\n`),
      ]),
      headers: {
        'content-type': `multipart/form-data; boundary=${b}`,
        cookie: `khoi_session=${session.cookie}`,
        'x-csrf-token': session.csrf,
      },
    });
  };
  const imported = async (...args: Parameters<typeof send>) => {
    const res = await send(...args);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ImportAnswer>();
  };
  /** The report of a form and period for a unit, as the API shows it to an administrator. */
  const reportOf = async (formId: string, periodId: string, unitId: string) => {
    const row = await t()
      .db.db.selectFrom('report_submissions')
      .select('id')
      .where('form_id', '=', formId)
      .where('period_id', '=', periodId)
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
    if (!row) return null;
    return (await call(t().app, { url: `/api/reporting/submissions/${row.id}`, session: f.admin })).json<Detail>();
  };
  const valueMap = (d: Detail | null) =>
    Object.fromEntries((d?.values ?? []).map((v) => [`${v.indicatorId}/${v.category}`, v.value ?? v.text]));
  const written = async () =>
    (
      await sql<{ n: string }>`select (select count(*) from report_submissions) + (select count(*) from report_values)
        + (select count(*) from audit_log) as n`.execute(t().db.db)
    ).rows[0]!.n;

  it('reads Vietnamese and plain numbers, the Vietnamese way when ambiguous', () => {
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1234.5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1.234')).toBe(1234);
    expect(parseNumber('12.345.678')).toBe(12345678);
    expect(parseNumber('1,234')).toBe(1.234);
    expect(parseNumber('0.125')).toBe(0.125);
    expect(parseNumber('12,5 %')).toBe(12.5);
    expect(parseNumber('36 793')).toBe(36793);
    for (const bad of ['12a', '1.2.3', '1,23,4', '', '--1', '1.234,5,6']) expect(parseNumber(bad), bad).toBeNull();
  });

  it('imports a good workbook into drafts of the ward and its quarter, the breakdown’s whole added up', async () => {
    const formId = await freshForm();
    const rows = [
      HEADER,
      ['06712', 'HO_DANG_KY', null, 41],
      ['06712', 'ho_dat', '', '44'],
      ['06712', 'HS_TT', 'ĐTN', '1.200'],
      ['06712', 'HS_TT', 'Hội LHPN', 30],
      ['06712', 'TY_LE', null, '12,5'],
      ['06712', 'GHI_CHU', null, 'Vượt kế hoạch'],
      [f.village.code, 'HO_DANG_KY', null, 7],
      [f.village.code, 'HO_DAT', null, null], // blank: changes nothing
    ];
    const answer = await imported(f.leader.session, { formId, periodId: '202603' }, await xlsx(rows));
    expect(answer).toMatchObject({ imported: true, encoding: 'xlsx', created: 2, updated: 0, values: 7, errors: [] });
    const ward = await reportOf(formId, '202603', f.units.mc1);
    expect(ward?.status).toBe('draft');
    const i = f.indicators;
    expect(valueMap(ward)).toEqual({
      [`${i.registered}/`]: 41,
      [`${i.reached}/`]: 44,
      [`${i.dossiers}/youth_union`]: 1200,
      [`${i.dossiers}/womens_union`]: 30,
      [`${i.dossiers}/`]: 1230,
      [`${i.share}/`]: 12.5,
      [`${i.note}/`]: 'Vượt kế hoạch',
    });
    expect(valueMap(await reportOf(formId, '202603', f.village.id))).toEqual({ [`${i.registered}/`]: 7 });
    // The values' audit keeps a row per report and statement, not per value: the values, then the whole added up.
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where table_name = 'report_values' and record_id = ${ward!.id}`.execute(t().db.db);
    expect(audit.rows[0]!.n).toBe(2);
  });

  it('reads a CSV in Windows-1258 and one in TCVN3, and workbook cells typed in VNI', async () => {
    const formId = await freshForm();
    const text = csv([HEADER, ['06712', 'HO_DANG_KY', '', '1.234'], ['06712', 'GHI_CHU', '', 'Đã hoàn thành']]);
    const win = await imported(f.leader.session, { formId, periodId: '202603' }, cp1258(text), 'a.csv');
    expect(win).toMatchObject({ imported: true, encoding: 'windows-1258', created: 1 });
    expect(valueMap(await reportOf(formId, '202603', f.units.mc1))).toEqual({
      [`${f.indicators.registered}/`]: 1234,
      [`${f.indicators.note}/`]: 'Đã hoàn thành',
    });

    // TCVN3 (.VnTime): "Mã đơn vị" is written M· ®¬n vÞ, "ĐTN" §TN.
    const form2 = await freshForm();
    const legacy = csv([
      HEADER,
      ['06712', 'HS_TT', 'ĐTN', '36.793'],
      ['06712', 'GHI_CHU', '', 'Người dân đồng tình ủng hộ'],
    ]);
    const tcvn3 = iconv.encode(legacy, 'tcvn');
    expect(tcvn3.toString('latin1')).toContain('M· ®¬n vÞ');
    const answer = await imported(f.leader.session, { formId: form2, periodId: '202603' }, tcvn3, 'b.csv');
    expect(answer).toMatchObject({ imported: true, encoding: 'tcvn3', created: 1, values: 2 });
    expect(valueMap(await reportOf(form2, '202603', f.units.mc1))).toEqual({
      [`${f.indicators.dossiers}/youth_union`]: 36793,
      [`${f.indicators.dossiers}/`]: 36793,
      [`${f.indicators.note}/`]: 'Người dân đồng tình ủng hộ',
    });

    // VNI-Times in a workbook: the cells hold the font's characters ("Maõ ñôn vò" for "Mã đơn vị").
    const form3 = await freshForm();
    const vni = await xlsx([
      ['Maõ ñôn vò', 'Maõ chæ tieâu', 'Phaân loaïi', 'Giaù trò'],
      ['06712', 'GHI_CHU', '', 'Vöôït keá hoaïch'],
      ['06712', 'HS_TT', 'Hoäi LHPN', 5],
    ]);
    const v = await imported(f.leader.session, { formId: form3, periodId: '202603' }, vni);
    expect(v).toMatchObject({ imported: true, encoding: 'xlsx+vni', values: 2 });
    expect(valueMap(await reportOf(form3, '202603', f.units.mc1))).toMatchObject({
      [`${f.indicators.note}/`]: 'Vượt kế hoạch',
      [`${f.indicators.dossiers}/womens_union`]: 5,
    });
  });

  it('lists every bad row with its reason and writes nothing', async () => {
    const formId = await freshForm();
    const rows = [
      HEADER,
      ['06712', 'HO_DANG_KY', null, 10], // fine, but not written: another row is bad
      ['99999', 'HO_DANG_KY', null, 1], // no such unit
      ['06709', 'HO_DANG_KY', null, 1], // Móng Cái 2: not the ward leader's
      ['06712', 'KHONG_CO', null, 1], // not on the form
      ['06712', 'HO_DAT', null, '12a'], // not a number
      ['06712', 'HO_DAT', 'ĐTN', 3], // no breakdown
      ['06712', 'TY_LE', null, 130], // over 100 %
      ['06712', 'HO_DANG_KY', null, 11], // twice
      ['06712', 'HS_TT', 'Không rõ', 1], // no such category
    ];
    const before = await written();
    const answer = await imported(f.leader.session, { formId, periodId: '202603' }, await xlsx(rows));
    expect(answer.imported).toBe(false);
    expect(answer.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'unit'],
      [4, 'unit'],
      [5, 'indicator'],
      [6, 'value'],
      [7, 'category'],
      [8, 'value'],
      [9, 'indicator'],
      [10, 'category'],
    ]);
    expect(answer.errors[0]!.message).toBe('Không có đơn vị mã "99999" vào ngày 14/03/2026 (ngày cuối kỳ).');
    expect(answer.errors[1]!.message).toBe('Bạn không được giao nhập báo cáo của «Phường Móng Cái 2».');
    expect(answer.errors[3]!.message).toBe('"12a" không phải là số (viết 1.234,5 hoặc 1234.5).');
    expect(answer.errors[6]!.message).toBe('Trùng với dòng 2 (cùng đơn vị, chỉ tiêu và phân loại).');
    expect(answer).toMatchObject({ created: 0, updated: 0, values: 0, errorCount: 8 });
    expect(await written()).toBe(before);

    // February 2026 locked since today: every row of it says so.
    const locked = await imported(f.leader.session, { formId, periodId: '202602' }, await xlsx(rows.slice(0, 2)));
    expect(locked.imported).toBe(false);
    expect(locked.errors).toEqual([
      {
        row: 2,
        field: 'unit',
        message: 'Kỳ báo cáo đã khóa từ ngày 02/03/2026; người duyệt của Tỉnh Quảng Ninh có thể mở lại.',
      },
    ]);
    expect(await written()).toBe(before);
    // A file without the columns, a period not of the form, another kind of file: refused as a whole.
    const noColumns = await send(f.leader.session, { formId, periodId: '202603' }, await xlsx([['Tên', 'Số']]));
    expect([noColumns.statusCode, noColumns.json().error.issues[0].message]).toEqual([
      400,
      'Tệp thiếu cột bắt buộc: Mã đơn vị, Mã chỉ tiêu, Giá trị.',
    ]);
    const quarter = await send(f.leader.session, { formId, periodId: '2026Q1' }, await xlsx(rows.slice(0, 2)));
    expect([quarter.statusCode, quarter.json().error.field]).toEqual([400, 'periodId']);
    expect(
      (await send(f.leader.session, { formId, periodId: '202603' }, Buffer.from('%PDF'), 'a.pdf')).statusCode,
    ).toBe(400);
    const asJson = await call(t().app, {
      method: 'POST',
      url: '/api/reporting/import',
      session: f.leader.session,
      body: { formId, periodId: '202603' },
    });
    expect(asJson.statusCode).toBe(415);
  });

  it('imports the same file again into the same drafts, and updates what changed; never over a submitted report', async () => {
    const formId = await freshForm();
    const file = await xlsx([HEADER, ['06712', 'HO_DANG_KY', null, 41], ['06712', 'HO_DAT', null, 40]]);
    expect(await imported(f.leader.session, { formId, periodId: '202603' }, file)).toMatchObject({ created: 1 });
    const first = (await reportOf(formId, '202603', f.units.mc1))!;
    const again = await imported(f.leader.session, { formId, periodId: '202603' }, file);
    expect(again).toMatchObject({ imported: true, created: 0, updated: 1, values: 2 });
    const second = (await reportOf(formId, '202603', f.units.mc1))!;
    expect(second.id).toBe(first.id);
    expect(valueMap(second)).toEqual(valueMap(first));
    // A form opened before the import is stale now.
    expect(second.version).toBeGreaterThan(first.version);
    // The unchanged values wrote no audit row the second time.
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where table_name = 'report_values' and record_id = ${first.id}`.execute(t().db.db);
    expect(audit.rows[0]!.n).toBe(1);

    const changed = await imported(
      f.leader.session,
      { formId, periodId: '202603' },
      await xlsx([HEADER, ['06712', 'HO_DAT', null, 44]]),
    );
    expect(changed).toMatchObject({ created: 0, updated: 1, values: 1 });
    expect(valueMap(await reportOf(formId, '202603', f.units.mc1))).toEqual({
      [`${f.indicators.registered}/`]: 41,
      [`${f.indicators.reached}/`]: 44,
    });

    // Submitted with the import: the report is no longer a draft, and a later import of it is refused row by row.
    const submitted = await imported(f.leader.session, { formId, periodId: '202603', submit: 'true' }, file);
    expect(submitted).toMatchObject({ imported: true, submitted: 1, notSubmitted: [] });
    expect((await reportOf(formId, '202603', f.units.mc1))?.status).toBe('submitted');
    const over = await imported(f.leader.session, { formId, periodId: '202603' }, file);
    expect(over.imported).toBe(false);
    expect(over.errors[0]!.message).toContain('đã gửi, không nhập đè được');
  });

  it('submits on request only the reports that break no blocking rule', async () => {
    const formId = await freshForm();
    const file = await xlsx([
      HEADER,
      [f.village.code, 'HO_DANG_KY', null, 5],
      ['06712', 'HO_DAT', null, 3], // the required households registered left out
    ]);
    const answer = await imported(f.leader.session, { formId, periodId: '202603', submit: 'true' }, file);
    expect(answer).toMatchObject({ imported: true, created: 2, submitted: 1 });
    expect(answer.notSubmitted).toEqual([
      { unit: '06712', body: null, messages: ['Chưa nhập «Số hộ đăng ký xây dựng hộ mẫu».'] },
    ]);
    expect((await reportOf(formId, '202603', f.village.id))?.status).toBe('submitted');
    expect((await reportOf(formId, '202603', f.units.mc1))?.status).toBe('draft');
  });

  it('gives a template to fill for my units, which imports back as it is filled', async () => {
    const formId = await freshForm();
    const res = await call(t().app, {
      url: `/api/reporting/forms/${formId}/template.xlsx?period=202603`,
      session: f.reporter.session,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Số liệu')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã chỉ tiêu',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Phân loại',
      'Giá trị',
    ]);
    // The village reporter's one unit, a row per indicator.
    expect(ws.rowCount).toBe(6);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      f.village.code,
      'Khu 1',
      'HO_DANG_KY',
      'Số hộ đăng ký xây dựng hộ mẫu',
      'hộ',
    ]);
    ws.getCell('G2').value = 12;
    ws.getCell('G3').value = '1.005';
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const answer = await imported(f.reporter.session, { formId, periodId: '202603' }, filled);
    expect(answer).toMatchObject({ imported: true, created: 1, values: 2 });
    expect(valueMap(await reportOf(formId, '202603', f.village.id))).toEqual({
      [`${f.indicators.registered}/`]: 12,
      [`${f.indicators.reached}/`]: 1005,
    });
    // The template of the period now shows the values entered.
    const again = await call(t().app, {
      url: `/api/reporting/forms/${formId}/template.xlsx?period=202603`,
      session: f.reporter.session,
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(again.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('Số liệu')!.getCell('G2').value).toBe(12);
    expect(
      (
        await call(t().app, {
          url: `/api/reporting/forms/${f.admin.accountId}/template.xlsx`,
          session: f.reporter.session,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('imports 1,000 values of 20 units, writing them set-based in a few statements', async () => {
    const db = t().db.db;
    const indicators: { id: string }[] = [];
    for (let i = 0; i < 50; i++)
      indicators.push({ id: await addReportIndicator(db, { code: `NHANH_${i}`, name: `Chỉ tiêu nhanh ${i}` }) });
    const form = await addReportForm(db, { code: 'BC_NHANH', name: 'Báo cáo nhanh', indicators });
    const units = (
      await sql<{ code: string; unit_id: string }>`select u.code, u.unit_id from unit_tree u
         join unit_tree p on p.unit_id = u.parent_id and p.code = '22' and p.valid_to is null
        where u.valid_to is null order by u.code limit 40`.execute(db)
    ).rows;
    expect(units).toHaveLength(40);
    const rows: (string | number | null)[][] = [HEADER];
    for (const u of units.slice(0, 20))
      for (let i = 0; i < 50; i++) rows.push([u.code, `NHANH_${i}`, null, (i * 37) % 1000]);
    const file = await xlsx(rows);
    expect((await uploadFile(t().app, f.admin, 'nhanh.xlsx', file, '/api/reporting/import')).statusCode).toBe(400);
    const started = performance.now();
    const answer = await imported(f.admin, { formId: form.id, periodId: '202603' }, file);
    const took = performance.now() - started;
    expect(answer).toMatchObject({ imported: true, created: 20, values: 1000 });
    expect(await imported(f.admin, { formId: form.id, periodId: '202603' }, file)).toMatchObject({
      imported: true,
      updated: 20,
      values: 1000,
    });

    // The writer alone (what an import does once the sheet is read and checked), for 20 other units.
    const period = parsePeriod('202603')!;
    const reports = units.slice(20).map((u) => ({
      unitId: u.unit_id,
      bodyId: null,
      existingId: null,
      values: indicators.map((ind, i) => ({ indicatorId: ind.id, category: '', num: i, txt: null })),
    }));
    const start2 = performance.now();
    const written = await inTransaction(db, { accountId: null, label: 'test' }, (trx) =>
      writeReports(trx, {
        formId: form.id,
        version: { id: form.versionId },
        period,
        days: { start: '2026-02-15', end: '2026-03-14' },
        createdBy: null,
        now: new Date(),
        reports,
      }),
    );
    const write = performance.now() - start2;
    expect(written).toMatchObject({ created: 20, updated: 0 });
    const stored = await sql<{ n: number }>`select count(*)::int as n from report_values
      where submission_id = any (${written.ids}::uuid[])`.execute(db);
    expect(stored.rows[0]!.n).toBe(1000);
    console.log(`1,000 values: the import over HTTP ${Math.round(took)} ms, the writer alone ${Math.round(write)} ms`);
    expect(write).toBeLessThan(1000);
  }, 60_000);
});
