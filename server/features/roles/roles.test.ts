import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { importQuangNinh } from '../../../test/units-fixture.ts';

describe('roles and the scope of village management', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  beforeAll(async () => {
    const { app, ctx, db } = t();
    await importQuangNinh(db.db);
    admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
  }, 120_000);

  async function officerOf(unitCode: string, extra: Record<string, unknown> = {}) {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const res = await call(app, {
      method: 'POST',
      url: `/api/accounts/${acc.id}/roles`,
      session: admin,
      body: { role: 'officer', unitCode, ...extra },
    });
    expect(res.statusCode).toBe(201);
    return { session: await signIn(app, acc.username, PASSWORD), assignment: res.json(), id: acc.id };
  }

  it('a ward officer manages the villages of their own ward only, not of a sibling ward', async () => {
    const { app } = t();
    const mc1 = await officerOf('06712');
    expect(mc1.assignment).toMatchObject({
      role: 'officer',
      roleName: 'Cán bộ',
      unitCode: '06712',
      unitName: 'Phường Móng Cái 1',
    });
    const own = await call(app, {
      method: 'POST',
      url: '/api/villages',
      session: mc1.session,
      body: { parentCode: '06712', name: 'Khu Phạm vi', kind: 'quarter' },
    });
    expect(own.statusCode).toBe(201);
    const sibling = await call(app, {
      method: 'POST',
      url: '/api/villages',
      session: mc1.session,
      body: { parentCode: '06709', name: 'Khu Lạ', kind: 'quarter' },
    });
    expect(sibling.statusCode).toBe(403);
    const v = own.json();
    const move = await call(app, {
      method: 'POST',
      url: `/api/villages/${v.unit.id}/move`,
      session: mc1.session,
      body: { parentCode: '06709', version: v.version },
    });
    expect(move.statusCode).toBe(403);
    // Reading stays open: the sibling's catalogue is reference data.
    expect((await call(app, { url: '/api/units?parent=06709', session: mc1.session })).statusCode).toBe(200);
  });

  it('a provincial officer manages villages anywhere in the province; an ended or viewer role grants nothing', async () => {
    const { app } = t();
    const province = await officerOf('22');
    expect(
      (
        await call(app, {
          method: 'POST',
          url: '/api/villages',
          session: province.session,
          body: { parentCode: '06709', name: 'Khu Tỉnh', kind: 'quarter' },
        })
      ).statusCode,
    ).toBe(201);
    const ended = await officerOf('06712', { validFrom: '2025-07-01', validTo: '2026-01-01' });
    expect(
      (
        await call(app, {
          method: 'POST',
          url: '/api/villages',
          session: ended.session,
          body: { parentCode: '06712', name: 'Khu Hết hạn', kind: 'quarter' },
        })
      ).statusCode,
    ).toBe(403);
    const { ctx } = t();
    const viewerAcc = await buildAccount(ctx);
    await call(app, {
      method: 'POST',
      url: `/api/accounts/${viewerAcc.id}/roles`,
      session: admin,
      body: { role: 'viewer', unitCode: '06712' },
    });
    const viewer = await signIn(app, viewerAcc.username, PASSWORD);
    expect(
      (
        await call(app, {
          method: 'POST',
          url: '/api/villages',
          session: viewer,
          body: { parentCode: '06712', name: 'Khu Xem', kind: 'quarter' },
        })
      ).statusCode,
    ).toBe(403);
    const mine = (await call(app, { url: '/api/auth/me/roles', session: viewer })).json();
    expect(mine).toEqual([expect.objectContaining({ role: 'viewer', unitCode: '06712' })]);
  });

  it('role assignments are dated, refused when wrong, audited and guarded against stale edits', async () => {
    const { app, db } = t();
    const { id, assignment } = await officerOf('06712');
    const bad = await call(app, {
      method: 'POST',
      url: `/api/accounts/${id}/roles`,
      session: admin,
      body: { role: 'king', unitCode: '06712' },
    });
    expect(bad.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'role' });
    const gone = await call(app, {
      method: 'POST',
      url: `/api/accounts/${id}/roles`,
      session: admin,
      body: { role: 'officer', unitCode: '194' },
    });
    expect(gone.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'unitCode' });
    const dates = await call(app, {
      method: 'POST',
      url: `/api/accounts/${id}/roles`,
      session: admin,
      body: { role: 'officer', unitCode: '06712', validFrom: '2026-01-01', validTo: '2025-01-01' },
    });
    expect(dates.json().error.field).toBe('validTo');
    const end = await call(app, {
      method: 'PATCH',
      url: `/api/role-assignments/${assignment.id}`,
      session: admin,
      body: { version: 1, validTo: '2026-06-01' },
    });
    expect(end.json().validTo).toBe('2026-06-01');
    expect(
      (
        await call(app, {
          method: 'PATCH',
          url: `/api/role-assignments/${assignment.id}`,
          session: admin,
          body: { version: 1, validTo: '2026-07-01' },
        })
      ).statusCode,
    ).toBe(409);
    const audit = await db.db
      .selectFrom('audit_log')
      .select('action')
      .where('table_name', '=', 'role_assignments')
      .where('record_id', '=', assignment.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    const list = (await call(app, { url: `/api/accounts/${id}/roles`, session: admin })).json();
    expect(list).toHaveLength(1);
  });
});
