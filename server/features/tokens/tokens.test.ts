import { describe, expect, it } from 'vitest';
import { call, signIn, useTestApp } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';

describe('personal API tokens', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });

  it('an integrator calls the API with a token, without cookie or CSRF; the secret is shown once', async () => {
    const { app, ctx, db } = t();
    const u = await buildAccount(ctx, { isAdmin: true });
    const s = await signIn(app, u.username, PASSWORD);
    const created = await call(app, {
      method: 'POST',
      url: '/api/tokens',
      session: s,
      body: { name: 'Đồng bộ báo cáo' },
    });
    expect(created.statusCode).toBe(201);
    const secret = created.json().secret as string;
    expect(secret).toMatch(/^khoi_/);
    const list = await call(app, { url: '/api/tokens', session: s });
    expect(list.json().items).toHaveLength(1);
    expect(JSON.stringify(list.json())).not.toContain(secret);
    expect(list.json().items[0].prefix).toBe(secret.slice(0, 10));
    const stored = await db.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(stored[0]!.token_hash).not.toContain(secret);

    expect((await call(app, { url: '/api/auth/me', token: secret })).json().account.id).toBe(u.id);
    const write = await call(app, {
      method: 'POST',
      url: '/api/accounts',
      token: secret,
      body: { username: 'qua-token', displayName: 'Qua token', password: 'mat-khau-123' },
    });
    expect(write.statusCode).toBe(201);
    const audit = await db.db
      .selectFrom('audit_log')
      .select(['actor_label', 'actor_account_id'])
      .where('record_id', '=', write.json().account.id)
      .executeTakeFirst();
    expect(audit).toEqual({ actor_label: 'api-token', actor_account_id: u.id });
  });

  it('a revoked, expired or unknown token is refused', async () => {
    const { app, ctx, clock } = t();
    const u = await buildAccount(ctx);
    const s = await signIn(app, u.username, PASSWORD);
    const a = (await call(app, { method: 'POST', url: '/api/tokens', session: s, body: { name: 'A' } })).json();
    const b = (
      await call(app, { method: 'POST', url: '/api/tokens', session: s, body: { name: 'B', expiresAt: '2026-03-05' } })
    ).json();
    expect((await call(app, { method: 'DELETE', url: `/api/tokens/${a.token.id}`, session: s })).statusCode).toBe(200);
    expect((await call(app, { url: '/api/auth/me', token: a.secret })).statusCode).toBe(401);
    expect((await call(app, { url: '/api/auth/me', token: b.secret })).statusCode).toBe(200);
    clock.set('2026-03-05T16:59:00Z'); // 23:59 on 5/3 in Hà Nội: still valid
    expect((await call(app, { url: '/api/auth/me', token: b.secret })).statusCode).toBe(200);
    clock.set('2026-03-05T17:00:00Z'); // 00:00 on 6/3 in Hà Nội
    expect((await call(app, { url: '/api/auth/me', token: b.secret })).statusCode).toBe(401);
    expect((await call(app, { url: '/api/auth/me', token: 'khoi_nothing' })).statusCode).toBe(401);
    clock.set('2026-03-02T02:00:00Z');
  });

  it('a token ended by a handover that disabled its account stays ended when the account is enabled again', async () => {
    const { app, ctx } = t();
    const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const [leaving, taking] = [await buildAccount(ctx), await buildAccount(ctx)];
    const s = await signIn(app, leaving.username, PASSWORD);
    const old = (await call(app, { method: 'POST', url: '/api/tokens', session: s, body: { name: 'Cũ' } })).json()
      .secret as string;
    const off = await call(app, {
      method: 'POST',
      url: `/api/accounts/${leaving.id}/handover`,
      session: admin,
      body: { toAccountId: taking.id, disable: true },
    });
    expect(off.json().disabled).toBe(true);
    expect((await call(app, { url: '/api/auth/me', token: old })).statusCode).toBe(401);
    expect(
      (await call(app, { method: 'POST', url: `/api/accounts/${leaving.id}/enable`, session: admin, body: {} }))
        .statusCode,
    ).toBe(200);
    expect((await call(app, { url: '/api/auth/me', token: old })).statusCode).toBe(401);
    const again = await signIn(app, leaving.username, PASSWORD);
    const fresh = (
      await call(app, { method: 'POST', url: '/api/tokens', session: again, body: { name: 'Mới' } })
    ).json().secret as string;
    expect((await call(app, { url: '/api/auth/me', token: fresh })).statusCode).toBe(200);
  });

  it('refuses an expiry in the past and a token of someone else', async () => {
    const { app, ctx } = t();
    const u = await buildAccount(ctx);
    const v = await buildAccount(ctx);
    const su = await signIn(app, u.username, PASSWORD);
    const sv = await signIn(app, v.username, PASSWORD);
    const past = await call(app, {
      method: 'POST',
      url: '/api/tokens',
      session: su,
      body: { name: 'Cũ', expiresAt: '2026-03-01' },
    });
    expect(past.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'expiresAt' });
    const bad = await call(app, {
      method: 'POST',
      url: '/api/tokens',
      session: su,
      body: { name: 'Sai', expiresAt: '2026-02-30' },
    });
    expect(bad.json().error.field).toBe('expiresAt');
    const mine = (
      await call(app, { method: 'POST', url: '/api/tokens', session: su, body: { name: 'Của tôi' } })
    ).json();
    expect((await call(app, { method: 'DELETE', url: `/api/tokens/${mine.token.id}`, session: sv })).statusCode).toBe(
      404,
    );
    expect((await call(app, { url: '/api/tokens', session: sv })).json().items).toHaveLength(0);
  });
});
