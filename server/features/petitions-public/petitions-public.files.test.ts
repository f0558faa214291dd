import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../../test/app.ts';
import { PNG, uploadFile } from '../../../test/work-fixture.ts';
import { dailySweep } from '../../jobs/daily-sweep.ts';
import { petitionsFixture, type PetitionsFixture } from '../petitions/petitions.testkit.ts';
import { PUBLIC_FILE_BYTES, PUBLIC_FILES_MAX } from './petitions-public.schemas.ts';
import { LIMITS } from './petitions-public.service.ts';
import { readyToken, setCount, submitAs, uploadAs } from './petitions-public.testkit.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const CITIZEN = { fullName: 'Vũ Văn Khải', phone: '0911222333' };

describe('public petitions: a citizen attaches photos and papers to the form', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: PetitionsFixture;
  let ipN = 0;
  /** A fresh address per test: the per-address rate limits are in the server's memory. */
  const ip = () => `198.51.100.${100 + ++ipN}`;
  const errorOf = (r: { json: () => unknown }) =>
    (r.json() as { error: { code: string; field?: string; issues: { field: string; message: string }[] } }).error;
  const upload = async (token: string, name: string, data: Buffer, from = '203.0.113.9') => {
    const r = await uploadAs(t(), token, { name, data }, { ip: from });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string; filename: string; contentType: string; size: number }>();
  };
  const caseOf = async (trackingCode: string) =>
    (await sql<{ id: string }>`select id from petitions where tracking_code = ${trackingCode}`.execute(t().db.db))
      .rows[0]!.id;

  beforeAll(async () => {
    f = await petitionsFixture(t());
  }, 120_000);

  it('sends the files with the petition: the office opens them, a higher level sees neither their names nor their bytes', async () => {
    const { app } = t();
    const token = await readyToken(t());
    const photo = await upload(token, 'Ảnh hiện trường.png', PNG);
    expect(photo).toMatchObject({ filename: 'Ảnh hiện trường.png', contentType: 'image/png', size: PNG.length });
    const paper = await upload(token, 'CCCD Vũ Văn Khải.pdf', PDF);
    const sent = await submitAs(
      t(),
      {
        receivingBodyId: f.bodies.mc1,
        content: 'Đề nghị xem xét mốc giới.',
        ...CITIZEN,
        attachments: [photo.id, paper.id],
      },
      { token, ip: ip() },
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const id = await caseOf(sent.json().trackingCode);

    // The receiving body's leader sees the senders, so the files too: their names, and the bytes.
    const own = (await call(app, { url: `/api/petitions/${id}`, session: f.leader.session })).json();
    expect(own.attachments.map((a: { filename: string }) => a.filename).sort()).toEqual([
      'CCCD Vũ Văn Khải.pdf',
      'Ảnh hiện trường.png',
    ]);
    const png = own.attachments.find((a: { contentType: string }) => a.contentType === 'image/png');
    const got = await call(app, { url: png.url, session: f.leader.session });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);

    // The province reads the case, not who sent it: a file's name may name its sender, and the file is not theirs.
    const above = (await call(app, { url: `/api/petitions/${id}`, session: f.provinceLeader.session })).json();
    expect(above.attachments).toHaveLength(2);
    expect(JSON.stringify(above.attachments)).not.toContain('Khải');
    for (const a of above.attachments) expect(a.url).toBeNull();
    expect((await call(app, { url: `/api/files/${paper.id}`, session: f.provinceLeader.session })).statusCode).toBe(
      404,
    );
    // The public page tells nothing of them.
    const tracked = await app.inject({ url: `/api/public/petitions/${sent.json().trackingCode}` });
    expect(tracked.body).not.toContain('pdf');
  });

  it('attaches only the files of this very form, each once', async () => {
    const { app } = t();
    const mine = await readyToken(t());
    const other = await readyToken(t());
    const theirs = await upload(other, 'khac.png', PNG);
    const office = (await uploadFile(app, f.officer.session, 'noi-bo.png', PNG)).json<{ id: string }>();
    const before = await sql<{ n: number }>`select count(*)::int as n from petitions`.execute(t().db.db);
    for (const fileId of [theirs.id, office.id, '00000000-0000-4000-8000-00000000beef']) {
      const r = await submitAs(
        t(),
        { receivingBodyId: f.bodies.mc1, content: 'Đơn có tệp của người khác.', attachments: [fileId] },
        { token: mine, ip: ip() },
      );
      expect(r.statusCode, r.body).toBe(404);
      expect(errorOf(r)).toMatchObject({ field: 'attachments.0' });
    }
    const twice = await submitAs(
      t(),
      { receivingBodyId: f.bodies.mc1, content: 'Hai lần một tệp.', attachments: [theirs.id, theirs.id] },
      { token: other, ip: ip() },
    );
    expect(twice.statusCode).toBe(400);
    expect(errorOf(twice).issues[0]).toMatchObject({ field: 'attachments' });
    const after = await sql<{ n: number }>`select count(*)::int as n from petitions`.execute(t().db.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);

    // Sent once, the file is the petition's: the same form cannot attach it to a second petition.
    const first = await submitAs(
      t(),
      { receivingBodyId: f.bodies.mc1, content: 'Đơn thứ nhất.', attachments: [theirs.id] },
      { token: other, ip: ip() },
    );
    expect(first.statusCode, first.body).toBe(201);
    const again = await submitAs(
      t(),
      { receivingBodyId: f.bodies.mc1, content: 'Đơn thứ hai.', attachments: [theirs.id] },
      { token: other, ip: ip() },
    );
    expect(again.statusCode).toBe(404);
    expect(errorOf(again)).toMatchObject({ field: 'attachments.0' });
  });

  it('refuses a file of another type, too large, without a good token, or past the form’s and the day’s caps', async () => {
    const token = await readyToken(t());
    const from = ip();
    const text = await uploadAs(t(), token, { name: 'don.pdf', data: Buffer.from('không phải PDF') }, { ip: from });
    expect(text.statusCode).toBe(415);
    expect(errorOf(text).issues[0]).toMatchObject({ field: 'file', message: expect.stringContaining('PDF') });
    const big = Buffer.concat([PDF, Buffer.alloc(PUBLIC_FILE_BYTES)]);
    const large = await uploadAs(t(), token, { name: 'lon.pdf', data: big }, { ip: from });
    expect(large.statusCode).toBe(413);
    expect(errorOf(large)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });

    const forged = await uploadAs(t(), `${token.slice(0, -2)}xx`, { name: 'a.png', data: PNG }, { ip: from });
    expect(forged.statusCode).toBe(422);
    expect(errorOf(forged)).toMatchObject({ code: 'FORM_EXPIRED', field: 'formToken' });
    const none = await uploadAs(t(), null, { name: 'a.png', data: PNG }, { ip: from });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).issues[0]).toMatchObject({ field: 'formToken' });
    // A form opened a moment ago may attach at once (the minimum fill time is the submission's).
    const fresh = await readyToken(t(), 0);
    expect((await uploadAs(t(), fresh, { name: 'a.png', data: PNG }, { ip: from })).statusCode).toBe(201);

    for (let i = 0; i < PUBLIC_FILES_MAX; i++) await upload(token, `anh-${i}.png`, PNG, ip());
    const sixth = await uploadAs(t(), token, { name: 'anh-6.png', data: PNG }, { ip: ip() });
    expect(sixth.statusCode).toBe(400);
    expect(errorOf(sixth).issues[0]).toMatchObject({ field: 'file' });

    const busy = ip();
    await setCount(t(), { upload: busy }, LIMITS.uploadsPerAddressPerDay);
    const capped = await uploadAs(t(), await readyToken(t()), { name: 'a.png', data: PNG }, { ip: busy });
    expect(capped.statusCode).toBe(429);
    expect(errorOf(capped)).toMatchObject({ code: 'DAILY_LIMIT_REACHED' });
  });

  it('takes no cross-site upload from a sandboxed frame, and no JSON', async () => {
    const token = await readyToken(t());
    const framed = await uploadAs(t(), token, { name: 'a.png', data: PNG }, { ip: ip(), headers: { origin: 'null' } });
    expect(framed.statusCode).toBe(403);
    const json = await t().app.inject({
      method: 'POST',
      url: '/api/public/petitions/files',
      remoteAddress: ip(),
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ formToken: token }),
    });
    expect(json.statusCode).toBe(415);
  });

  it('lets no one open a file not sent yet, and the daily job deletes it two days on, keeping the ones sent', async () => {
    const { app, ctx, clock } = t();
    const token = await readyToken(t());
    const kept = await upload(token, 'gui.png', PNG);
    const dropped = await upload(token, 'bo.png', PNG);
    const sent = await submitAs(
      t(),
      { receivingBodyId: f.bodies.mc1, content: 'Đơn kèm một ảnh.', ...CITIZEN, attachments: [kept.id] },
      { token, ip: ip() },
    );
    expect(sent.statusCode, sent.body).toBe(201);
    for (const session of [f.admin, f.leader.session])
      expect((await call(app, { url: `/api/files/${dropped.id}`, session })).statusCode).toBe(404);
    const keyOf = async (id: string) =>
      (await sql<{ storage_key: string }>`select storage_key from files where id = ${id}::uuid`.execute(t().db.db))
        .rows[0]!.storage_key;
    const droppedKey = await keyOf(dropped.id);

    clock.advance(86_400_000);
    expect((await dailySweep(ctx, [])).staleUploads).toBe(0);
    clock.advance(86_400_000 + 60_000);
    try {
      const swept = await dailySweep(ctx, []);
      expect(swept.errors).toEqual([]);
      expect(swept.staleUploads).toBeGreaterThanOrEqual(1);
      expect(await ctx.files.get(droppedKey)).toBeNull();
      expect(await ctx.files.get(await keyOf(kept.id))).not.toBeNull();
      const id = await caseOf(sent.json().trackingCode);
      const own = (await call(app, { url: `/api/petitions/${id}`, session: f.leader.session })).json();
      expect(own.attachments.map((a: { filename: string }) => a.filename)).toEqual(['gui.png']);
    } finally {
      clock.set('2026-03-02T02:00:00Z');
    }
  });
});
