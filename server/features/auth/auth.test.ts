import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { call, sessionCookie, signIn, useTestApp } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { THROTTLE } from './auth.service.ts';
import { inTransaction } from '../../db/tx.ts';
import { rememberedIdentity } from './identity.cache.ts';

describe('signing in', () => {
  const t = useTestApp();

  it('accepts the username, the phone number or the e-mail address as the login', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx, {
      username: 'nguyenvan.an',
      email: 'An.Nguyen@MongCai.vn',
      phone: '0912 345 678',
    });
    for (const login of ['nguyenvan.an', 'NguyenVan.An', '0912345678', '+84912345678', 'an.nguyen@mongcai.vn']) {
      const res = await call(app, { method: 'POST', url: '/api/auth/login', body: { login, password: PASSWORD } });
      expect(res.statusCode, login).toBe(200);
      expect(res.json().account.id).toBe(acc.id);
    }
  });

  it('sets an httpOnly SameSite session cookie and shows the account at /api/auth/me', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const res = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: acc.username, password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'khoi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await call(app, { url: '/api/auth/me', session: { cookie: cookie.value, csrf: '', accountId: acc.id } });
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toMatchObject({ username: acc.username, locale: 'vi', mustChangePassword: false });
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
  });

  it('refuses a wrong password with a Vietnamese message by default and English on request', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const vi = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: acc.username, password: 'sai-mat-khau' },
    });
    expect(vi.statusCode).toBe(401);
    expect(vi.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    const en = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: acc.username, password: 'nope' },
      lang: 'en',
    });
    expect(en.json().error.message).toBe('Wrong sign-in name or password.');
  });

  it('rotates the session at sign-in: the cookie sent with the sign-in stops working', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const first = await signIn(app, acc.username, PASSWORD);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: `khoi_session=${first.cookie}` },
      payload: { login: acc.username, password: PASSWORD },
    });
    const second = sessionCookie(res)!;
    expect(second).not.toBe(first.cookie);
    expect((await call(app, { url: '/api/auth/me', session: first })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: `khoi_session=${second}` } })).statusCode).toBe(
      200,
    );
  });

  it('signing out ends the session', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const s = await signIn(app, acc.username, PASSWORD);
    const out = await call(app, { method: 'POST', url: '/api/auth/logout', session: s });
    expect(out.statusCode).toBe(200);
    expect((await call(app, { url: '/api/auth/me', session: s })).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a disabled account stops working at once on this server, and within a second when disabled elsewhere', async () => {
    const { app, ctx, clock } = t();
    const admin = await buildAccount(ctx, { isAdmin: true });
    const [a, b] = [await buildAccount(ctx), await buildAccount(ctx)];
    const [sa, sb, sAdmin] = [
      await signIn(app, a.username, PASSWORD),
      await signIn(app, b.username, PASSWORD),
      await signIn(app, admin.username, PASSWORD),
    ];
    expect((await call(app, { url: '/api/auth/me', session: sa })).statusCode).toBe(200);
    expect((await call(app, { url: '/api/auth/me', session: sb })).statusCode).toBe(200);
    // Through this server: the identity it remembered is forgotten with the commit.
    const acc = (await call(app, { url: `/api/accounts/${a.id}`, session: sAdmin })).json().account;
    const off = await call(app, {
      method: 'POST',
      url: `/api/accounts/${a.id}/disable`,
      session: sAdmin,
      body: { version: acc.version },
    });
    expect(off.statusCode).toBe(200);
    expect((await call(app, { url: '/api/auth/me', session: sa })).statusCode).toBe(401);
    // Another server (a direct write here): remembered for at most a second.
    await ctx.db.updateTable('accounts').set({ disabled_at: clock.now() }).where('id', '=', b.id).execute();
    clock.advance(1000);
    expect((await call(app, { url: '/api/auth/me', session: sb })).statusCode).toBe(401);
  });

  it('a command that leaves the identities keeps them remembered; every other command forgets them at once', async () => {
    const { app, ctx } = t();
    const a = await buildAccount(ctx);
    const s = await signIn(app, a.username, PASSWORD);
    expect((await call(app, { url: '/api/auth/me', session: s })).statusCode).toBe(200);
    // Disabled by a direct write (as on another server): the remembered identity still answers…
    await ctx.db.updateTable('accounts').set({ disabled_at: new Date() }).where('id', '=', a.id).execute();
    await inTransaction(ctx.db, { accountId: null, label: 'test' }, () => Promise.resolve(undefined), {
      leaves: 'identities',
    });
    expect((await call(app, { url: '/api/auth/me', session: s })).statusCode).toBe(200);
    // …until any command that may change one commits here.
    await inTransaction(ctx.db, { accountId: null, label: 'test' }, () => Promise.resolve(undefined));
    expect((await call(app, { url: '/api/auth/me', session: s })).statusCode).toBe(401);
  });

  it('a value read while a command commits is used once, not remembered (it may predate the commit)', async () => {
    const { ctx, clock } = t();
    let loads = 0;
    const load = async () => {
      loads++;
      if (loads === 1)
        await inTransaction(ctx.db, { accountId: null, label: 'test' }, () => Promise.resolve(undefined));
      return { value: loads };
    };
    expect(await rememberedIdentity(ctx.db, 'test:race', clock.now(), load)).toBe(1);
    expect(await rememberedIdentity(ctx.db, 'test:race', clock.now(), load)).toBe(2);
    expect(await rememberedIdentity(ctx.db, 'test:race', clock.now(), load)).toBe(2);
  });

  it('a session expires after its lifetime without use', async () => {
    const { app, ctx, clock } = t();
    const acc = await buildAccount(ctx);
    const s = await signIn(app, acc.username, PASSWORD);
    clock.advance((ctx.env.KHOI_SESSION_DAYS + 1) * 86_400_000);
    expect((await call(app, { url: '/api/auth/me', session: s })).statusCode).toBe(401);
    clock.advance(-(ctx.env.KHOI_SESSION_DAYS + 1) * 86_400_000);
  });

  it('records sign-ins and failed sign-ins in the audit log, without secrets', async () => {
    const { app, ctx, db } = t();
    const acc = await buildAccount(ctx);
    await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: acc.username, password: 'sai-mat-khau' },
    });
    await signIn(app, acc.username, PASSWORD);
    const rows = await db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', acc.id)
      .where('action', 'like', 'sign_in%')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['sign_in_failed', 'sign_in']);
    expect(rows[1]!.ip).toBeTruthy();
    const all = JSON.stringify(await db.db.selectFrom('audit_log').selectAll().execute());
    expect(all).not.toContain('password_hash');
    expect(all).not.toContain('sai-mat-khau');
    expect(all).not.toContain('$argon2');
  });
});

/** One sign-in attempt as the server sees it from `address`. */
async function attempt(app: FastifyInstance, login: string, password: string, address: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
    remoteAddress: address,
  });
  return {
    status: res.statusCode,
    code: res.json().error?.code as string | undefined,
    retryAfter: res.json().error?.retryAfterSeconds as number | undefined,
  };
}

describe('sign-in back-off', () => {
  const t = useTestApp();

  it('grows per account after repeated failures, then lets the right password in when the wait is over', async () => {
    const { app, ctx, clock } = t();
    const acc = await buildAccount(ctx);
    const attempt = (password: string) =>
      call(app, {
        method: 'POST',
        url: '/api/auth/login',
        body: { login: acc.username, password },
        headers: { 'x-forwarded-for': '10.0.0.1' },
      });
    for (let i = 0; i < THROTTLE.accountFree; i++) expect((await attempt('wrong-' + i)).statusCode).toBe(401);
    const sixth = await attempt('wrong-again');
    expect(sixth.statusCode).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.json().error.retryAfterSeconds).toBe(2);
    expect(blocked.headers['retry-after']).toBe('2');
    expect(blocked.json().error.message).toContain('2 giây');
    clock.advance(2_000);
    expect((await attempt('wrong-7')).statusCode).toBe(401);
    expect((await attempt(PASSWORD)).json().error.retryAfterSeconds).toBe(4);
    clock.advance(4_000);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
    // success clears the account's count
    expect((await attempt('wrong-after')).statusCode).toBe(401);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('never locks for good: the longest wait is capped', async () => {
    const { app, ctx, clock } = t();
    const acc = await buildAccount(ctx);
    for (let i = 0; i < 40; i++) {
      await call(app, { method: 'POST', url: '/api/auth/login', body: { login: acc.username, password: 'x' } });
      clock.advance(THROTTLE.maxBlockSeconds * 1000);
    }
    const res = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: acc.username, password: 'x' },
    });
    expect(res.statusCode).toBe(401);
    const again = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: acc.username, password: PASSWORD },
    });
    expect(again.json().error.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.maxBlockSeconds);
    clock.advance(THROTTLE.maxBlockSeconds * 1000);
    expect(
      (await call(app, { method: 'POST', url: '/api/auth/login', body: { login: acc.username, password: PASSWORD } }))
        .statusCode,
    ).toBe(200);
  });

  it('counts by the account: its phone in four spellings, its username and its e-mail share one count', async () => {
    const { app, ctx, clock } = t();
    const acc = await buildAccount(ctx, { username: 'tran.van.ba', email: 'Ba.Tran@MongCai.vn', phone: '0912345111' });
    const spellings = [
      '0912345111',
      '+84912345111',
      '84912345111',
      '091 234 5111',
      'Tran.Van.Ba',
      'ba.tran@mongcai.vn',
    ];
    const here = '10.1.0.1';
    // Five failures cost nothing, whichever spelling made them.
    for (let i = 0; i < THROTTLE.accountFree; i++)
      expect((await attempt(app, spellings[i]!, 'sai-' + i, here)).status).toBe(401);
    expect((await attempt(app, spellings[5]!, PASSWORD, here)).status).toBe(200);
    // The sixth is answered and starts the wait, for every spelling, the right password included, from anywhere.
    for (const [i, login] of [...spellings].entries())
      expect((await attempt(app, login, 'sai-' + i, here)).status, login).toBe(401);
    for (const login of [...spellings, '+84 912 345 111'])
      expect(await attempt(app, login, PASSWORD, here), login).toEqual({
        status: 429,
        code: 'TOO_MANY_ATTEMPTS',
        retryAfter: 2,
      });
    expect((await attempt(app, '0912.345.111', PASSWORD, '10.1.0.2')).status).toBe(429);
    clock.advance(1_999);
    expect((await attempt(app, spellings[2]!, PASSWORD, here)).status).toBe(429);
    clock.advance(1);
    expect((await attempt(app, spellings[3]!, PASSWORD, here)).status).toBe(200);
    expect((await attempt(app, acc.username, 'sai-sau', here)).status).toBe(401);
  });

  it('answers exactly six of twenty-six guesses at one account sent at once, whatever their spellings and addresses', async () => {
    const { app, ctx } = t();
    await buildAccount(ctx, { username: 'le.thi.cuc', email: 'cuc@mongcai.vn', phone: '0912345222' });
    const spellings = ['0912345222', '+84912345222', '84912345222', '091 234 5222', 'LE.THI.CUC', 'cuc@mongcai.vn'];
    const answers = await Promise.all(
      Array.from({ length: 26 }, (_, i) => attempt(app, spellings[i % spellings.length]!, 'sai-' + i, `10.2.0.${i}`)),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(THROTTLE.accountFree + 1);
    expect(answers.filter((a) => a.code === 'TOO_MANY_ATTEMPTS')).toHaveLength(26 - THROTTLE.accountFree - 1);
  });

  it('throttles a login that names no account by its folded text, with the same answers an account gets', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const answers = async (logins: string[], address: string) => {
      const out = [];
      for (let i = 0; i < THROTTLE.accountFree + 2; i++)
        out.push(await attempt(app, logins[i % logins.length]!, 'sai-' + i, address));
      return out;
    };
    const known = await answers([acc.username, ` ${acc.username.toUpperCase()} `], '10.3.0.1');
    expect(known.slice(-2)).toEqual([
      { status: 401, code: 'INVALID_CREDENTIALS', retryAfter: undefined },
      { status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfter: 2 },
    ]);
    expect(await answers(['0987000111', '+84 987 000 111', ' 84987000111 ', '098.700.0111'], '10.3.0.2')).toEqual(
      known,
    );
    expect(await answers(['người.lạ'.normalize('NFC'), ' NGƯỜI.LẠ'.normalize('NFD')], '10.3.0.3')).toEqual(known);
  });

  // The sign-in route also takes at most 60 requests a minute from one address: each story below stays within it.

  it(`lets an office behind one address go on signing in past 20 failures spread over its people's accounts`, async () => {
    const { app, ctx } = t();
    const office = '10.4.0.1';
    const staff = [];
    for (let i = 0; i < 7; i++) staff.push(await buildAccount(ctx));
    // 28 slips, far past one account's allowance and the 20 that once shut an address, each made good by its owner.
    for (const a of staff) {
      for (let i = 0; i < 4; i++) expect((await attempt(app, a.username, 'sai-' + i, office)).status).toBe(401);
      expect((await attempt(app, a.username, PASSWORD, office)).status).toBe(200);
    }
    // Slips made good no longer count: failures nobody makes good can still reach the ceiling before the address waits.
    for (let i = 0; i < THROTTLE.addressFree + 1 - 28; i++)
      expect((await attempt(app, `khach-${i}`, 'x', office)).status).toBe(401);
    expect((await attempt(app, staff[0]!.username, PASSWORD, office)).status).toBe(200);
  });

  it(`makes an address wait past its ceiling of failures nobody made good, right passwords too, until the clock moves on`, async () => {
    const { app, ctx, clock } = t();
    const office = '10.5.0.1';
    const staff = [];
    for (let i = 0; i < 6; i++) staff.push(await buildAccount(ctx));
    // Guesses across names that are no one's, a login's allowance each, up to the ceiling: the office still signs in.
    for (let i = 0; i < THROTTLE.addressFree; i++)
      expect((await attempt(app, `khach-${Math.floor(i / THROTTLE.accountFree)}`, 'x', office)).status).toBe(401);
    expect((await attempt(app, staff[0]!.username, PASSWORD, office)).status).toBe(200);
    // One more, and every sign-in from the address waits; other addresses do not.
    expect((await attempt(app, 'khach-cuoi', 'x', office)).status).toBe(401);
    expect(await attempt(app, staff[1]!.username, PASSWORD, office)).toEqual({
      status: 429,
      code: 'TOO_MANY_ATTEMPTS',
      retryAfter: 2,
    });
    expect((await attempt(app, staff[1]!.username, PASSWORD, '10.5.0.2')).status).toBe(200);
    clock.advance(2_000);
    // A right password neither adds to the count nor starts a wait for the next colleague.
    expect((await attempt(app, staff[2]!.username, PASSWORD, office)).status).toBe(200);
    expect((await attempt(app, staff[3]!.username, PASSWORD, office)).status).toBe(200);
    expect((await attempt(app, 'khach-cuoi', 'x', office)).status).toBe(401);
    expect((await attempt(app, staff[4]!.username, PASSWORD, office)).retryAfter).toBe(4);
    // A login's failures leave the count an hour after its last one: the next failure starts no wait.
    clock.advance(THROTTLE.windowMinutes * 60_000);
    expect((await attempt(app, 'khach-sau', 'x', office)).status).toBe(401);
    expect((await attempt(app, staff[5]!.username, PASSWORD, office)).status).toBe(200);
  });
});

describe('CSRF and origin', () => {
  const t = useTestApp();

  it('refuses a state-changing request made with the session cookie but without the CSRF token', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const s = await signIn(app, acc.username, PASSWORD);
    const res = await call(app, {
      method: 'PATCH',
      url: '/api/auth/me/preferences',
      body: { locale: 'en' },
      session: s,
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const wrong = await call(app, {
      method: 'PATCH',
      url: '/api/auth/me/preferences',
      body: { locale: 'en' },
      session: s,
      csrf: false,
      headers: { 'x-csrf-token': 'guess' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await call(app, {
      method: 'PATCH',
      url: '/api/auth/me/preferences',
      body: { locale: 'en' },
      session: s,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a cross-site origin, sign-in included', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const res = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: acc.username, password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const same = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: acc.username, password: PASSWORD },
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(same.statusCode).toBe(200);
  });
});

describe('language and password', () => {
  const t = useTestApp();

  it('remembers the language per account', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const s = await signIn(app, acc.username, PASSWORD);
    await call(app, { method: 'PATCH', url: '/api/auth/me/preferences', body: { locale: 'en' }, session: s });
    const again = await signIn(app, acc.username, PASSWORD);
    expect((await call(app, { url: '/api/auth/me', session: again })).json().account.locale).toBe('en');
    const bad = await call(app, {
      method: 'PATCH',
      url: '/api/auth/me/preferences',
      body: { locale: 'fr' },
      session: again,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('locale');
  });

  it('changing the password checks the current one, ends the other sessions and rotates this one', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const a = await signIn(app, acc.username, PASSWORD);
    const b = await signIn(app, acc.username, PASSWORD);
    const wrong = await call(app, {
      method: 'POST',
      url: '/api/auth/password',
      body: { currentPassword: 'sai', newPassword: 'mat-khau-moi-1' },
      session: a,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'WRONG_PASSWORD', field: 'currentPassword' });
    const short = await call(app, {
      method: 'POST',
      url: '/api/auth/password',
      body: { currentPassword: PASSWORD, newPassword: 'ngan' },
      session: a,
    });
    expect(short.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'newPassword' });
    expect(short.json().error.issues[0].message).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    const ok = await call(app, {
      method: 'POST',
      url: '/api/auth/password',
      body: { currentPassword: PASSWORD, newPassword: 'mat-khau-moi-1' },
      session: a,
    });
    expect(ok.statusCode).toBe(200);
    expect((await call(app, { url: '/api/auth/me', session: a })).statusCode).toBe(401);
    expect((await call(app, { url: '/api/auth/me', session: b })).statusCode).toBe(401);
    const fresh = { cookie: sessionCookie(ok)!, csrf: ok.json().csrfToken, accountId: acc.id };
    expect((await call(app, { url: '/api/auth/me', session: fresh })).statusCode).toBe(200);
    expect(
      (
        await call(app, {
          method: 'POST',
          url: '/api/auth/login',
          body: { login: acc.username, password: 'mat-khau-moi-1' },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('signing out from the browser', () => {
  const t = useTestApp();

  it('accepts a sign-out POST that carries no body at all', async () => {
    const { app, ctx } = t();
    const acc = await buildAccount(ctx);
    const s = await signIn(app, acc.username, PASSWORD);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `khoi_session=${s.cookie}`, 'x-csrf-token': s.csrf },
    });
    expect(res.statusCode).toBe(200);
    expect((await call(app, { url: '/api/auth/me', session: s })).statusCode).toBe(401);
  });
});
