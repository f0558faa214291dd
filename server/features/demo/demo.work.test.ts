import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../../test/app.ts';
import { demoSessions } from '../../../test/factories.ts';
import { seedDemo } from './demo.seed.ts';

describe('demo work data', () => {
  const t = useTestApp({ start: '2026-11-22T02:00:00Z' });

  it('tells the seeds’ 2021 story: 15 groups, 4 key tasks and 3 commissioned tasks done; a current programme in progress', async () => {
    const { admin } = await demoSessions(t());
    const list = (await call(t().app, { url: '/api/programmes', session: admin })).json();
    const p2021 = list.find((p: { year: number }) => p.year === 2021);
    expect(p2021.bodyName).toBe('Cơ quan Khối MTTQ và các đoàn thể CT-XH TP Móng Cái');
    expect(p2021.groupCount).toBe(15);
    const o = (await call(t().app, { url: `/api/programmes/${p2021.id}/overview`, session: admin })).json();
    const apart = Object.fromEntries(
      o.apart.map((a: { kind: string; counts: { total: number; done: number } }) => [
        a.kind,
        [a.counts.total, a.counts.done],
      ]),
    );
    expect(apart).toEqual({ key: [4, 4], commissioned: [3, 3] });
    expect(o.totals.overdue).toBe(0);
    expect(o.totals.late).toBeGreaterThan(0);
    const now = list.find((p: { year: number }) => p.year === 2026);
    expect(now.bodyName).toBe('Ủy ban MTTQ Phường Móng Cái 1');
    expect(now.counts.done).toBeGreaterThan(0);
    expect(now.counts.overdue).toBeGreaterThan(0);
    expect(now.counts.open).toBeGreaterThan(0);
    // The ward's leader reads the city bloc office's 2021 programme (its body succeeded the office); a ward of Quảng Yên does not.
    const readable = async (username: string) =>
      (
        await sql<{
          ok: boolean;
        }>`select programme_readable(a.id, '2026-11-22', ${p2021.id}::uuid) as ok from accounts a where a.username = ${username}`.execute(
          t().ctx.db,
        )
      ).rows[0]!.ok;
    expect([await readable('mongcai'), await readable('canbo'), await readable('quangyen')]).toEqual([
      true,
      true,
      false,
    ]);
    // The same rule reads the office's other records (its briefings): body_readable.
    const bodyReadable = async (username: string) =>
      (
        await sql<{
          ok: boolean;
        }>`select body_readable(a.id, '2026-11-22', ${p2021.bodyId}::uuid) as ok from accounts a where a.username = ${username}`.execute(
          t().ctx.db,
        )
      ).rows[0]!.ok;
    expect([await bodyReadable('mongcai'), await bodyReadable('quangyen')]).toEqual([true, false]);
    // Idempotent.
    const again = await seedDemo(t().ctx, { accountId: null, label: 'test' });
    expect(again.tasksAdded).toBe(0);
  }, 120_000);
});
