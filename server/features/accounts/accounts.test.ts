import { describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';

describe('accounts administration', () => {
  const t = useTestApp();
  let admin: Session;

  async function asAdmin() {
    const { app, ctx } = t();
    if (!admin) {
      const a = await buildAccount(ctx, { username: 'quantri', isAdmin: true });
      admin = await signIn(app, a.username, PASSWORD);
    }
    return admin;
  }

  it('an admin adds an account, which must change its password at first sign-in', async () => {
    const { app } = t();
    const s = await asAdmin();
    const res = await call(app, {
      method: 'POST',
      url: '/api/accounts',
      session: s,
      body: {
        username: 'Tran.Thi.Binh',
        displayName: 'Trần Thị Bình',
        email: 'binh@mongcai.vn',
        phone: '+84 912 000 111',
        password: 'tam-thoi-123',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().account).toMatchObject({
      username: 'tran.thi.binh',
      phone: '0912000111',
      mustChangePassword: true,
      isAdmin: false,
      disabled: false,
      version: 1,
    });

    const binh = await signIn(app, '0912000111', 'tam-thoi-123');
    const blocked = await call(app, { url: '/api/tokens', session: binh });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await call(app, { url: '/api/auth/me', session: binh })).json().account.mustChangePassword).toBe(true);
    const changed = await call(app, {
      method: 'POST',
      url: '/api/auth/password',
      session: binh,
      body: { currentPassword: 'tam-thoi-123', newPassword: 'mat-khau-rieng-1' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().account.mustChangePassword).toBe(false);
    const after = await signIn(app, 'tran.thi.binh', 'mat-khau-rieng-1');
    expect((await call(app, { url: '/api/tokens', session: after })).statusCode).toBe(200);
  });

  it('says which field is taken when a login, e-mail or phone is already used', async () => {
    const { app, ctx } = t();
    const s = await asAdmin();
    await buildAccount(ctx, { username: 'da-co', email: 'daco@khoi.vn', phone: '0987654321' });
    for (const [body, field] of [
      [{ username: 'DA-CO' }, 'username'],
      [{ username: 'moi1', email: 'DaCo@khoi.vn' }, 'email'],
      [{ username: 'moi2', phone: '+84987654321' }, 'phone'],
    ] as const) {
      const res = await call(app, {
        method: 'POST',
        url: '/api/accounts',
        session: s,
        body: { displayName: 'X', password: 'mat-khau-123', ...body },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'ALREADY_EXISTS', field });
    }
  });

  it('refuses bad fields beside the field, in Vietnamese', async () => {
    const { app } = t();
    const s = await asAdmin();
    const res = await call(app, {
      method: 'POST',
      url: '/api/accounts',
      session: s,
      body: { username: 'có dấu', displayName: '  ', password: 'ngan', email: 'khong-phai-email', phone: '123' },
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(
      res.json().error.issues.map((i: { field: string; message: string }) => [i.field, i.message]),
    );
    expect(fields.username).toMatch(/Tên đăng nhập/);
    expect(fields.displayName).toBe('Trường này là bắt buộc.');
    expect(fields.password).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    expect(fields.email).toBe('Địa chỉ email không hợp lệ.');
    expect(fields.phone).toMatch(/Số điện thoại/);
  });

  it('an account that is not admin cannot list or add accounts', async () => {
    const { app, ctx } = t();
    const u = await buildAccount(ctx);
    const s = await signIn(app, u.username, PASSWORD);
    expect((await call(app, { url: '/api/accounts', session: s })).statusCode).toBe(403);
    expect(
      (
        await call(app, {
          method: 'POST',
          url: '/api/accounts',
          session: s,
          body: { username: 'x-y-z', displayName: 'X', password: 'mat-khau-123' },
        })
      ).json().error.code,
    ).toBe('FORBIDDEN');
    expect((await call(app, { url: '/api/accounts' })).statusCode).toBe(401);
  });

  it('disabling an account ends its sessions and API tokens at once', async () => {
    const { app, ctx } = t();
    const s = await asAdmin();
    const u = await buildAccount(ctx);
    const us = await signIn(app, u.username, PASSWORD);
    const tok = (await call(app, { method: 'POST', url: '/api/tokens', session: us, body: { name: 'Đồng bộ' } })).json()
      .secret as string;
    expect((await call(app, { url: '/api/auth/me', token: tok })).statusCode).toBe(200);
    const res = await call(app, { method: 'POST', url: `/api/accounts/${u.id}/disable`, session: s, body: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.disabled).toBe(true);
    expect((await call(app, { url: '/api/auth/me', session: us })).statusCode).toBe(401);
    expect((await call(app, { url: '/api/auth/me', token: tok })).statusCode).toBe(401);
    const login = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      body: { login: u.username, password: PASSWORD },
    });
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    await call(app, { method: 'POST', url: `/api/accounts/${u.id}/enable`, session: s, body: {} });
    expect(
      (await call(app, { method: 'POST', url: '/api/auth/login', body: { login: u.username, password: PASSWORD } }))
        .statusCode,
    ).toBe(200);
  });

  it('enabling an account again does not revive the sessions and API tokens its disable ended; new ones work', async () => {
    const { app, ctx } = t();
    const s = await asAdmin();
    const u = await buildAccount(ctx);
    const us = await signIn(app, u.username, PASSWORD);
    const tok = (await call(app, { method: 'POST', url: '/api/tokens', session: us, body: { name: 'Đồng bộ' } })).json()
      .secret as string;
    expect(
      (await call(app, { method: 'POST', url: `/api/accounts/${u.id}/disable`, session: s, body: {} })).statusCode,
    ).toBe(200);
    expect(
      (await call(app, { method: 'POST', url: `/api/accounts/${u.id}/enable`, session: s, body: {} })).json().account
        .disabled,
    ).toBe(false);
    expect((await call(app, { url: '/api/auth/me', token: tok })).statusCode).toBe(401);
    expect((await call(app, { url: '/api/auth/me', session: us })).statusCode).toBe(401);
    const again = await signIn(app, u.username, PASSWORD);
    expect((await call(app, { url: '/api/tokens', session: again })).json().items).toHaveLength(0);
    const fresh = (
      await call(app, { method: 'POST', url: '/api/tokens', session: again, body: { name: 'Đồng bộ mới' } })
    ).json().secret as string;
    expect((await call(app, { url: '/api/auth/me', token: fresh })).json().account.id).toBe(u.id);
    expect((await call(app, { url: '/api/auth/me', token: tok })).statusCode).toBe(401);
  });

  it('enabling an account that was not disabled leaves its sessions and tokens alone', async () => {
    const { app, ctx } = t();
    const s = await asAdmin();
    const u = await buildAccount(ctx);
    const us = await signIn(app, u.username, PASSWORD);
    const tok = (await call(app, { method: 'POST', url: '/api/tokens', session: us, body: { name: 'Đồng bộ' } })).json()
      .secret as string;
    expect(
      (await call(app, { method: 'POST', url: `/api/accounts/${u.id}/enable`, session: s, body: {} })).statusCode,
    ).toBe(200);
    expect((await call(app, { url: '/api/auth/me', token: tok })).statusCode).toBe(200);
    expect((await call(app, { url: '/api/auth/me', session: us })).statusCode).toBe(200);
  });

  it('an admin cannot disable their own account or the last admin', async () => {
    const { app } = t();
    const s = await asAdmin();
    const self = await call(app, { method: 'POST', url: `/api/accounts/${s.accountId}/disable`, session: s, body: {} });
    expect(self.json().error.code).toBe('CANNOT_DISABLE_SELF');
    const me = (await call(app, { url: `/api/accounts/${s.accountId}`, session: s })).json().account;
    const demote = await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${s.accountId}`,
      session: s,
      body: { version: me.version, isAdmin: false },
    });
    expect(demote.json().error.code).toBe('CANNOT_REMOVE_LAST_ADMIN');
  });

  it('resetting a password ends the sessions and forces a change at next sign-in', async () => {
    const { app, ctx } = t();
    const s = await asAdmin();
    const u = await buildAccount(ctx);
    const us = await signIn(app, u.username, PASSWORD);
    const res = await call(app, {
      method: 'POST',
      url: `/api/accounts/${u.id}/reset-password`,
      session: s,
      body: { password: 'tam-thoi-456' },
    });
    expect(res.json().account.mustChangePassword).toBe(true);
    expect((await call(app, { url: '/api/auth/me', session: us })).statusCode).toBe(401);
    expect(
      (await call(app, { method: 'POST', url: '/api/auth/login', body: { login: u.username, password: PASSWORD } }))
        .statusCode,
    ).toBe(401);
    const again = await signIn(app, u.username, 'tam-thoi-456');
    expect((await call(app, { url: '/api/tokens', session: again })).json().error.code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
  });

  it('a stale edit is refused with 409 instead of overwriting', async () => {
    const { app, ctx } = t();
    const s = await asAdmin();
    const u = await buildAccount(ctx);
    const first = await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${u.id}`,
      session: s,
      body: { version: 1, displayName: 'Tên mới' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().account.version).toBe(2);
    const stale = await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${u.id}`,
      session: s,
      body: { version: 1, displayName: 'Tên khác' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const missing = await call(app, {
      method: 'PATCH',
      url: `/api/accounts/00000000-0000-4000-8000-000000000000`,
      session: s,
      body: { version: 1, displayName: 'X' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('searches names ignoring diacritics and đ', async () => {
    const { app, ctx } = t();
    const s = await asAdmin();
    await buildAccount(ctx, { displayName: 'Đặng Thị Hoà' });
    await buildAccount(ctx, { displayName: 'Lê Văn Tám' });
    const res = await call(app, { url: '/api/accounts?q=dang%20thi%20hoa', session: s });
    expect(res.json().items.map((a: { displayName: string }) => a.displayName)).toEqual(['Đặng Thị Hoà']);
    expect(res.json().total).toBe(1);
    const paged = await call(app, { url: '/api/accounts?page=1&pageSize=1', session: s });
    expect(paged.json().items).toHaveLength(1);
    expect(paged.json().total).toBeGreaterThan(1);
    expect((await call(app, { url: '/api/accounts?pageSize=5000', session: s })).statusCode).toBe(400);
  });

  it('writes every change to the audit log with the actor and before/after, never the password hash', async () => {
    const { app, db } = t();
    const s = await asAdmin();
    const res = await call(app, {
      method: 'POST',
      url: '/api/accounts',
      session: s,
      body: { username: 'kiem-tra-nk', displayName: 'Kiểm tra', password: 'mat-khau-789' },
    });
    const id = res.json().account.id;
    await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${id}`,
      session: s,
      body: { version: 1, displayName: 'Kiểm tra 2' },
    });
    const rows = await db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('table_name', '=', 'accounts')
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]!.actor_account_id).toBe(s.accountId);
    expect(rows[1]!.actor_label).toBe('web');
    expect((rows[1]!.before as { display_name: string }).display_name).toBe('Kiểm tra');
    expect((rows[1]!.after as { display_name: string }).display_name).toBe('Kiểm tra 2');
    expect(JSON.stringify(rows)).not.toContain('password_hash');
  });
});
