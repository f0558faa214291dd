import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../../test/app.ts';
import { act, petitionsFixture, type PetitionsFixture } from '../petitions/petitions.testkit.ts';
import { addressKey, LIMITS, summaryOf } from './petitions-public.service.ts';
import { readyToken, setCount, submitAs } from './petitions-public.testkit.ts';

const CITIZEN = { fullName: 'Đỗ Thị Hằng', phone: '0987654321', address: 'Số 12 đường Hùng Vương' };
const SECRET_WORDS = 'ông Trưởng khu Bùi Văn Mạnh thu tiền sai quy định';

describe('public petitions: a citizen sends and tracks a petition without signing in', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: PetitionsFixture;
  let ipN = 0;
  /** A fresh address per test: the per-address rate limit is in the server's memory. */
  const ip = () => `198.51.100.${++ipN}`;
  const send = async (body: Record<string, unknown> = {}, opts: Parameters<typeof submitAs>[2] = {}) =>
    submitAs(
      t(),
      { receivingBodyId: f.bodies.mc1, content: `Đề nghị xem xét: ${SECRET_WORDS}.`, ...body },
      {
        ip: ip(),
        ...opts,
      },
    );
  const track = (code: string, remoteAddress = '192.0.2.1') =>
    t().app.inject({ method: 'GET', url: `/api/public/petitions/${encodeURIComponent(code)}`, remoteAddress });
  const errorOf = (r: { json: () => unknown }) => (r.json() as { error: { code: string; field?: string } }).error;

  beforeAll(async () => {
    f = await petitionsFixture(t());
  }, 120_000);

  it('gives the form a token, lists the receiving bodies and finds units by name, with ids and names only', async () => {
    const { app } = t();
    const form = await app.inject({ url: '/api/public/petitions/form' });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ minSeconds: LIMITS.minFillSeconds, maxHours: 24 });

    const bodies = (await app.inject({ url: '/api/public/receiving-bodies' })).json<{
      items: { id: string; name: string; level: string }[];
    }>().items;
    expect(bodies.map((b) => b.name)).toEqual(
      expect.arrayContaining(['Ủy ban MTTQ tỉnh Quảng Ninh', 'Ủy ban MTTQ Phường Móng Cái 1']),
    );
    // Only Front committees: not a member organisation, not a village's Front work committee.
    expect(bodies.map((b) => b.name)).not.toContain('Hội LHPN Phường Móng Cái 1');
    expect(bodies.map((b) => b.name)).not.toContain('Ban công tác Mặt trận Khu 1');
    expect(bodies[0]).toEqual({ id: expect.any(String), name: 'Ủy ban MTTQ tỉnh Quảng Ninh', level: 'province' });

    const units = await app.inject({ url: '/api/public/units?q=mong%20cai%201' });
    expect(units.statusCode).toBe(200);
    const hit = units.json().items[0];
    expect(hit).toEqual({ id: expect.any(String), name: 'Phường Móng Cái 1', path: expect.any(String) });
    expect(hit.path).toContain('Quảng Ninh');
    expect(errorOf(await app.inject({ url: '/api/public/units?q=a' }))).toMatchObject({ field: 'q' });
  });

  it('takes a petition in as a `received` case the body’s leader sees with its sender, while the code shows none of it', async () => {
    const { app } = t();
    const res = await send({ ...CITIZEN, kind: 'proposal', summary: 'Thu tiền sai quy định' });
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json<{ trackingCode: string; replyDueOn: string; replyDays: number; expect: string }>();
    // 12 characters of 32 unambiguous ones (60 bits): a guess finds a case once in 10^18 tries.
    expect(sent.trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    // Received on Monday 2/3/2026: 10 working days (Luật TCD Đ.28 k.1) end on Monday 16/3.
    expect(sent).toMatchObject({ receivedOn: '2026-03-02', replyDueOn: '2026-03-16', replyDays: 10 });
    expect(sent.expect).toContain('Trong 10 ngày làm việc (đến hết ngày 16/03/2026)');

    const list = await call(app, { url: '/api/petitions?state=received', session: f.leader.session });
    const item = list.json().items.find((x: { summary: string }) => x.summary === 'Thu tiền sai quy định');
    expect(item).toBeDefined();
    const detail = (await call(app, { url: `/api/petitions/${item.id}`, session: f.leader.session })).json();
    expect(detail).toMatchObject({ state: 'received', channel: 'online_form', anonymous: false });
    expect(detail.petitioners[0]).toMatchObject({ fullName: CITIZEN.fullName, phone: CITIZEN.phone });
    // The province's leader reads the case, not who sent it.
    const above = (await call(app, { url: `/api/petitions/${item.id}`, session: f.provinceLeader.session })).json();
    expect(above.petitioners[0].fullName).not.toBe(CITIZEN.fullName);

    const tracked = await track(sent.trackingCode);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toEqual({
      code: sent.trackingCode,
      status: 'received',
      statusText: 'Đã tiếp nhận, đang chờ vào sổ',
      receivingBody: 'Ủy ban MTTQ Phường Móng Cái 1',
      receivedOn: '2026-03-02',
      replyDueOn: '2026-03-16',
      updatedOn: '2026-03-02',
      closedOn: null,
      forwards: [],
      replies: [],
    });
    for (const secret of [CITIZEN.fullName, CITIZEN.phone, CITIZEN.address, SECRET_WORDS, 'Thu tiền', item.id])
      expect(tracked.body).not.toContain(secret);

    // Registered by an officer: it gets its register number, which the code has nothing to do with.
    const reg = await act(app, f.officer.session, item.id, 'register');
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json().registerNumber).toMatch(/^\d+\/2026$/);
    expect(sent.trackingCode).not.toContain(String(reg.json().number));
    expect((await track(sent.trackingCode)).json()).toMatchObject({
      status: 'processing',
      statusText: 'Đang xem xét, xử lý',
    });
    // Who registered it now handles it and sees its sender.
    const own = (await call(app, { url: `/api/petitions/${item.id}`, session: f.officer.session })).json();
    expect(own.petitioners[0].fullName).toBe(CITIZEN.fullName);
    // Typed by hand: lower case, spaces instead of dashes.
    expect((await track(sent.trackingCode.toLowerCase().replace(/-/g, ' '))).statusCode).toBe(200);
  });

  /** A petition sent and taken to `forwarded` to the province's Front committee by Móng Cái 1's officer. */
  async function forwarded() {
    const { app } = t();
    const sent = (await send({ ...CITIZEN, kind: 'complaint' })).json<{ trackingCode: string }>();
    const row = await sql<{ id: string }>`select id from petitions where tracking_code = ${sent.trackingCode}`.execute(
      t().db.db,
    );
    const id = row.rows[0]!.id;
    for (const [action, body] of [
      ['register', {}],
      ['classify', { kind: 'complaint', eligible: true, competence: 'front' }],
      ['forward', { toBodyId: f.bodies.province, note: 'Ghi chú nội bộ: gọi ông Mạnh' }],
    ] as const) {
      const r = await act(app, f.officer.session, id, action, body);
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    }
    return { id, code: sent.trackingCode };
  }

  it('shows where the petition was forwarded, and of the replies only the one the office published', async () => {
    const { app } = t();
    const a = await forwarded();
    const shown = (await track(a.code)).json();
    expect(shown).toMatchObject({
      status: 'forwarded',
      statusText: 'Đã chuyển đến Ủy ban MTTQ tỉnh Quảng Ninh',
      forwards: [{ to: 'Ủy ban MTTQ tỉnh Quảng Ninh', on: '2026-03-02' }],
    });
    expect(JSON.stringify(shown)).not.toContain('Ghi chú nội bộ');

    // Not published: the citizen learns it was answered, not the result as recorded.
    const quiet = await act(app, f.officer.session, a.id, 'reply', {
      receivedOn: '2026-03-02',
      result: 'Kết quả nội bộ: đã xử lý kỷ luật ông Mạnh',
      publish: false,
    });
    expect(quiet.statusCode, quiet.body).toBe(200);
    const answered = await track(a.code);
    expect(answered.json()).toMatchObject({ status: 'answered', statusText: 'Đã có trả lời', replies: [] });
    expect(answered.body).not.toContain('Kết quả nội bộ');
    // Published later, once the office has written what the public may read; then there is nothing left to publish.
    expect(quiet.json().actions).toContain('publish_reply');
    const later = await act(app, f.officer.session, a.id, 'publish', { publishedText: 'Đã có văn bản trả lời.' });
    expect(later.json()).toMatchObject({ state: 'result_received', public: true });
    expect(later.json().actions).not.toContain('publish_reply');
    expect(later.json().events.at(-1)).toMatchObject({ action: 'publish_reply' });
    expect((await track(a.code)).json().replies).toEqual([{ on: '2026-03-02', text: 'Đã có văn bản trả lời.' }]);
    const again = await act(app, f.officer.session, a.id, 'publish', { publishedText: 'Lần nữa' });
    expect(again.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'publishedText' });

    // Published: the text the office wrote for the public, and only that.
    const b = await forwarded();
    const pub = await act(app, f.officer.session, b.id, 'reply', {
      receivedOn: '2026-03-02',
      result: 'Kết quả nội bộ: đã xử lý kỷ luật ông Mạnh',
      publish: true,
      publishedText: 'Ủy ban nhân dân phường đã kiểm tra và hoàn trả khoản thu sai.',
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const published = await track(b.code);
    expect(published.json().replies).toEqual([
      { on: '2026-03-02', text: 'Ủy ban nhân dân phường đã kiểm tra và hoàn trả khoản thu sai.' },
    ]);
    expect(published.body).not.toContain('Kết quả nội bộ');
    const closed = await act(app, f.officer.session, b.id, 'close');
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await track(b.code)).json()).toMatchObject({ status: 'closed', closedOn: '2026-03-02' });
  });

  it('refuses a form sent too soon after it opened, an old or forged token, and a filled honeypot', async () => {
    const tooFast = await send({}, { token: await readyToken(t(), 2) });
    expect(tooFast.statusCode).toBe(422);
    expect(errorOf(tooFast)).toMatchObject({ code: 'FORM_TOO_FAST', field: 'formToken', retryAfterSeconds: 6 });
    expect(tooFast.json().error.message).toContain('quá nhanh');

    const old = await send({}, { token: await readyToken(t(), 25 * 3600) });
    expect(errorOf(old)).toMatchObject({ code: 'FORM_EXPIRED', field: 'formToken' });
    const good = await readyToken(t());
    const forged = good.replace(/^\d+/, (ms) => String(Number(ms) - 60_000));
    expect(errorOf(await send({}, { token: forged }))).toMatchObject({ code: 'FORM_EXPIRED' });
    expect(errorOf(await send({}, { token: null }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'formToken' });

    const bot = await send({ website: 'http://spam.example' });
    expect(bot.statusCode).toBe(400);
    expect(errorOf(bot)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'website' });
    // A form opened through the API and sent after the minimum fill time passes.
    const { app, clock } = t();
    const form = (await app.inject({ url: '/api/public/petitions/form' })).json<{ formToken: string }>();
    clock.advance(LIMITS.minFillSeconds * 1000);
    expect((await send({}, { token: form.formToken })).statusCode).toBe(201);
  });

  it('limits an address to a few submissions in ten minutes, in the one error shape', async () => {
    const from = ip();
    // Malformed requests are refused before they count.
    for (let i = 0; i < 3; i++) expect((await send({ content: '' }, { ip: from })).statusCode).toBe(400);
    for (let i = 0; i < 5; i++) expect((await send({}, { ip: from })).statusCode).toBe(201);
    const sixth = await send({}, { ip: from });
    expect(sixth.statusCode).toBe(429);
    expect(errorOf(sixth)).toMatchObject({ code: 'RATE_LIMITED' });
    // Another address is not held back.
    expect((await send({})).statusCode).toBe(201);
  });

  it('caps a day’s submissions per address and per phone number in the database, until midnight', async () => {
    t().clock.set('2026-03-02T02:00:00Z');
    const from = ip();
    await setCount(t(), { ip: from }, LIMITS.perAddressPerDay);
    const capped = await send({}, { ip: from });
    expect(capped.statusCode).toBe(429);
    // 02:00 UTC is 09:00 in Vietnam: 15 hours to midnight.
    expect(errorOf(capped)).toMatchObject({ code: 'DAILY_LIMIT_REACHED', retryAfterSeconds: 15 * 3600 });

    const phone = '0911222333';
    await setCount(t(), { phone }, LIMITS.perPhonePerDay - 1);
    expect((await send({ fullName: 'Người thử', phone })).statusCode).toBe(201);
    const again = await send({ fullName: 'Người thử', phone: '+84 911 222 333' });
    expect(errorOf(again)).toMatchObject({ code: 'DAILY_LIMIT_REACHED', field: 'phone' });

    // Neither the address nor the phone is stored, only keyed hashes; a refused submission counted nothing.
    const rows = await sql<{
      key_hash: Buffer;
      count: number;
    }>`select key_hash, count from public_petition_counts`.execute(t().db.db);
    const dump = rows.rows.map((r) => r.key_hash.toString('latin1')).join();
    expect(dump).not.toContain(phone);
    expect(dump).not.toContain(from);
    expect(rows.rows.some((r) => r.count > LIMITS.perAddressPerDay)).toBe(false);
  });

  it('refuses bad input with a clear 4xx naming the field', async () => {
    const { app } = t();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ content: '   ' }, 400, 'content'],
      [{ content: 'x'.repeat(10_001) }, 400, 'content'],
      [{ receivingBodyId: '00000000-0000-4000-8000-00000000beef' }, 404, 'receivingBodyId'],
      [{ receivingBodyId: 'not-an-id' }, 400, 'receivingBodyId'],
      // a body that is no Front committee
      [{ receivingBodyId: f.bodies.mc1Women }, 404, 'receivingBodyId'],
      [{ addressUnitId: '00000000-0000-4000-8000-00000000beef' }, 404, 'addressUnitId'],
      [{ addressUnitId: '06712' }, 400, 'addressUnitId'],
      [{ content: 'Nội dung\u0000' }, 400, 'content'],
      [{ phone: '0912345678' }, 400, 'fullName'],
      [{ fullName: 'A', phone: '12' }, 400, 'phone'],
      [{ kind: 'lawsuit' }, 400, 'kind'],
      [{ extra: 1 }, 400, 'extra'],
    ];
    for (const [body, status, field] of cases) {
      const r = await send(body);
      expect([r.statusCode, errorOf(r).field], JSON.stringify(body).slice(0, 80)).toEqual([status, field]);
    }
    const huge = await submitAs(t(), { content: 'x'.repeat(2_000_000) }, { ip: ip() });
    expect(errorOf(huge)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect((await track('ABC')).statusCode).toBe(400);
    expect(errorOf(await track('2222-2222-2222'))).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    expect(app.khoiDefects.count).toBe(0);
  });

  it('takes no cross-site form post: another origin, a sandboxed frame, or a form’s content type', async () => {
    const body = { receivingBodyId: f.bodies.mc1, content: 'Nội dung' };
    const cross = await send(body, { headers: { origin: 'https://evil.example' } });
    expect(errorOf(cross)).toMatchObject({ code: 'CSRF_FAILED' });
    const sandboxed = await send(body, { headers: { origin: 'null' } });
    expect(errorOf(sandboxed)).toMatchObject({ code: 'CSRF_FAILED' });
    const form = await t().app.inject({
      method: 'POST',
      url: '/api/public/petitions',
      remoteAddress: ip(),
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ formToken: await readyToken(t()), ...body }),
    });
    expect(form.statusCode).toBe(415);
    // The page's own origin passes.
    const same = await send(body, { headers: { origin: 'http://localhost:80', host: 'localhost' } });
    expect(same.statusCode, same.body).toBe(201);
  });

  it('limits tracking lookups per address; codes are too many to guess', async () => {
    const from = '192.0.2.77';
    for (let i = 0; i < 30; i++) expect((await track('2222-2222-2222', from)).statusCode).toBe(404);
    expect(errorOf(await track('2222-2222-2222', from))).toMatchObject({ code: 'RATE_LIMITED' });
    // 30 guesses a minute against 32^12 codes: one case in 10^16 years of guessing per address.
    expect(32 ** 12).toBeGreaterThan(10 ** 18);
  });

  it('counts an IPv6 address by its /64, and makes a title from the first line when none is given', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(summaryOf('\n  Đề nghị sửa đường\nChi tiết')).toBe('Đề nghị sửa đường');
    expect(summaryOf('từ '.repeat(100)).length).toBeLessThanOrEqual(121);
  });
});
