import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { call, signIn, useTestApp } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { erasePersonalData } from './retention.service.ts';

describe('retention of personal data', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });

  it('erases the personal fields of records ended past their period, from the rows and the audit values, once', async () => {
    const { app, ctx, db } = t();
    const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const make = async (name: string) =>
      (
        await call(app, {
          method: 'POST',
          url: '/api/people',
          session: admin,
          body: { fullName: name, phone: '0912345678', email: 'nguoi@example.vn', address: 'Khu 3, Phường Móng Cái 1' },
        })
      ).json().id as string;
    const old = await make('Người Đã Nghỉ Lâu');
    const recent = await make('Người Mới Nghỉ');
    await db.db.updateTable('people').set({ deleted_at: '2023-06-01T00:00:00Z' }).where('id', '=', old).execute();
    await db.db.updateTable('people').set({ deleted_at: '2025-12-01T00:00:00Z' }).where('id', '=', recent).execute();
    const leaver = await buildAccount(ctx, { email: 'roi@example.vn', phone: '0987654321' });
    await db.db
      .updateTable('accounts')
      .set({ disabled_at: '2022-01-01T00:00:00Z' })
      .where('id', '=', leaver.id)
      .execute();

    const result = await erasePersonalData(ctx);
    expect(result).toEqual([
      { kind: 'deleted_person', records: 1 },
      { kind: 'disabled_account', records: 1 },
      { kind: 'sign_in_address', records: 0 },
    ]);
    const people = await db.db
      .selectFrom('people')
      .select(['id', 'full_name', 'phone', 'email', 'address'])
      .where('id', 'in', [old, recent])
      .orderBy('full_name')
      .execute();
    expect(people).toEqual([
      {
        id: recent,
        full_name: 'Người Mới Nghỉ',
        phone: '0912345678',
        email: 'nguoi@example.vn',
        address: 'Khu 3, Phường Móng Cái 1',
      },
      { id: old, full_name: 'Người Đã Nghỉ Lâu', phone: null, email: null, address: null },
    ]);
    expect(
      await db.db.selectFrom('accounts').select(['email', 'phone']).where('id', '=', leaver.id).executeTakeFirst(),
    ).toEqual({ email: null, phone: null });
    // Nothing of the erased values is left in the audit log; the erasure itself is recorded.
    const leftovers = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where record_id = ${old} and (before::text like '%0912345678%' or after::text like '%0912345678%')`.execute(
      db.db,
    );
    expect(leftovers.rows[0]!.n).toBe(0);
    const recentAudit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where record_id = ${recent} and after::text like '%0912345678%'`.execute(
      db.db,
    );
    expect(recentAudit.rows[0]!.n).toBeGreaterThan(0);
    const erase = await db.db
      .selectFrom('audit_log')
      .select(['actor_label', 'table_name', 'after'])
      .where('action', '=', 'erase')
      .orderBy('id')
      .execute();
    expect(erase.map((e) => [e.actor_label, e.table_name])).toEqual([
      ['job:retention', 'people'],
      ['job:retention', 'accounts'],
    ]);
    expect(JSON.stringify(erase[0]!.after)).toContain('"records":1');
    expect((await erasePersonalData(ctx)).every((r) => r.records === 0)).toBe(true);
  });

  it('an administrator sets the period per kind; bad values are refused', async () => {
    const { app, ctx } = t();
    const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const rules = (await call(app, { url: '/api/retention-rules', session: admin })).json();
    const rule = rules.find((r: { kind: string }) => r.kind === 'deleted_person');
    expect(rule).toMatchObject({ name: 'Thông tin cá nhân của cán bộ đã xóa khỏi danh mục', months: 24 });
    const ok = await call(app, {
      method: 'PUT',
      url: '/api/retention-rules/deleted_person',
      session: admin,
      body: { version: rule.version, months: 60 },
    });
    expect([ok.statusCode, ok.json().months]).toEqual([200, 60]);
    expect(
      (
        await call(app, {
          method: 'PUT',
          url: '/api/retention-rules/deleted_person',
          session: admin,
          body: { version: rule.version, months: 12 },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call(app, {
          method: 'PUT',
          url: '/api/retention-rules/deleted_person',
          session: admin,
          body: { version: rule.version + 1, months: 0 },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call(app, {
          method: 'PUT',
          url: '/api/retention-rules/nope',
          session: admin,
          body: { version: 1, months: 12 },
        })
      ).statusCode,
    ).toBe(404);
  });
});
