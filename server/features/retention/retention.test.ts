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
      { kind: 'filed_petitioner', records: 0 },
      { kind: 'ended_petitioner', records: 0 },
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

  it('erases petitioners’ identities a year after their letter was filed, and years after a case ended', async () => {
    const { ctx, db } = t();
    const body = (
      await db.db
        .insertInto('bodies')
        .values({
          unit_id: (await db.db.insertInto('units').values({ level: 3 }).returning('id').executeTakeFirstOrThrow()).id,
          kind: 'front',
          name: 'Ủy ban MTTQ lưu giữ',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const petition = async (state: string, day: string, closedOn: string | null = null) => {
      const p = await db.db
        .insertInto('petitions')
        .values({
          receiving_body_id: body,
          register: 'letters',
          year: Number(day.slice(0, 4)),
          received_on: day,
          channel: 'post',
          summary: 'Đơn',
          content: 'Nội dung',
          state,
          closed_on: closedOn,
          tracking_code: `ret-${state}-${day}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.db
        .insertInto('petitioners')
        .values({ petition_id: p.id, full_name: 'Lê Thị Mai', name_fold: 'le thi mai', phone: '0987000111' })
        .execute();
      if (state === 'filed')
        await db.db.insertInto('petition_events').values({ petition_id: p.id, day, action: 'file' }).execute();
      return p.id;
    };
    const oldFiled = await petition('filed', '2024-12-01');
    const newFiled = await petition('filed', '2025-12-01');
    const oldClosed = await petition('closed', '2009-01-05', '2010-06-01');
    const open = await petition('forwarded', '2009-01-05');
    const result = await erasePersonalData(ctx);
    expect(result.filter((r) => r.kind.endsWith('_petitioner'))).toEqual([
      { kind: 'filed_petitioner', records: 1 },
      { kind: 'ended_petitioner', records: 1 },
    ]);
    const left = await db.db
      .selectFrom('petitioners')
      .select(['petition_id', 'full_name', 'phone'])
      .where('petition_id', 'in', [oldFiled, newFiled, oldClosed, open])
      .execute();
    const of = (id: string) => left.find((x) => x.petition_id === id);
    expect(of(oldFiled)).toMatchObject({ full_name: '(đã xóa theo thời hạn lưu giữ)', phone: null });
    expect(of(oldClosed)).toMatchObject({ full_name: '(đã xóa theo thời hạn lưu giữ)', phone: null });
    expect(of(newFiled)).toMatchObject({ full_name: 'Lê Thị Mai', phone: '0987000111' });
    expect(of(open)).toMatchObject({ full_name: 'Lê Thị Mai', phone: '0987000111' });
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
