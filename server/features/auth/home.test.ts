import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { workFixture, type WorkFixture } from '../../../test/work-fixture.ts';

describe('the first page of an account (home)', () => {
  const t = useTestApp();
  let f: WorkFixture;
  beforeAll(async () => {
    f = await workFixture(t());
  });

  const homeOf = async (session: Session) => {
    const me = await call(t().app, { url: '/api/auth/me', session });
    expect(me.statusCode, me.body).toBe(200);
    return me.json<{ account: { home: string } }>().account.home;
  };

  it('is the overview for a leader and an administrator, my work for officers and a village reporter', async () => {
    expect(await homeOf(f.leader.session)).toBe('overview');
    expect(await homeOf(f.admin)).toBe('overview');
    expect(await homeOf(f.officer.session)).toBe('my-work');
    // Narrowed to its body, an officer still carries work out.
    expect(await homeOf(f.women.session)).toBe('my-work');
    // No role: it sees the tasks that name its person, in my work.
    expect(await homeOf(f.village.session)).toBe('my-work');
  });

  it('is the overview for an account that only reads, and follows the roles in force today', async () => {
    const { app, ctx } = t();
    const a = await buildAccount(ctx);
    const assign = async (role: string, validTo?: string) => {
      const r = await call(app, {
        method: 'POST',
        url: `/api/accounts/${a.id}/roles`,
        session: f.admin,
        body: { role, unitCode: '06712', ...(validTo ? { validFrom: '2025-07-01', validTo } : {}) },
      });
      expect(r.statusCode, r.body).toBe(201);
    };
    await assign('viewer');
    // A leader's role that ended does not count.
    await assign('leader', '2025-12-31');
    const session = await signIn(app, a.username, PASSWORD);
    expect(await homeOf(session)).toBe('overview');
    await assign('reporter');
    expect(await homeOf(session)).toBe('my-work');
  });

  it('comes with the sign-in and the answer to a change of language', async () => {
    const { app, ctx } = t();
    const a = await buildAccount(ctx);
    const login = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: a.username, password: PASSWORD },
    });
    expect(login.json().account.home).toBe('my-work');
    const session = await signIn(app, a.username, PASSWORD);
    const prefs = await call(app, {
      method: 'PATCH',
      url: '/api/auth/me/preferences',
      session,
      body: { locale: 'en' },
    });
    expect(prefs.statusCode, prefs.body).toBe(200);
    expect(prefs.json().account).toMatchObject({ locale: 'en', home: 'my-work' });
  });
});
