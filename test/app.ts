import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../server/app.ts';
import { fixedClock } from '../server/clock.ts';
import type { AppContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';
import { argon2Hasher } from '../server/security/passwords.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diskFileStore } from '../server/storage/file-store.ts';

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  db: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
};

export const TEST_SETUP_TOKEN = 'test-setup-token-0123456789';

/** Builds the real app on this file's own database, with a clock the test moves. */
export async function buildTestApp(opts: { serveWeb?: boolean; start?: string } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = fixedClock(opts.start ?? '2026-03-02T02:00:00Z');
  const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: db.url, KHOI_DATA_DIR: '/nonexistent' });
  const ctx: AppContext = {
    env,
    db: db.db,
    clock,
    passwords: argon2Hasher('test'),
    dbMode: 'external',
    setupToken: TEST_SETUP_TOKEN,
    files: diskFileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-files-'))),
  };
  const app = await buildApp(ctx, { serveWeb: opts.serveWeb ?? false });
  await app.ready();
  return { app, ctx, db, clock };
}

/** One TestApp per file: built before the tests, closed and dropped after. */
export function useTestApp(opts: { serveWeb?: boolean; start?: string } = {}): () => TestApp {
  let t: TestApp | null = null;
  beforeAll(async () => {
    t = await buildTestApp(opts);
  });
  afterAll(async () => {
    if (!t) return;
    await t.app.close();
    await t.db.drop();
  });
  return () => {
    if (!t) throw new Error('test app not built yet');
    return t;
  };
}

/** A signed-in browser: its cookie and CSRF token. */
export type Session = { cookie: string; csrf: string; accountId: string };

export type Call = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  session?: Session;
  token?: string;
  lang?: 'vi' | 'en';
  headers?: Record<string, string>;
  csrf?: boolean;
};

/** Calls the API like the web app does (cookie + X-CSRF-Token) or like an integrator (Bearer token). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are read loosely
type Json = <T = any>() => T;

export async function call(app: FastifyInstance, c: Call): Promise<LightMyRequestResponse & { json: Json }> {
  const headers: Record<string, string> = { ...(c.lang ? { 'accept-language': c.lang } : {}), ...c.headers };
  if (c.session) {
    headers.cookie = `khoi_session=${c.session.cookie}`;
    if (c.csrf !== false && c.method && c.method !== 'GET') headers['x-csrf-token'] = c.session.csrf;
  }
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  const res = await app.inject({
    method: c.method ?? 'GET',
    url: c.url,
    headers,
    ...(c.body !== undefined ? { payload: c.body as object } : {}),
  });
  return res;
}

export function sessionCookie(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === 'khoi_session')?.value;
}

export async function signIn(app: FastifyInstance, login: string, password: string): Promise<Session> {
  const res = await call(app, { method: 'POST', url: '/api/auth/login', body: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ csrfToken: string; account: { id: string } }>();
  return { cookie: sessionCookie(res)!, csrf: body.csrfToken, accountId: body.account.id };
}
