import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from './app.ts';
import { operationsOf, type OpenApiDoc } from './openapi.ts';

type Doc = OpenApiDoc;

const operations = (doc: Doc) => operationsOf(doc).map(({ method, path, op }) => ({ at: `${method} ${path}`, op }));

describe('health and API documentation', () => {
  const t = useTestApp();

  it('GET /api/health answers the fixed contract without signing in', async () => {
    const res = await call(t().app, { url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'external' });
  });

  it('publishes OpenAPI 3 generated from the same schemas that validate requests', async () => {
    const res = await call(t().app, { url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/accounts',
      '/api/accounts/{id}/disable',
      '/api/tokens',
    ]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    const login = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['login', 'password']);
    expect(login.additionalProperties).toBe(false);
    expect(doc.components.securitySchemes.bearer.scheme).toBe('bearer');
  });

  it('is a valid OpenAPI 3.0.3 document, with its x-khoi-ref extensions and the Idempotency-Key parameter', async () => {
    const doc = (await call(t().app, { url: '/api/openapi.json' })).json<Doc>();
    expect(doc.openapi).toBe('3.0.3');
    expect(JSON.stringify(doc)).toContain('"x-khoi-ref"');
    expect(doc.components.parameters).toHaveProperty('IdempotencyKey');
    const result = await new Validator({ allErrors: true }).validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  // Client generators (openapi-typescript, openapi-generator, Orval) name their methods after operationId and group
  // them by tag: a route without either, or with a repeated name, makes an unusable client.
  it('gives every operation its own camelCase operationId and exactly one declared tag', async () => {
    const doc = (await call(t().app, { url: '/api/openapi.json' })).json<Doc>();
    const declared = new Map((doc.tags ?? []).map((tag) => [tag.name, tag.description]));
    expect(declared.size, 'tags declared once each').toBe(doc.tags?.length);
    for (const [name, description] of declared) expect(description, `tag ${name}`).toBeTruthy();
    const problems: string[] = [];
    const seen = new Map<string, string>();
    const used = new Set<string>();
    const ops = operations(doc);
    for (const { at, op } of ops) {
      const id = op.operationId;
      if (!id) problems.push(`${at}: no operationId`);
      else if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) problems.push(`${at}: operationId ${id} is not camelCase`);
      else if (seen.has(id)) problems.push(`${at}: operationId ${id} already names ${seen.get(id)}`);
      else seen.set(id, at);
      if (op.tags?.length !== 1) problems.push(`${at}: ${op.tags?.length ?? 0} tags, not one`);
      for (const tag of op.tags ?? []) {
        used.add(tag);
        if (!declared.has(tag)) problems.push(`${at}: tag ${tag} is not declared in the document's tags`);
      }
    }
    for (const name of declared.keys())
      if (!used.has(name)) problems.push(`tag ${name} is declared but no operation has it`);
    expect(problems).toEqual([]);
    expect(ops.length).toBeGreaterThanOrEqual(109);
    // Names are chosen where the route is registered, not made from the URL.
    expect(doc.paths['/api/tasks/{id}/transition']?.post?.operationId).toBe('transitionTask');
    expect(doc.paths['/api/programmes/{id}/export.xlsx']?.get?.operationId).toBe('exportProgrammeXlsx');
  });

  it('describes uploads as multipart forms with a binary file part, and downloads as binary 200 answers with JSON errors', async () => {
    const doc = (await call(t().app, { url: '/api/openapi.json' })).json<Doc>();
    const problems: string[] = [];
    let uploads = 0;
    let downloads = 0;
    for (const { at, op } of operations(doc)) {
      const form = op.requestBody?.content['multipart/form-data']?.schema;
      if (form) {
        uploads++;
        if (
          form.properties?.file?.type !== 'string' ||
          form.properties.file.format !== 'binary' ||
          !form.required?.includes('file')
        )
          problems.push(`${at}: no required binary file part`);
      }
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (!success.length) problems.push(`${at}: no 2xx answer`);
      for (const [status, response] of Object.entries(op.responses)) {
        const types = Object.keys(response.content ?? {});
        if (!status.startsWith('2')) {
          if (types.join() !== 'application/json') problems.push(`${at}: ${status} is not JSON`);
        } else if (status !== '204' && !types.length) problems.push(`${at}: ${status} has no content`);
        else if (types.some((type) => type !== 'application/json')) {
          downloads++;
          for (const type of types) {
            const schema = response.content?.[type]?.schema;
            if (schema?.type !== 'string' || schema.format !== 'binary')
              problems.push(`${at}: ${status} ${type} is not binary`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(uploads, 'multipart routes').toBeGreaterThanOrEqual(4);
    expect(downloads, 'file downloads').toBeGreaterThanOrEqual(7);
  });

  it('serves the interactive documentation at /api/docs', async () => {
    const res = await t().app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger');
  });

  it('sends security headers', async () => {
    const res = await call(t().app, { url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});
