import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../test/app.ts';
import { workFixture, type WorkFixture } from '../../../test/work-fixture.ts';
import { sheetRows, xlsxParts, zip } from '../../uploads/zip.testkit.ts';
import { COLUMNS } from './programme.xlsx.ts';

const MB = 1024 * 1024;
/** A generous bound on one /api/health answer: a stalled server takes tens of seconds. */
const HEALTH_BOUND_MS = 5000;

/** The import form with one .xlsx, as the browser sends it. */
function importForm(fields: Record<string, string>, name: string, data: Buffer) {
  const b = 'khoi-limits-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${b}` };
}

/** Asks /api/health again and again, one after the other, until `work` settles: each answer's status and time. */
async function healthDuring<T>(app: FastifyInstance, work: Promise<T>) {
  let settled = false;
  const outcome = work.finally(() => {
    settled = true;
  });
  const answers: { status: number; ms: number }[] = [];
  while (!settled) {
    const started = performance.now();
    const res = await app.inject({ url: '/api/health' });
    answers.push({ status: res.statusCode, ms: performance.now() - started });
  }
  return { res: await outcome, answers };
}

describe('an upload cannot stall the server', () => {
  const t = useTestApp({ start: '2026-03-12T02:00:00Z' });
  let f: WorkFixture;
  beforeAll(async () => {
    f = await workFixture(t());
  }, 180_000);

  const upload = (session: Session, year: number, name: string, data: Buffer, lang = 'vi') => {
    const { payload, contentType } = importForm(
      { bodyId: f.bodies.mc1, year: String(year), title: `Chương trình ${year}` },
      name,
      data,
    );
    return t().app.inject({
      method: 'POST',
      url: '/api/programmes/import',
      payload,
      headers: {
        'content-type': contentType,
        'accept-language': lang,
        cookie: `khoi_session=${session.cookie}`,
        'x-csrf-token': session.csrf,
      },
    });
  };

  it('refuses a zip bomb with 413 naming the limit, and /api/health answers meanwhile', async () => {
    // 300 MB of zeros in a workbook of 0.3 MB.
    const bomb = zip([...xlsxParts({ rows: sheetRows(1, 3) }), { name: 'xl/worksheets/sheet2.xml', zeros: 300 * MB }]);
    expect(bomb.length).toBeLessThan(MB);
    const { res, answers } = await healthDuring(t().app, upload(f.leader.session, 2030, 'chuong-trinh.xlsx', bomb));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'UPLOAD_TOO_COMPLEX',
      message: 'Tệp quá lớn hoặc quá phức tạp để đọc.',
      field: 'file',
      limit: { name: 'uncompressedBytes', max: 50 * MB },
      issues: [{ field: 'file', message: 'Nội dung giải nén lớn hơn 50 MB.' }],
    });
    expect(
      answers.every((a) => a.status === 200 && a.ms < HEALTH_BOUND_MS),
      JSON.stringify(answers),
    ).toBe(true);

    const en = await upload(f.leader.session, 2030, 'chuong-trinh.xlsx', bomb, 'en');
    expect(en.json().error.issues[0].message).toBe('The content is larger than 50 MB once unzipped.');
  });

  it('refuses an entry lying about its size and a sheet over the rows limit, answering /api/health while the parser finds out', async () => {
    const lying = zip([
      ...xlsxParts({ rows: sheetRows(1, 3) }),
      { name: 'xl/media/image1.png', zeros: 300 * MB, declaredSize: 4096 },
    ]);
    const first = await healthDuring(t().app, upload(f.leader.session, 2031, 'a.xlsx', lying));
    expect([first.res.statusCode, first.res.json().error.code, first.res.json().error.issues[0].message]).toEqual([
      400,
      'VALIDATION_FAILED',
      'Không đọc được tệp Excel.',
    ]);
    expect(first.answers.length).toBeGreaterThan(0);
    expect(first.answers.every((a) => a.status === 200 && a.ms < HEALTH_BOUND_MS)).toBe(true);

    const tall = zip(xlsxParts({ rows: sheetRows(20_001, 2) }));
    const second = await healthDuring(t().app, upload(f.leader.session, 2031, 'a.xlsx', tall));
    expect(second.res.statusCode).toBe(413);
    expect(second.res.json().error).toMatchObject({
      code: 'UPLOAD_TOO_COMPLEX',
      limit: { name: 'rows', max: 20_000 },
      issues: [{ message: 'Bảng tính có hơn 20.000 dòng.' }],
    });
    expect(second.answers.length).toBeGreaterThan(0);
    expect(second.answers.every((a) => a.status === 200 && a.ms < HEALTH_BOUND_MS)).toBe(true);
  });

  it('imports a 5,000-row programme while /api/health keeps answering', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chương trình');
    ws.addRow(COLUMNS.map((c) => c.header));
    for (let i = 1; i <= 5000; i++) {
      const group = `Nhóm ${Math.ceil(i / 500)}`;
      ws.addRow([
        String(i),
        group,
        `Tuyên truyền, vận động nhân dân thực hiện nhiệm vụ số ${i}`,
        '',
        'Ủy ban MTTQ Phường Móng Cái 1',
        'Hội LHPN Phường Móng Cái 1',
        '',
        '05/01/2027',
        new Date(Date.UTC(2027, 11, 31)),
        `${i} hộ`,
      ]);
    }
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { res, answers } = await healthDuring(
      t().app,
      upload(f.leader.session, 2027, 'chuong-trinh-2027.xlsx', data),
    );
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    expect(res.json()).toMatchObject({ year: 2027, groupCount: 10, taskCount: 5000 });
    expect(answers.length).toBeGreaterThan(10);
    expect(
      answers.every((a) => a.status === 200 && a.ms < HEALTH_BOUND_MS),
      `slowest ${Math.max(...answers.map((a) => a.ms))} ms`,
    ).toBe(true);
  }, 300_000);
});
