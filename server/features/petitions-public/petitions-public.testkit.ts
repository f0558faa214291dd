import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../test/app.ts';
import { PNG } from '../../../test/work-fixture.ts';
import { countKey, LIMITS, signFormToken } from './petitions-public.service.ts';

/** A form token opened long enough ago (the minimum fill time has passed), without moving the test's clock. */
export function readyToken(t: Pick<TestApp, 'ctx'>, secondsAgo = LIMITS.minFillSeconds + 52): Promise<string> {
  return signFormToken(t.ctx.db, t.ctx.clock.now().getTime() - secondsAgo * 1000);
}

/** Sends the public form as a citizen's browser would (JSON, no session), from `ip`. */
export async function submitAs(
  t: Pick<TestApp, 'app' | 'ctx'>,
  body: Record<string, unknown>,
  opts: { ip?: string; headers?: Record<string, string>; token?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const formToken = opts.token === null ? undefined : (opts.token ?? (await readyToken(t)));
  return t.app.inject({
    method: 'POST',
    url: '/api/public/petitions',
    remoteAddress: opts.ip ?? '203.0.113.1',
    headers: { 'content-type': 'application/json', ...opts.headers },
    payload: JSON.stringify({ ...(formToken ? { formToken } : {}), ...body }),
  });
}

/** Attaches a file to the public form of `formToken` as a citizen's browser does (multipart, no session), from `ip`. */
export function uploadAs(
  t: Pick<TestApp, 'app'>,
  formToken: string | null,
  file: { name: string; data: Buffer },
  opts: { ip?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const b = 'khoi-public-boundary';
  const token =
    formToken === null ? '' : `--${b}\r\nContent-Disposition: form-data; name="formToken"\r\n\r\n${formToken}\r\n`;
  return t.app.inject({
    method: 'POST',
    url: '/api/public/petitions/files',
    remoteAddress: opts.ip ?? '203.0.113.1',
    headers: { 'content-type': `multipart/form-data; boundary=${b}`, ...opts.headers },
    payload: Buffer.concat([
      Buffer.from(
        `${token}--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  });
}

/** Sets today's count of an address or a phone number (a day of submissions that already happened). */
export async function setCount(t: Pick<TestApp, 'ctx'>, of: Parameters<typeof countKey>[1], count: number) {
  const key = await countKey(t.ctx.db, of);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(t.ctx.clock.now());
  await sql`insert into public_petition_counts (day, key_hash, count) values (${day}::date, ${key}, ${count})
    on conflict (day, key_hash) do update set count = excluded.count`.execute(t.ctx.db);
}

/** The references suite's base request of the public form: every id its own (the public route answers any caller
 * alike, so it is checked as an administrator's: a missing record refused, nothing written). */
export function referencePublicPetitions(w: {
  t: () => TestApp;
  admin: () => Session;
  bodyId: () => string;
  unitId: () => string;
}) {
  return {
    'POST /api/public/petitions': async () => {
      const formToken = await readyToken(w.t());
      const file = await uploadAs(w.t(), formToken, { name: 'anh.png', data: PNG });
      expect(file.statusCode, file.body).toBe(201);
      return {
        method: 'POST' as const,
        url: '/api/public/petitions',
        session: w.admin(),
        body: {
          formToken,
          receivingBodyId: w.bodyId(),
          addressUnitId: w.unitId(),
          content: 'Đề nghị sửa đường khu 3.',
          attachments: [file.json<{ id: string }>().id],
        },
      };
    },
  };
}
