import net from 'node:net';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { clientErrorResponse, frameworkErrors, installErrorHandling } from './errors.ts';

/** A PostgreSQL error as the pg driver raises it. */
const pgError = (code: string, detail?: string) =>
  Object.assign(new Error(`pg ${code}`), { code, severity: 'ERROR', detail });

describe('one error shape for every refusal', () => {
  const app = Fastify({
    logger: false,
    routerOptions: { maxParamLength: 40 },
    frameworkErrors,
    clientErrorHandler: (err, socket) => socket.end(clientErrorResponse(err as { code?: string })),
  });
  installErrorHandling(app);
  const raise = (err: Error) => () => Promise.reject(err);
  app.get('/slip/date', raise(pgError('22008')));
  app.get('/slip/nul', raise(pgError('22021')));
  app.get('/slip/missing-row', raise(pgError('23503', 'Key (body_id)=(…) is not present in table "bodies".')));
  app.get('/slip/referenced', raise(pgError('23503', 'Key (id)=(…) is still referenced from table "tasks".')));
  app.get('/slip/duplicate', raise(pgError('23505')));
  app.get('/slip/serialization', raise(pgError('40001')));
  app.get('/bug', raise(pgError('42P01')));
  app.get('/things/:id', () => ({ ok: true }));
  afterAll(() => app.close());

  it('answers what the database refused with the client’s error and counts it as a defect of the checks', async () => {
    const cases: [string, number, string][] = [
      ['/slip/date', 400, 'VALIDATION_FAILED'],
      ['/slip/nul', 400, 'VALIDATION_FAILED'],
      ['/slip/missing-row', 404, 'NOT_FOUND'],
      ['/slip/referenced', 409, 'CONFLICT'],
      ['/slip/duplicate', 409, 'ALREADY_EXISTS'],
      ['/slip/serialization', 409, 'CONFLICT'],
    ];
    for (const [url, status, code] of cases) {
      const res = await app.inject({ url });
      expect([res.statusCode, res.json().error.code], url).toEqual([status, code]);
    }
    expect(app.khoiDefects.count).toBe(cases.length);
    expect(app.khoiDefects.last).toContain('/slip/serialization');
  });

  it('keeps anything else a 500 that shows no internals', async () => {
    const res = await app.inject({ url: '/bug' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('42P01');
  });

  it('answers the router’s refusals (a malformed or overlong path) in the same shape', async () => {
    const bad = await app.inject({ url: '/things/%C0%AF' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'BAD_REQUEST']);
    const long = await app.inject({ url: `/things/${'a'.repeat(300)}` });
    expect([long.statusCode, long.json().error.code]).toEqual([414, 'URI_TOO_LONG']);
  });

  it('answers what Node’s HTTP parser refuses (headers over 16 KB) in the same shape', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write(`GET /things/1?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      );
      let data = '';
      socket.on('data', (d) => (data += d.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).error.code).toBe('HEADERS_TOO_LARGE');
  });
});
