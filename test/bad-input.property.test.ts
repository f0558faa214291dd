import fc from 'fast-check';
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../server/db/database.ts';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from './app.ts';
import { demoSessions } from './factories.ts';
import { bodyText, encodeValue, pathValue, queryText, type IdPool } from './openapi-arbitraries.ts';
import { openApiDocument, operationsOf } from './openapi.ts';

/** Property-based bad input over every operation of the OpenAPI document, on the demo data: generated bodies, query
 * strings and path values (NUL, lone surrogates, dates and integers at and past their ranges, deep nesting,
 * `__proto__` keys, ids of records that exist, are missing or are not ids at all). Whatever comes in, the answer is
 * never a 5xx, nothing reaches PostgreSQL that it refuses, and every refusal is the one error shape. The seed is fixed (KHOI_FUZZ_SEED to change it, printed
 * with a failure with the path to replay it); KHOI_FUZZ_RUNS sets the runs per operation. */
const SEED = Number(process.env.KHOI_FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.KHOI_FUZZ_RUNS ?? 100);

describe('bad input, generated from the OpenAPI document', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });

  it('refuses a NUL on the sign-in route before looking for an account (first: the generated run uses up the route’s rate limit)', async () => {
    const { app } = t();
    const res = await call(app, { method: 'POST', url: '/api/auth/login', body: { login: 'a\u0000', password: 'x' } });
    expect([res.statusCode, res.json().error.field]).toEqual([400, 'login']);
  });

  it('answers whatever it is sent with no 5xx, every refusal in the one error shape', async () => {
    const { app, db } = t();
    const { admin } = await demoSessions(t());
    // A personal API token: a generated sign-out, password change or token deletion cannot end the run's access.
    const created = (
      await call(app, { method: 'POST', url: '/api/tokens', session: admin, body: { name: 'fuzz' } })
    ).json<{ token: { id: string }; secret: string }>();
    const token = { id: created.token.id, token: created.secret };
    expect((await call(app, { url: '/api/auth/me', token: token.token })).statusCode).toBe(200);
    const pool = await idPool(db.db, admin.accountId, token.id);
    const ops = operationsOf(await openApiDocument(app)).map(({ method, path, op }) => ({ ...op, method, path }));
    expect(ops.length).toBeGreaterThan(100);
    let sent = 0;
    for (const op of ops) {
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      const pathNames = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const json = op.requestBody?.content['application/json']?.schema;
      const form = op.requestBody?.content['multipart/form-data']?.schema;
      const request = fc.record({
        path: fc
          .tuple(...pathNames.map((n) => pathValue(n, pool)))
          .map((vals) =>
            pathNames.reduce(
              (p, n, i) => p.replace(`{${n}}`, vals[i]!.includes('%') ? vals[i]! : encodeValue(vals[i])),
              op.path,
            ),
          ),
        query: queryText(query, pool),
        body: op.method === 'GET' ? fc.constant(undefined) : form ? fc.constant(undefined) : bodyText(json, pool),
        form: form ? bodyText(form, pool).map((b) => formPayload(b)) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          sent++;
          const headers: Record<string, string> = { authorization: `Bearer ${token.token}`, 'accept-language': 'vi' };
          let payload: string | Buffer | undefined = r.body;
          if (r.form) {
            headers['content-type'] = `multipart/form-data; boundary=${FORM_BOUNDARY}`;
            payload = r.form;
          } else if (r.body !== undefined) headers['content-type'] = 'application/json';
          const res = await app.inject({ method: op.method as 'GET', url: r.path + r.query, headers, payload });
          const where = `${op.method} ${r.path}${r.query.slice(0, 200)} ${String(r.body ?? '').slice(0, 300)}`;
          expect(res.statusCode, `${where} → ${res.body.slice(0, 500)}`).toBeLessThan(500);
          // A refusal that only the database made is a defect of the input checks, even though it answered 4xx.
          expect(app.khoiDefects.count, `${where}: ${app.khoiDefects.last}`).toBe(0);
          if (res.statusCode >= 400) {
            const err = res.json<{ error?: { code?: unknown; message?: unknown; requestId?: unknown } }>().error;
            expect(typeof err?.code, `${where} → ${res.body.slice(0, 300)}`).toBe('string');
            expect(typeof err?.message, where).toBe('string');
            expect(typeof err?.requestId, where).toBe('string');
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(ops.length * RUNS);
    // The run's own access survived whatever it sent (the token was never in the pool).
    expect((await call(app, { url: '/api/auth/me', token: token.token })).statusCode).toBe(200);
  }, 600_000);
});

const FORM_BOUNDARY = 'khoi-fuzz-boundary';

/** A multipart form from a generated JSON object: its fields as text parts, and a small file part. */
function formPayload(jsonText: string): Buffer {
  let fields: Record<string, unknown> = {};
  try {
    const v = JSON.parse(jsonText) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) fields = v as Record<string, unknown>;
  } catch {
    // deep nesting and the like: no fields
  }
  const parts = Object.entries(fields)
    .filter(([k]) => k !== 'file')
    .map(
      ([k, v]) =>
        `--${FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`,
    );
  const file = Buffer.from('PK\u0003\u0004 not really a spreadsheet', 'latin1');
  return Buffer.concat([
    Buffer.from(
      `${parts.join('')}--${FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="t\u0000.xlsx"\r\n\r\n`,
      'utf8',
    ),
    file,
    Buffer.from(`\r\n--${FORM_BOUNDARY}--\r\n`),
  ]);
}

/** Ids of the demo's records by kind (x-khoi-ref), and the codes and names path parameters take. The run's own
 * account, person and token are left out, so that it does not disable or hand over itself. */
async function idPool(db: Database, selfAccount: string, selfToken: string): Promise<IdPool> {
  const ids = async (q: RawBuilder<{ id: string }>) => (await q.execute(db)).rows.map((r) => String(r.id));
  return {
    account: await ids(sql`select id from accounts where id <> ${selfAccount}::uuid limit 20`),
    body: await ids(sql`select id from bodies limit 30`),
    briefing: await ids(sql`select id from briefings limit 10`),
    conclusion: await ids(sql`select id from briefing_conclusions limit 10`),
    cooperator: await ids(sql`select id from task_cooperators limit 10`),
    file: await ids(sql`select id from files limit 10`),
    indicator: await ids(sql`select id from indicators limit 20`),
    person: await ids(
      sql`select id from people where id not in (select person_id from accounts where id = ${selfAccount}::uuid and person_id is not null) limit 20`,
    ),
    programme: await ids(sql`select id from programmes limit 10`),
    reportForm: await ids(sql`select id from report_forms limit 10`),
    task: await ids(sql`select id from tasks limit 30`),
    taskGroup: await ids(sql`select id from task_groups limit 20`),
    village: await ids(sql`select unit_id as id from unit_tree where level = 4 limit 10`),
    unit: await ids(sql`select distinct code as id from unit_tree where code is not null limit 20`),
    unitCode: await ids(sql`select distinct code as id from unit_tree where code is not null limit 20`),
    retentionKind: await ids(sql`select kind as id from retention_rules`),
    other: await ids(
      sql`select id from api_tokens where id <> ${selfToken}::uuid union all select id from role_assignments union all select id from positions limit 30`,
    ),
  };
}
