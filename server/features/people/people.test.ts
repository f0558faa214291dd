import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, demoSessions, PASSWORD } from '../../../test/factories.ts';

describe('people and positions', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    ({ admin, officer } = await demoSessions(t()));
  }, 120_000);

  it('one person holds several positions at once, dated, some concurrent; the list shows no personal data', async () => {
    const { app } = t();
    const list = (
      await call(app, { url: '/api/people?q=nguyen%20van%20dinh&asOf=2025-06-30', session: officer })
    ).json();
    expect(list.total).toBe(1);
    const p = list.items[0];
    expect(p.positions.map((x: { title: string }) => x.title).sort()).toEqual([
      'Chủ tịch',
      'Trưởng Ban Dân vận',
      'Trưởng Cơ quan Khối',
    ]);
    expect(p.positions.filter((x: { concurrent: boolean }) => x.concurrent)).toHaveLength(2);
    expect(JSON.stringify(list)).not.toContain('0912000001');
    const now = (await call(app, { url: `/api/people/${p.id}?asOf=2026-01-01`, session: officer })).json();
    expect(now.person.positions.map((x: { bodyName: string }) => x.bodyName)).toEqual([
      'Ủy ban MTTQ Phường Móng Cái 1',
    ]);
    expect(now.history).toHaveLength(4);
    expect(now.personal).toBeNull();
    const acting = (await call(app, { url: '/api/people?q=do%20thi%20mai&asOf=2025-01-01', session: officer })).json()
      .items[0];
    expect(acting.positions[0]).toMatchObject({ title: 'Quyền Chủ tịch', acting: true });
  });

  it('personal data is shown to an administrator and every such view is logged', async () => {
    const { app, db } = t();
    const p = (await call(app, { url: '/api/people?q=tran%20thi%20hanh', session: admin })).json().items[0];
    const detail = (await call(app, { url: `/api/people/${p.id}`, session: admin })).json();
    expect(detail.personal.phone).toBe('0912000002');
    const logged = await db.db
      .selectFrom('audit_log')
      .select(['action', 'actor_account_id'])
      .where('record_id', '=', p.id)
      .where('action', '=', 'view_personal')
      .execute();
    expect(logged).toEqual([{ action: 'view_personal', actor_account_id: admin.accountId }]);
  });

  it('an administrator adds a person with two positions; bad input and stale edits are refused', async () => {
    const { app } = t();
    const bodies = (await call(app, { url: '/api/bodies?unit=06712&asOf=2026-01-01', session: officer })).json();
    const front = bodies.find((b: { kind: string }) => b.kind === 'front');
    const women = bodies.find((b: { kind: string }) => b.kind === 'womens_union');
    expect(
      (await call(app, { method: 'POST', url: '/api/people', session: officer, body: { fullName: 'X' } })).statusCode,
    ).toBe(403);
    const created = await call(app, {
      method: 'POST',
      url: '/api/people',
      session: admin,
      body: { fullName: 'Ngô Thị Thu', gender: 'female', phone: '+84 913 000 009', email: 'Thu@MongCai.vn' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const a = await call(app, {
      method: 'POST',
      url: `/api/people/${id}/positions`,
      session: admin,
      body: { bodyId: front.id, title: 'Ủy viên Ban Thường trực', validFrom: '2025-07-01' },
    });
    const b = await call(app, {
      method: 'POST',
      url: `/api/people/${id}/positions`,
      session: admin,
      body: { bodyId: women.id, title: 'Phó Chủ tịch', validFrom: '2025-07-01', concurrent: true },
    });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const detail = (await call(app, { url: `/api/people/${id}?asOf=2026-01-01`, session: admin })).json();
    expect(detail.person.positions).toHaveLength(2);
    expect(detail.personal).toMatchObject({ phone: '0913000009', email: 'thu@mongcai.vn' });

    const badDates = await call(app, {
      method: 'POST',
      url: `/api/people/${id}/positions`,
      session: admin,
      body: { bodyId: front.id, title: 'X', validFrom: '2026-01-01', validTo: '2025-01-01' },
    });
    expect(badDates.json().error.field).toBe('validTo');
    const noBody = await call(app, {
      method: 'POST',
      url: `/api/people/${id}/positions`,
      session: admin,
      body: { bodyId: '00000000-0000-4000-8000-000000000000', title: 'X' },
    });
    expect(noBody.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'bodyId' });
    const ended = await call(app, {
      method: 'PATCH',
      url: `/api/positions/${a.json().id}`,
      session: admin,
      body: { version: 1, validTo: '2026-02-01' },
    });
    expect(ended.json().validTo).toBe('2026-02-01');
    expect(
      (
        await call(app, {
          method: 'PATCH',
          url: `/api/positions/${a.json().id}`,
          session: admin,
          body: { version: 1, title: 'Cũ' },
        })
      ).statusCode,
    ).toBe(409);
    const edit = await call(app, {
      method: 'PATCH',
      url: `/api/people/${id}`,
      session: admin,
      body: { version: 1, address: 'Khu 1, Phường Móng Cái 1' },
    });
    expect(edit.json().version).toBe(2);
    const logged = await t()
      .db.db.selectFrom('audit_log')
      .select(['before', 'after'])
      .where('table_name', '=', 'people')
      .where('record_id', '=', id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect((logged.before as { address: string | null }).address).toBeNull();
    expect((logged.after as { address: string }).address).toBe('Khu 1, Phường Móng Cái 1');
    expect(
      (
        await call(app, {
          method: 'PATCH',
          url: `/api/people/${id}`,
          session: admin,
          body: { version: 1, address: 'X' },
        })
      ).statusCode,
    ).toBe(409);
    const holders = (
      await call(app, { url: `/api/bodies/${women.id}/positions?asOf=2026-01-01`, session: officer })
    ).json();
    expect(holders.map((h: { personName: string }) => h.personName)).toContain('Ngô Thị Thu');
    const del = await call(app, {
      method: 'POST',
      url: `/api/people/${id}/delete`,
      session: admin,
      body: { version: 2 },
    });
    expect(del.json().deleted).toBe(true);
    expect((await call(app, { url: '/api/people?q=ngo%20thi%20thu', session: officer })).json().total).toBe(0);
    expect(
      (
        await call(app, { method: 'POST', url: `/api/people/${id}/restore`, session: admin, body: { version: 3 } })
      ).json().deleted,
    ).toBe(false);
  });
});

describe('an account belongs to a person', () => {
  const t = useTestApp();

  it('an administrator links an account to a person of the register; one account per person', async () => {
    const { app, ctx } = t();
    const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const person = (
      await call(app, { method: 'POST', url: '/api/people', session: admin, body: { fullName: 'Lý Thị Hoa' } })
    ).json();
    const a = await buildAccount(ctx);
    const b = await buildAccount(ctx);
    const linked = await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${a.id}`,
      session: admin,
      body: { version: 1, personId: person.id },
    });
    expect(linked.json().account.personId).toBe(person.id);
    const twice = await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${b.id}`,
      session: admin,
      body: { version: 1, personId: person.id },
    });
    expect(twice.json().error).toMatchObject({ code: 'ALREADY_EXISTS', field: 'personId' });
    const missing = await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${b.id}`,
      session: admin,
      body: { version: 1, personId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'personId' });
    const detail = (await call(app, { url: `/api/people/${person.id}`, session: admin })).json();
    expect(detail.account).toMatchObject({ id: a.id, username: a.username });
    expect(detail.person.hasAccount).toBe(true);
    // The person sees their own personal data.
    const own = await signIn(app, a.username, PASSWORD);
    expect((await call(app, { url: `/api/people/${person.id}`, session: own })).json().personal).not.toBeNull();
  });
});

describe('photos', () => {
  const t = useTestApp();
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
  const upload = (session: Session, id: string, data: Buffer, name = 'anh.jpg') => {
    const b = 'photo';
    const payload = Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    return t().app.inject({
      method: 'POST',
      url: `/api/people/${id}/photo`,
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${b}`,
        cookie: `khoi_session=${session.cookie}`,
        'x-csrf-token': session.csrf,
      },
    });
  };

  it('an administrator or the person sets a photo; the type is checked by content and the size is limited', async () => {
    const { app, ctx } = t();
    const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const person = (
      await call(app, { method: 'POST', url: '/api/people', session: admin, body: { fullName: 'Mai Văn Ảnh' } })
    ).json();
    const other = await signIn(app, (await buildAccount(ctx)).username, PASSWORD);
    expect((await upload(other, person.id, jpeg)).statusCode).toBe(403);
    const res = await upload(admin, person.id, jpeg);
    expect(res.statusCode).toBe(200);
    const url = res.json().photoUrl as string;
    const got = await call(app, { url, session: other });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.rawPayload.equals(jpeg)).toBe(true);
    expect((await call(app, { url: `/api/people/${person.id}`, session: other })).json().person.photoUrl).toBe(url);
    expect((await call(app, { url })).statusCode).toBe(401);
    const fake = await upload(admin, person.id, Buffer.from('%PDF-1.7 not an image'), 'anh.jpg');
    expect(fake.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const big = await upload(admin, person.id, Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    const removed = await call(app, { method: 'POST', url: `/api/people/${person.id}/photo/delete`, session: admin });
    expect(removed.json().photoUrl).toBeNull();
    expect((await call(app, { url, session: other })).statusCode).toBe(404);
  });
});
