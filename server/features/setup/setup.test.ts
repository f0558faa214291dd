import { describe, expect, it } from 'vitest';
import { call, TEST_SETUP_TOKEN, useTestApp } from '../../../test/app.ts';

describe('first-run setup', () => {
  const t = useTestApp();
  const body = { username: 'admin', displayName: 'Quản trị viên', password: 'mat-khau-dau-tien' };

  it('creates the first admin only from the server machine or with the one-time token, and only once', async () => {
    const { app } = t();
    expect((await call(app, { url: '/api/setup/status' })).json()).toEqual({ needsSetup: true });
    const remote = await app.inject({ method: 'POST', url: '/api/setup', payload: body, remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('SETUP_TOKEN_REQUIRED');
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, setupToken: 'doan-bua' },
      remoteAddress: '203.0.113.9',
    });
    expect(wrongToken.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, setupToken: TEST_SETUP_TOKEN },
      remoteAddress: '203.0.113.9',
    });
    expect(ok.statusCode).toBe(201);
    expect((await call(app, { url: '/api/setup/status' })).json()).toEqual({ needsSetup: false });
    const again = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, username: 'admin2' },
      remoteAddress: '127.0.0.1',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_DONE');
    const login = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: 'admin', password: body.password },
    });
    expect(login.json().account).toMatchObject({ isAdmin: true, mustChangePassword: false });
  });
});
