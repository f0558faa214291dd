import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { call, signIn, useTestApp } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { importQuangNinh } from '../../../test/units-fixture.ts';
import { registerOpenWorkProvider } from './index.ts';

describe('handover', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });

  it('moves the open work of every plugged-in module, ends the roles and disables the account in one step', async () => {
    const { app, ctx, db } = t();
    await importQuangNinh(db.db);
    // A module that owns open work plugs in (the work module will be the first real one).
    await sql`create table test_open_items (id serial primary key, owner uuid not null, done boolean not null default false)`.execute(
      db.db,
    );
    registerOpenWorkProvider({
      key: 'test-items',
      label: { vi: 'Việc thử', en: 'Test items' },
      countOpen: async (trx, id) =>
        Number(
          (
            await sql<{
              n: string;
            }>`select count(*) as n from test_open_items where owner = ${id} and not done`.execute(trx)
          ).rows[0]!.n,
        ),
      moveOpen: async (trx, from, to) =>
        Number(
          (await sql`update test_open_items set owner = ${to} where owner = ${from} and not done`.execute(trx))
            .numAffectedRows ?? 0,
        ),
    });
    const admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const leaving = await buildAccount(ctx);
    const taking = await buildAccount(ctx);
    await sql`insert into test_open_items (owner, done) values (${leaving.id}, false), (${leaving.id}, false), (${leaving.id}, true)`.execute(
      db.db,
    );
    await call(app, {
      method: 'POST',
      url: `/api/accounts/${leaving.id}/roles`,
      session: admin,
      body: { role: 'officer', unitCode: '06712', validFrom: '2025-07-01' },
    });
    const leavingSession = await signIn(app, leaving.username, PASSWORD);

    expect((await call(app, { url: `/api/accounts/${leaving.id}/open-work`, session: admin })).json().items).toEqual([
      { key: 'tasks', label: 'Nhiệm vụ đang theo dõi', open: 0 },
      { key: 'test-items', label: 'Việc thử', open: 2 },
    ]);
    const self = await call(app, {
      method: 'POST',
      url: `/api/accounts/${leaving.id}/handover`,
      session: admin,
      body: { toAccountId: leaving.id },
    });
    expect(self.json().error.field).toBe('toAccountId');
    const res = await call(app, {
      method: 'POST',
      url: `/api/accounts/${leaving.id}/handover`,
      session: admin,
      body: { toAccountId: taking.id, endRoles: true, disable: true },
    });
    expect(res.json()).toEqual({
      moved: [
        { key: 'tasks', label: 'Nhiệm vụ đang theo dõi', moved: 0 },
        { key: 'test-items', label: 'Việc thử', moved: 2 },
      ],
      rolesEnded: 1,
      disabled: true,
    });
    expect((await call(app, { url: '/api/auth/me', session: leavingSession })).statusCode).toBe(401);
    const roles = (await call(app, { url: `/api/accounts/${leaving.id}/roles`, session: admin })).json();
    expect(roles[0].validTo).toBe('2026-03-02');
    const left = Number(
      (await sql<{ n: string }>`select count(*) as n from test_open_items where owner = ${taking.id}`.execute(db.db))
        .rows[0]!.n,
    );
    expect(left).toBe(2);
  });
});
