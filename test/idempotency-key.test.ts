import { describe, expect, it } from 'vitest';
import { useTestApp } from './app.ts';
import { signInAdmin } from './factories.ts';
import { openApiDocument, operationsOf, type OpenApiDoc } from './openapi.ts';

const REF = { $ref: '#/components/parameters/IdempotencyKey' };

/** Every unsafe operation of the OpenAPI document: a new endpoint is covered without editing this file. */
const unsafeOperations = (doc: OpenApiDoc) =>
  operationsOf(doc)
    .filter(({ method }) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
    .map(({ method, url, op }) => ({ method, path: url, op }));

describe('Idempotency-Key on every unsafe endpoint', () => {
  const t = useTestApp();

  it('documents the header on each, accepts a valid key and refuses an invalid one naming the header', async () => {
    const { app } = t();
    const s = await signInAdmin(t());
    const doc = await openApiDocument(app);
    expect(doc.components.parameters?.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    const ops = unsafeOperations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(40);
    const headers = { cookie: `khoi_session=${s.cookie}`, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
    const bad = ['ngan-7c', 'k'.repeat(201), 'khoá-có-dấu-1', 'khoa\tcach-1'];

    for (const [i, { method, path, op }] of ops.entries()) {
      const where = `${method} ${path}`;
      expect(op.parameters, where).toContainEqual(REF);
      // The body is broken on purpose, so that nothing is done: the key passes, and the body is what is refused.
      const valid = await app.inject({
        method: method as 'POST',
        url: path,
        headers: { ...headers, 'idempotency-key': `khoa-hop-le-${i}-5d0c9e` },
        payload: '{"a":',
      });
      expect(valid.statusCode, where).toBeGreaterThanOrEqual(400);
      expect(valid.statusCode, where).toBeLessThan(500);
      expect(valid.json().error.field, `${where}: a valid key`).not.toBe('Idempotency-Key');
      for (const key of bad) {
        const res = await app.inject({
          method: method as 'POST',
          url: path,
          headers: { ...headers, 'idempotency-key': key },
          payload: '{}',
        });
        expect(
          [res.statusCode, res.json().error.code, res.json().error.field],
          `${where}: key ${JSON.stringify(key)}`,
        ).toEqual([400, 'VALIDATION_FAILED', 'Idempotency-Key']);
      }
    }
  });
});
