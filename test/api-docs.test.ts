import { describe, expect, it } from 'vitest';
import { call, useTestApp } from './app.ts';

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
    for (const p of ['/api/health', '/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/accounts', '/api/accounts/{id}/disable', '/api/tokens']) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    const login = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['login', 'password']);
    expect(login.additionalProperties).toBe(false);
    expect(doc.components.securitySchemes.bearer.scheme).toBe('bearer');
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
