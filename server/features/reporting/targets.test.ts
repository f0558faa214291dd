import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, useTestApp } from '../../../test/app.ts';
import { signInAdmin } from '../../../test/factories.ts';
import { splitLargestRemainder } from './totals.rules.ts';
import { addForm, addIndicator, addSubmission, reformTree, sessionWithRole } from './totals.testkit.ts';

describe('largest-remainder split', () => {
  it('adds up exactly to the whole, each part within one step of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(0, 2),
        (total, weights, decimals) => {
          const parts = splitLargestRemainder(total, weights, decimals);
          const scale = 10 ** decimals;
          expect(parts.reduce((a, p) => a + Math.round(p * scale), 0)).toBe(total * scale);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = sum > 0 ? (total * weights[i]!) / sum : total / weights.length;
            expect(Math.abs(p - exact)).toBeLessThan(1 / scale + 1e-9);
          });
        },
      ),
      { seed: 20, numRuns: 300 },
    );
  });

  it('splits 10 as 7 and 3 for shares of two thirds and one third; equal shares when there is no basis', () => {
    expect(splitLargestRemainder(10, [2, 1])).toEqual([7, 3]);
    expect(splitLargestRemainder(101, [0, 0])).toEqual([51, 50]);
    expect(splitLargestRemainder(1, [1, 1, 1], 2)).toEqual([0.34, 0.33, 0.33]);
  });
});

describe('targets (PUT /api/reporting/targets, split)', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  let u: Awaited<ReturnType<typeof reformTree>>;
  let indicatorId: string;

  const put = (session: Session, body: Record<string, unknown>) =>
    call(t().app, { method: 'PUT', url: '/api/reporting/targets', session, body });
  const split = (session: Session, id: string, body: Record<string, unknown>) =>
    call(t().app, { method: 'POST', url: `/api/reporting/targets/${id}/split`, session, body });

  beforeAll(async () => {
    const { db } = t();
    admin = await signInAdmin(t());
    u = await reformTree(db.db);
    indicatorId = await addIndicator(db.db, { code: 'HS_TT' });
    const form = await addForm(db.db, { code: 'THANG', indicators: [indicatorId] });
    for (const [unitId, num] of [
      [u.V1, 2],
      [u.V2, 1],
    ] as const)
      await addSubmission(db.db, { form, periodId: '202503', unitId, values: [{ indicatorId, num }] });
  });

  // Today (2/3/2026) the province P holds the commune C1 (villages C1-1, C1-2) and the ward W (village W-1).
  it('is set top-down: by those managing reporting over the unit’s parent, or administrators', async () => {
    const province = await sessionWithRole(t(), 'officer', u.P);
    const commune = await sessionWithRole(t(), 'officer', u.C1);
    const outside = await sessionWithRole(t(), 'officer', u.W);
    expect((await put(province, { indicatorId, unitId: u.P, periodId: '2026', value: 100 })).statusCode).toBe(403);
    const p = await put(admin, { indicatorId, unitId: u.P, periodId: '2026', value: 100 });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({
      indicatorCode: 'HS_TT',
      unit: { code: 'P' },
      periodId: '2026',
      value: 100,
      version: 1,
    });
    const c1 = await put(province, { indicatorId, unitId: u.C1, periodId: '2026', value: 10 });
    expect(c1.statusCode, c1.body).toBe(200);
    expect(
      (await put(commune, { indicatorId, unitId: u.C1, periodId: '2026', value: 11, version: 1 })).statusCode,
    ).toBe(403);
    expect((await put(outside, { indicatorId, unitId: u.V1, periodId: '2026', value: 1 })).statusCode).toBe(404);
    // a change names the version read
    expect((await put(province, { indicatorId, unitId: u.C1, periodId: '2026', value: 12 })).statusCode).toBe(409);
    const changed = await put(province, { indicatorId, unitId: u.C1, periodId: '2026', value: 10, version: 1 });
    expect(changed.json()).toMatchObject({ value: 10, version: 2 });
    const total = await call(t().app, {
      url: '/api/reporting/totals?indicator=HS_TT&unit=C1&period=2026',
      session: admin,
    });
    expect(total.json()).toMatchObject({ value: null, target: 10, percentOfTarget: null });
  });

  it('splits down the tree proportionally to last year, equally, or by hand with shares adding up', async () => {
    const commune = await sessionWithRole(t(), 'officer', u.C1);
    const list = async (unit: string) =>
      (
        await call(t().app, { url: `/api/reporting/targets?unit=${unit}&period=2026&indicator=HS_TT`, session: admin })
      ).json().items as { id: string; unit: { code: string }; value: number; splitFromId: string | null }[];
    const c1 = (await list('C1')).find((x) => x.unit.code === 'C1')!;
    // last year C1-1 reported 2 and C1-2 1: 10 → 6.67 and 3.33 → 7 and 3
    const byLastYear = await split(commune, c1.id, { method: 'proportional' });
    expect(byLastYear.statusCode, byLastYear.body).toBe(200);
    expect(
      byLastYear.json().items.map((x: { unit: { code: string }; value: number }) => [x.unit.code, x.value]),
    ).toEqual([
      ['C1-1', 7],
      ['C1-2', 3],
    ]);
    expect(byLastYear.json().items[0].splitFromId).toBe(c1.id);
    const equal = await split(commune, c1.id, { method: 'proportional', basis: 'equal' });
    expect(equal.json().items.map((x: { value: number }) => x.value)).toEqual([5, 5]);
    const wrong = await split(commune, c1.id, {
      method: 'manual',
      shares: [
        { unitId: u.V1, value: 4 },
        { unitId: u.V2, value: 5 },
      ],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('shares');
    const stranger = await split(commune, c1.id, { method: 'manual', shares: [{ unitId: u.V3, value: 10 }] });
    expect(stranger.json().error.field).toBe('shares.0.unitId');
    const manual = await split(commune, c1.id, {
      method: 'manual',
      shares: [
        { unitId: u.V1, value: 4 },
        { unitId: u.V2, value: 6 },
      ],
    });
    expect(manual.json().items.map((x: { value: number }) => x.value)).toEqual([4, 6]);
    expect((await list('C1')).map((x) => [x.unit.code, x.value])).toEqual([
      ['C1', 10],
      ['C1-1', 4],
      ['C1-2', 6],
    ]);
    // the province's target is split by those managing over the province; the commune does not read it
    const province = await sessionWithRole(t(), 'officer', u.P);
    const p = (await list('P')).find((x) => x.unit.code === 'P')!;
    expect((await split(commune, p.id, { method: 'proportional' })).statusCode).toBe(404);
    const top = await split(province, p.id, { method: 'proportional', basis: 'equal' });
    expect(top.json().items.map((x: { value: number }) => x.value)).toEqual([50, 50]);
  });
});
