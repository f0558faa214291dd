import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../../test/app.ts';
import { demoSessions } from '../../../test/factories.ts';

async function sheetText(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const rows: string[][] = [];
  // The list exports write text, numbers and dates only.
  wb.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as (string | number | Date | null | undefined)[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
}

describe('list pages as Excel', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });

  it('exports people, bodies and accounts with the page’s filters; accounts only for administrators', async () => {
    const { admin, officer } = await demoSessions(t());
    const people = await call(t().app, { url: '/api/people/export.xlsx?q=nguyen van dinh', session: admin });
    expect(people.statusCode).toBe(200);
    expect(people.headers['content-type']).toContain('spreadsheetml');
    const p = await sheetText(people.rawPayload);
    expect(p[0]![0]).toBe('Danh sách cán bộ (ngày 02/03/2026)');
    expect(p[1]).toEqual(['Họ và tên', 'Giới tính', 'Chức vụ', 'Có tài khoản']);
    expect(p.slice(2)).toEqual([['Nguyễn Văn Định', 'Nam', 'Chủ tịch – Ủy ban MTTQ Phường Móng Cái 1', 'Có']]);

    const bodies = await sheetText(
      (await call(t().app, { url: '/api/bodies/export.xlsx?unit=06712', session: officer })).rawPayload,
    );
    expect(bodies.slice(2).map((r) => r[0])).toContain('Hội LHPN Phường Móng Cái 1');

    expect((await call(t().app, { url: '/api/accounts/export.xlsx', session: officer })).statusCode).toBe(403);
    const accounts = await sheetText(
      (await call(t().app, { url: '/api/accounts/export.xlsx?q=canbo', session: admin })).rawPayload,
    );
    expect(accounts.slice(2).map((r) => [r[0], r[1]])).toContainEqual(['canbo', 'Vũ Thị Lan']);
    expect((await call(t().app, { url: '/api/people/export.xlsx?body=nope', session: admin })).statusCode).toBe(400);
  }, 120_000);
});
