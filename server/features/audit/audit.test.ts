import fs from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AUDIT_TABLES } from '../../../web/features/audit/audit.kinds.ts';
import { call, signIn, useTestApp } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';

describe('audit log', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });

  it('an administrator filters the log by record, account, action and date; others may not read it', async () => {
    const { app, ctx } = t();
    const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const u = await buildAccount(ctx);
    await call(app, { method: 'POST', url: '/api/auth/login', body: { login: u.username, password: 'sai' } });
    const us = await signIn(app, u.username, PASSWORD);
    await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${u.id}`,
      session: admin,
      body: { version: 1, displayName: 'Tên đã sửa' },
    });

    const record = (await call(app, { url: `/api/audit?table=accounts&record=${u.id}`, session: admin })).json();
    expect(record.items.map((i: { action: string }) => i.action)).toEqual([
      'update',
      'sign_in',
      'sign_in_failed',
      'create',
    ]);
    const update = record.items[0];
    expect(update.actor).toMatchObject({ id: admin.accountId });
    expect(update.before.display_name).not.toBe('Tên đã sửa');
    expect(update.after.display_name).toBe('Tên đã sửa');
    expect(JSON.stringify(record)).not.toContain('password_hash');

    const failed = (await call(app, { url: '/api/audit?action=sign_in_failed', session: admin })).json();
    expect(failed.total).toBe(1);
    const byActor = (
      await call(app, { url: `/api/audit?actor=${admin.accountId}&action=update`, session: admin })
    ).json();
    expect(byActor.items.every((i: { actor: { id: string } }) => i.actor.id === admin.accountId)).toBe(true);
    // Entries are stamped with the database's clock; today in Hà Nội covers them, a past day does not.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(
      (await call(app, { url: `/api/audit?from=${today}&to=${today}`, session: admin })).json().total,
    ).toBeGreaterThan(3);
    expect((await call(app, { url: '/api/audit?from=2020-01-01&to=2020-01-02', session: admin })).json().total).toBe(0);

    expect((await call(app, { url: '/api/audit', session: us })).statusCode).toBe(403);
    expect((await call(app, { url: '/api/audit?from=2020-13-01', session: admin })).json().error.field).toBe('from');
  });

  it('names every audited kind of record in both languages, in the log and in its filter', async () => {
    const { ctx } = t();
    const audited = (
      await sql<{
        table: string;
      }>`select distinct c.relname as table from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_proc p on p.oid = g.tgfoid where p.proname = 'audit_row'`.execute(
        ctx.db,
      )
    ).rows
      .map((r) => r.table)
      .sort();
    expect(audited.length).toBeGreaterThan(20);
    expect(
      audited.filter((table) => !(AUDIT_TABLES as readonly string[]).includes(table)),
      'missing from AUDIT_TABLES',
    ).toEqual([]);
    for (const lang of ['vi', 'en']) {
      const names = (
        JSON.parse(fs.readFileSync(`web/i18n/${lang}.json`, 'utf8')) as { audit: { tables: Record<string, string> } }
      ).audit.tables;
      expect(
        audited.filter((table) => !names[table]),
        `missing in ${lang}.json`,
      ).toEqual([]);
    }
  });
});
