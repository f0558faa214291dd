import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from '../../../test/app.ts';
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

/** Sets today's count of an address or a phone number (a day of submissions that already happened). */
export async function setCount(t: Pick<TestApp, 'ctx'>, of: { ip: string } | { phone: string }, count: number) {
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
    'POST /api/public/petitions': async () => ({
      method: 'POST' as const,
      url: '/api/public/petitions',
      session: w.admin(),
      body: {
        formToken: await readyToken(w.t()),
        receivingBodyId: w.bodyId(),
        addressUnitId: w.unitId(),
        content: 'Đề nghị sửa đường khu 3.',
      },
    }),
  };
}
