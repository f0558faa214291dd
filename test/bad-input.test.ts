import { describe, expect, it } from 'vitest';
import { call, signIn, useTestApp } from './app.ts';
import { buildAccount, PASSWORD, signInAdmin } from './factories.ts';
import { openApiDocument, operationsOf, type OpenApiDoc } from './openapi.ts';

/** Every operation of the OpenAPI document: a new endpoint is covered without editing this file. */
const operations = (doc: OpenApiDoc) =>
  operationsOf(doc).map(({ method, url, op }) => ({
    method,
    path: url,
    upload: JSON.stringify(op).includes('multipart/form-data'),
  }));

describe('bad input on every endpoint', () => {
  const t = useTestApp();

  it('answers every kind of bad input with a 4xx, an error code and never a 500', async () => {
    const { app } = t();
    const s = await signInAdmin(t());
    const ops = operations(await openApiDocument(app));
    expect(ops.length).toBeGreaterThanOrEqual(15);
    const seen: string[] = [];
    const headers = { cookie: `khoi_session=${s.cookie}`, 'x-csrf-token': s.csrf };

    for (const op of ops) {
      const send = (payload: string | Buffer, contentType = 'application/json', url = op.path) =>
        app.inject({ method: op.method as 'POST', url, headers: { ...headers, 'content-type': contentType }, payload });
      const cases: [string, Promise<Awaited<ReturnType<typeof send>>>, string[]][] = [
        [
          'unknown query parameter',
          app.inject({ method: op.method as 'GET', url: `${op.path}?khong_co=1`, headers }),
          ['VALIDATION_FAILED'],
        ],
      ];
      if (op.method !== 'GET') {
        cases.push(
          ['broken JSON', send('{"a":'), ['INVALID_JSON']],
          [
            'bad UTF-8',
            send(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
            ['BAD_ENCODING'],
          ],
          ['a non-UTF-8 charset', send('{}', 'application/json; charset=latin1'), ['UNSUPPORTED_MEDIA_TYPE']],
          ['form data', send('a=1', 'application/x-www-form-urlencoded'), ['UNSUPPORTED_MEDIA_TYPE']],
          ['a huge body', send('{"x":"' + 'a'.repeat(1_100_000) + '"}'), ['PAYLOAD_TOO_LARGE']],
          // An upload route takes multipart/form-data only: any JSON is the wrong media type.
          [
            'an unknown field',
            send(JSON.stringify({ khong_co_truong_nay: 1 })),
            op.upload ? ['UNSUPPORTED_MEDIA_TYPE'] : ['VALIDATION_FAILED', 'NOT_FOUND'],
          ],
          [
            'wrong types',
            send(JSON.stringify([1, 2, 3])),
            op.upload ? ['UNSUPPORTED_MEDIA_TYPE'] : ['VALIDATION_FAILED'],
          ],
        );
      }
      for (const [label, pending, codes] of cases) {
        const res = await pending;
        const where = `${op.method} ${op.path}: ${label}`;
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        const err = res.json().error;
        expect(codes, `${where} answered ${err?.code}`).toContain(err?.code);
        expect(err.message, where).toBeTruthy();
        seen.push(where);
      }
    }
    expect(seen.length).toBeGreaterThan(60);
  });

  it('refuses a malformed id in the path with the field named', async () => {
    const { app } = t();
    const s = await signInAdmin(t());
    const res = await call(app, { url: '/api/accounts/not-a-uuid', session: s });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('id');
  });

  it('normalises decomposed Vietnamese text to NFC on the way in', async () => {
    const { app } = t();
    const s = await signInAdmin(t());
    const decomposed = 'Nguyễn Văn Hoà'.normalize('NFD');
    const res = await call(app, {
      method: 'POST',
      url: '/api/accounts',
      session: s,
      body: { username: 'nfc-test', displayName: decomposed, password: 'mat-khau-123' },
    });
    expect(res.json().account.displayName).toBe('Nguyễn Văn Hoà'.normalize('NFC'));
  });

  it('an unknown API route is a 404 with a code, not the web page', async () => {
    const { app, ctx } = t();
    const admin = await buildAccount(ctx);
    const s = await signIn(app, admin.username, PASSWORD);
    const res = await call(app, { url: '/api/khong-co', session: s });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('the probed inputs that once reached PostgreSQL', () => {
  const t = useTestApp();

  it('refuses each with a 4xx in the one shape, and nothing reaches the database to be refused there', async () => {
    const { app } = t();
    const s = await signInAdmin(t());
    const acc = (
      await call(app, {
        method: 'POST',
        url: '/api/accounts',
        session: s,
        body: { username: 'probe-target', displayName: 'Đích', password: 'mat-khau-123' },
      })
    ).json().account;
    const cases: [Parameters<typeof call>[1], number, string, string?][] = [
      [
        { method: 'POST', url: '/api/auth/login', body: { login: 'a\u0000', password: 'x' } },
        400,
        'VALIDATION_FAILED',
        'login',
      ],
      [{ url: '/api/tasks?q=%00', session: s }, 400, 'VALIDATION_FAILED', 'q'],
      [{ url: '/api/tasks?q=%ED%A0%80', session: s }, 400, 'VALIDATION_FAILED', 'q'],
      [{ method: 'POST', url: '/api/tokens', session: s, body: { name: 'x\uD800' } }, 400, 'VALIDATION_FAILED', 'name'],
      [{ url: '/api/units?asOf=0000-01-01', session: s }, 400, 'VALIDATION_FAILED', 'asOf'],
      [{ url: '/api/units?asOf=2101-01-01', session: s }, 400, 'VALIDATION_FAILED', 'asOf'],
      [
        {
          method: 'PATCH',
          url: `/api/accounts/${acc.id}`,
          session: s,
          body: { version: 2147483648, displayName: 'X' },
        },
        400,
        'VALIDATION_FAILED',
        'version',
      ],
      [
        { method: 'POST', url: `/api/accounts/${acc.id}/disable`, session: s, body: { version: 2147483648 } },
        400,
        'VALIDATION_FAILED',
        'version',
      ],
      [{ url: '/api/tasks/%C0%AF', session: s }, 400, 'BAD_REQUEST'],
      [{ url: `/api/tasks/${'a'.repeat(250)}`, session: s }, 414, 'URI_TOO_LONG'],
    ];
    for (const [req, status, code, field] of cases) {
      const res = await call(app, req);
      const where = `${req.method ?? 'GET'} ${req.url.slice(0, 80)}`;
      expect([res.statusCode, res.json().error?.code], `${where}: ${res.body}`).toEqual([status, code]);
      if (field) expect(res.json().error.field, where).toBe(field);
      expect(res.json().error.requestId, where).toBeTruthy();
    }
    const nest = (depth: number) =>
      app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: `khoi_session=${s.cookie}`, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        payload: '{"name":' + '['.repeat(depth) + ']'.repeat(depth) + '}',
      });
    const deep = await nest(20);
    expect([deep.statusCode, deep.json().error.code, deep.json().error.issues[0].message]).toEqual([
      400,
      'VALIDATION_FAILED',
      'Dữ liệu lồng nhau quá sâu.',
    ]);
    // Deeper than the parser goes: still a 400 in the one shape.
    const deeper = await nest(100_000);
    expect([deeper.statusCode, deeper.json().error.code]).toEqual([400, 'INVALID_JSON']);
    expect(app.khoiDefects.count).toBe(0);
  });
});
