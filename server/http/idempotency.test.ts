import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../test/app.ts';
import { buildProgramme, PNG, workFixture, type WorkFixture } from '../../test/work-fixture.ts';
import { dailySweep } from '../jobs/daily-sweep.ts';
import { KEEP_MS, keepsAnswer, LEASE_MS } from './idempotency.ts';
import { deriveKeys } from './idempotency.seal.ts';

describe('Idempotency-Key: a write sent again is done once', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: WorkFixture;
  let programme: { id: string; groups: { id: string }[] };

  beforeAll(async () => {
    f = await workFixture(t());
    programme = await buildProgramme(t().app, f.leader.session, f.bodies.mc1);
  }, 120_000);

  const taskBody = (title: string) => ({
    programmeId: programme.id,
    groupId: programme.groups[0]!.id,
    kind: 'shared',
    title,
    leadBodyId: f.bodies.mc1,
    startDate: '2026-03-01',
    dueDate: '2026-03-31',
    cooperators: [{ bodyId: f.bodies.mc1Women, part: 'Vận động hội viên phụ nữ', personId: f.women.personId }],
    assign: true,
  });
  const send = (session: Session, key: string, body: unknown, url = '/api/tasks', method: 'POST' | 'PATCH' = 'POST') =>
    call(t().app, { method, url, session, body, headers: { 'idempotency-key': key } });
  const tasksTitled = async (title: string) =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from tasks where title = ${title}`.execute(t().db.db)).rows[0]!.n,
    );
  const auditRows = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from audit_log`.execute(t().db.db)).rows[0]!.n);
  const keyRows = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from idempotency_keys`.execute(t().db.db)).rows[0]!.n);

  it('creating a task twice with one key makes one task, and the second answer is the first', async () => {
    const title = 'Tuyên truyền Ngày hội Đại đoàn kết toàn dân tộc';
    const first = await send(f.leader.session, 'tao-nhiem-vu-0001', taskBody(title));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const audited = await auditRows();

    const again = await send(f.leader.session, 'tao-nhiem-vu-0001', taskBody(title));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.json()).toEqual(first.json());
    // The same fields in another order are the same request.
    const reordered = Object.fromEntries(Object.entries(taskBody(title)).reverse());
    expect((await send(f.leader.session, 'tao-nhiem-vu-0001', reordered)).json()).toEqual(first.json());
    expect(await tasksTitled(title)).toBe(1);
    expect(await auditRows()).toBe(audited);
  });

  it('keeps the answer only encrypted, and neither the key nor the request in the clear', async () => {
    const title = 'Vận động Quỹ Vì người nghèo Phường Móng Cái 1';
    const key = 'bao-mat-khoa-0001';
    expect((await send(f.leader.session, key, taskBody(title))).statusCode).toBe(201);
    const rows = await sql<{
      row: string;
    }>`select to_jsonb(k)::text as row, encode(response, 'escape') as r from idempotency_keys k`.execute(t().db.db);
    const everything = rows.rows.map((r) => JSON.stringify(r)).join('\n');
    for (const clear of [title, 'Quỹ Vì người nghèo', key, 'Vận động hội viên phụ nữ', f.bodies.mc1Women])
      expect(everything).not.toContain(clear);
  });

  it('another request with the same key is refused with 422 and does nothing', async () => {
    const title = 'Giám sát việc thực hiện chính sách bảo hiểm y tế';
    const key = 'khoa-dung-lai-0001';
    expect((await send(f.leader.session, key, taskBody(title))).statusCode).toBe(201);
    const otherBody = await send(f.leader.session, key, taskBody(title + ' (sửa)'));
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherRoute = await send(
      f.leader.session,
      key,
      { title: 'Khác', version: 1 },
      `/api/programmes/${programme.id}`,
      'PATCH',
    );
    expect(otherRoute.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await tasksTitled(title + ' (sửa)')).toBe(0);
    expect(await tasksTitled(title)).toBe(1);
  });

  it('while the first is still running the same key answers 409, and the first then completes once', async () => {
    const title = 'Tổ chức Hội nghị đại biểu Nhân dân khu phố';
    const key = 'dang-chay-0001';
    // The test holds the programme's row, which creating a task updates (its task counter): the first request claims
    // its key and then waits for the row.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = t()
      .db.db.transaction()
      .execute(async (trx) => {
        await sql`select id from programmes where id = ${programme.id} for update`.execute(trx);
        locked();
        await held;
      });
    await isLocked;
    const first = send(f.leader.session, key, taskBody(title));
    // Asked again until the first request has claimed the key (each query lets it go on meanwhile).
    const claimed = () =>
      t()
        .db.db.selectFrom('idempotency_keys')
        .select('status')
        .where('key_hash', '=', deriveKeys(key, f.leader.id).id)
        .executeTakeFirst();
    while (!(await claimed()));
    expect((await claimed())!.status).toBeNull();

    const during = await send(f.leader.session, key, taskBody(title));
    expect(during.statusCode).toBe(409);
    expect(during.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    release();
    await holder;
    const done = await first;
    expect(done.statusCode, done.body).toBe(201);
    const after = await send(f.leader.session, key, taskBody(title));
    expect([after.statusCode, after.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(after.json()).toEqual(done.json());
    expect(await tasksTitled(title)).toBe(1);
  });

  it('keys are per account: another account with the same key and request is a request of its own', async () => {
    const title = 'Hướng dẫn Ban công tác Mặt trận khu dân cư';
    const key = 'moi-tai-khoan-0001';
    const mine = await send(f.leader.session, key, taskBody(title));
    const theirs = await send(f.admin, key, taskBody(title));
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().task.id).not.toBe(mine.json().task.id);
    // The account's API token shares its keys with its browser sessions.
    const token = (
      await call(t().app, { method: 'POST', url: '/api/tokens', session: f.leader.session, body: { name: 'Đồng bộ' } })
    ).json().secret as string;
    const viaToken = await call(t().app, {
      method: 'POST',
      url: '/api/tasks',
      token,
      body: taskBody(title),
      headers: { 'idempotency-key': key },
    });
    expect([viaToken.statusCode, viaToken.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(viaToken.json()).toEqual(mine.json());
    expect(await tasksTitled(title)).toBe(2);
  });

  it('keeps a definite refusal (given again), not a transient one (the retry runs again)', async () => {
    const unknownLead = {
      ...taskBody('Nhiệm vụ của đơn vị không có'),
      leadBodyId: '00000000-0000-4000-8000-000000000009',
    };
    const refused = await send(f.leader.session, 'tu-choi-0001', unknownLead);
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(409);
    const again = await send(f.leader.session, 'tu-choi-0001', unknownLead);
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([refused.statusCode, 'true']);
    expect(again.json()).toEqual(refused.json());

    // A stale version (409 CONFLICT) is not kept: the key is free again and the retry is answered afresh.
    const before = await keyRows();
    const stale = { title: 'Chương trình cũ', version: 999 };
    const conflict = await send(f.leader.session, 'xung-dot-0001', stale, `/api/programmes/${programme.id}`, 'PATCH');
    expect(conflict.json().error.code).toBe('CONFLICT');
    expect(await keyRows()).toBe(before);
    const retried = await send(f.leader.session, 'xung-dot-0001', stale, `/api/programmes/${programme.id}`, 'PATCH');
    expect([retried.statusCode, retried.headers['idempotent-replayed']]).toEqual([409, undefined]);
    // The rule: successes and definite refusals are kept; "not now" answers and server errors are not.
    expect([200, 201, 400, 403, 404, 413, 415, 422].filter((status) => !keepsAnswer(status))).toEqual([]);
    expect([408, 409, 423, 425, 429, 500, 502, 503].filter(keepsAnswer)).toEqual([]);
  });

  it('an upload sent again with the same key (with a new multipart boundary) stores one file; another file is refused', async () => {
    const upload = (boundary: string, key: string, data: Buffer) =>
      t().app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: `khoi_session=${f.officer.session.cookie}`,
          'x-csrf-token': f.officer.session.csrf,
          'idempotency-key': key,
        },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bien-ban.png"\r\nContent-Type: image/png\r\n\r\n`,
          ),
          data,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    const files = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from files`.execute(t().db.db)).rows[0]!.n);
    const before = await files();
    const first = await upload('----khoi-a1b2c3', 'tai-tep-0001', PNG);
    expect(first.statusCode, first.body).toBe(201);
    const again = await upload('----WebKitFormBoundaryQ9z', 'tai-tep-0001', PNG);
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(again.json()).toEqual(first.json());
    expect(await files()).toBe(before + 1);
    const other = await upload('----khoi-a1b2c3', 'tai-tep-0001', Buffer.concat([PNG, Buffer.from([0])]));
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await files()).toBe(before + 1);
  });

  it('a claim whose request never answered (its server stopped) is taken over after the lease', async () => {
    const { ctx, clock } = t();
    const title = 'Kiểm tra công tác dân vận khu phố 3';
    const key = 'bi-bo-do-0001';
    expect((await send(f.leader.session, key, taskBody(title))).statusCode).toBe(201);
    // As if the server had stopped between the claim and the answer.
    await ctx.db
      .updateTable('idempotency_keys')
      .set({ status: null, response: null, completed_at: null })
      .where('key_hash', '=', deriveKeys(key, f.leader.id).id)
      .execute();
    expect((await send(f.leader.session, key, taskBody(title))).json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    clock.advance(LEASE_MS + 1000);
    try {
      const taken = await send(f.leader.session, key, taskBody(title));
      expect([taken.statusCode, taken.headers['idempotent-replayed']]).toEqual([201, undefined]);
    } finally {
      clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('after 24 hours a key is forgotten: the daily sweep deletes it, and the same key is a new request', async () => {
    const { ctx, clock } = t();
    const title = 'Sơ kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa';
    const key = 'het-han-0001';
    const first = await send(f.leader.session, key, taskBody(title));
    expect(first.statusCode).toBe(201);
    expect(await keyRows()).toBeGreaterThan(0);
    clock.advance(KEEP_MS - 60_000);
    try {
      expect((await send(f.leader.session, key, taskBody(title))).headers['idempotent-replayed']).toBe('true');
      clock.advance(60_000);
      const swept = await dailySweep(ctx, []);
      expect(swept.errors).toEqual([]);
      expect(swept.idempotencyKeys).toBeGreaterThan(0);
      const left = await ctx.db
        .selectFrom('idempotency_keys')
        .select('status')
        .where('key_hash', '=', deriveKeys(key, f.leader.id).id)
        .execute();
      expect(left).toEqual([]);
      const later = await send(f.leader.session, key, taskBody(title));
      expect([later.statusCode, later.headers['idempotent-replayed']]).toEqual([201, undefined]);
      expect(later.json().task.id).not.toBe(first.json().task.id);
      expect(await tasksTitled(title)).toBe(2);
    } finally {
      clock.set('2026-03-02T02:00:00Z');
    }
  });
});
