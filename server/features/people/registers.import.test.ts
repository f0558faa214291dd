import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { importBodies, importPeople } from './registers.import.ts';
import { sheetRows, xlsxParts, zip } from '../../uploads/zip.testkit.ts';

const actor = { accountId: null, label: 'cli' };
const csv = (lines: string[]) => ({ data: Buffer.from(lines.join('\n'), 'utf8'), filename: 'data.csv' });

describe('importing the registers of bodies and people', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  beforeAll(async () => {
    await seedDemo(t().ctx, actor);
  }, 120_000);

  it('bodies: a report per row, idempotent, written with the CLI as actor', async () => {
    const { ctx, db } = t();
    const file = csv([
      'Mã đơn vị,Loại,Tên,Tên viết tắt,Tổ chức cấp trên,Từ ngày',
      '06712,Hội Cựu chiến binh,Hội Cựu chiến binh Phường Móng Cái 1,CCB P. Móng Cái 1,Hội Cựu chiến binh tỉnh Quảng Ninh,01/07/2025',
      '06712,castle,Lâu đài,,,',
      '99999,front,Ủy ban MTTQ X,,,01/07/2025',
      '06712,farmers_union,Chi hội Nông dân Khu 3,,Không có,01/07/2025',
    ]);
    const first = await importBodies(ctx, actor, 'vi', file);
    expect(first.map((r) => r.status)).toEqual(['added', 'refused', 'refused', 'refused']);
    expect(first[1]!.message).toContain('castle');
    expect(first[2]!.message).toContain('99999');
    expect(first[3]!.message).toContain('Không có');
    expect((await importBodies(ctx, actor, 'vi', file))[0]!.status).toBe('unchanged');
    const audit = await db.db
      .selectFrom('audit_log')
      .select('actor_label')
      .where('table_name', '=', 'bodies')
      .where('action', '=', 'create')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe('cli');
  });

  it('people with positions: reused when already there, bad rows refused with the reason', async () => {
    const { ctx } = t();
    const file = csv([
      'Họ và tên,Giới tính,Điện thoại,Tổ chức,Chức vụ,Từ ngày,Đến ngày,Quyền,Kiêm nhiệm',
      'Bùi Thị Nhập,Nữ,0915 111 222,Hội LHPN Phường Móng Cái 1,Phó Chủ tịch,01/07/2025,,,x',
      'Bùi Thị Nhập,Nữ,0915111222,Ủy ban MTTQ Phường Móng Cái 1,Ủy viên,01/07/2025,,,',
      ',Nam,,,,,,,',
      'Sai Ngày,Nam,,Ủy ban MTTQ Phường Móng Cái 1,Ủy viên,31/02/2025,,,',
      'Sai Số,Nam,12345,,,,,,',
    ]);
    const res = await importPeople(ctx, actor, 'vi', file);
    expect(res.map((r) => r.status)).toEqual(['added', 'added', 'refused', 'refused', 'refused']);
    const again = await importPeople(ctx, actor, 'vi', file);
    expect(again.slice(0, 2).map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    const person = await t().db.db.selectFrom('people').select('id').where('full_name', '=', 'Bùi Thị Nhập').execute();
    expect(person).toHaveLength(1);
    const positions = await t()
      .db.db.selectFrom('positions')
      .select(['title', 'concurrent'])
      .where('person_id', '=', person[0]!.id)
      .orderBy('title')
      .execute();
    expect(positions).toEqual([
      { title: 'Phó Chủ tịch', concurrent: true },
      { title: 'Ủy viên', concurrent: false },
    ]);
  });

  it('a register over the upload limits is refused naming the limit, before any row is written', async () => {
    const { ctx, db } = t();
    const before = await db.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const tall = csv(['Họ và tên', ...Array.from({ length: 20_000 }, (_, i) => `Người ${i}`)]);
    await expect(importPeople(ctx, actor, 'vi', tall)).rejects.toMatchObject({
      code: 'UPLOAD_TOO_COMPLEX',
      limit: { name: 'rows', max: 20_000 },
    });
    const bomb = {
      data: zip([...xlsxParts({ rows: sheetRows(1, 2) }), { name: 'xl/media/image1.png', zeros: 300 * 1024 * 1024 }]),
      filename: 'to-chuc.xlsx',
    };
    await expect(importBodies(ctx, actor, 'vi', bomb)).rejects.toMatchObject({
      code: 'UPLOAD_TOO_COMPLEX',
      limit: { name: 'uncompressedBytes' },
    });
    expect(
      await db.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
  });
});
