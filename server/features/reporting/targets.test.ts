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

describe('targets of bodies (tổ chức): set over the parent on the line, listed with the child bodies, split down it', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  let u: Awaited<ReturnType<typeof reformTree>>;
  let indicatorId: string;
  const b = { P: '', C1: '', W: '', youthP: '' };

  const put = (session: Session, body: Record<string, unknown>) =>
    call(t().app, { method: 'PUT', url: '/api/reporting/targets', session, body });
  const split = (session: Session, id: string, body: Record<string, unknown>) =>
    call(t().app, { method: 'POST', url: `/api/reporting/targets/${id}/split`, session, body });
  type Item = { id: string; unit: { code: string }; body: { id: string; name: string } | null; value: number };
  const list = async (unit: string, body: string, session = admin) =>
    call(t().app, {
      url: `/api/reporting/targets?unit=${unit}&body=${body}&period=2026&indicator=HS_TT`,
      session,
    });
  const values = (items: Item[]) => items.map((x) => [x.body?.name, x.unit.code, x.value]);

  beforeAll(async () => {
    const { db } = t();
    admin = await signInAdmin(t());
    u = await reformTree(db.db);
    const body = async (unitId: string, kind: string, name: string, parentId: string | null = null) =>
      (
        await db.db
          .insertInto('bodies')
          .values({ unit_id: unitId, kind, name, parent_id: parentId })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    b.P = await body(u.P, 'womens_union', 'Hội LHPN tỉnh P');
    b.C1 = await body(u.C1, 'womens_union', 'Hội LHPN xã C1', b.P);
    b.W = await body(u.W, 'womens_union', 'Hội LHPN phường W', b.P);
    b.youthP = await body(u.P, 'youth_union', 'Tỉnh đoàn P');
    indicatorId = await addIndicator(db.db, { code: 'HS_TT' });
    const form = await addForm(db.db, { code: 'HOI', indicators: [indicatorId], submitter: 'body' });
    // last year the commune's Women's Union reported 3, the ward's 1
    await addSubmission(db.db, {
      form,
      periodId: '202509',
      unitId: u.C1,
      bodyId: b.C1,
      values: [{ indicatorId, num: 3 }],
    });
    await addSubmission(db.db, {
      form,
      periodId: '202509',
      unitId: u.W,
      bodyId: b.W,
      values: [{ indicatorId, num: 1 }],
    });
  });

  it('is set by those managing reporting over the parent body’s unit (a body without a parent: administrators)', async () => {
    const provinceWomen = await sessionWithRole(t(), 'officer', u.P, b.P);
    const provinceYouth = await sessionWithRole(t(), 'officer', u.P, b.youthP);
    const commune = await sessionWithRole(t(), 'officer', u.C1);
    const ward = await sessionWithRole(t(), 'officer', u.W);
    expect((await put(provinceWomen, { indicatorId, bodyId: b.P, periodId: '2026', value: 100 })).statusCode).toBe(403);
    const top = await put(admin, { indicatorId, bodyId: b.P, periodId: '2026', value: 100 });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json()).toMatchObject({
      unit: { code: 'P' },
      body: { id: b.P, name: 'Hội LHPN tỉnh P' },
      value: 100,
      version: 1,
    });
    const c1 = await put(provinceWomen, { indicatorId, bodyId: b.C1, periodId: '2026', value: 40 });
    expect(c1.statusCode, c1.body).toBe(200);
    expect(c1.json()).toMatchObject({ unit: { code: 'C1' }, body: { id: b.C1 }, value: 40 });
    // the commune manages over its own unit, not over the body's parent on the line
    expect(
      (await put(commune, { indicatorId, bodyId: b.C1, periodId: '2026', value: 41, version: 1 })).statusCode,
    ).toBe(403);
    // another ward, or another organisation's line, does not read the commune's Women's Union: refused as missing
    for (const stranger of [ward, provinceYouth]) {
      const res = await put(stranger, { indicatorId, bodyId: b.C1, periodId: '2026', value: 1 });
      expect([res.statusCode, res.json().error.field]).toEqual([404, 'bodyId']);
    }
    // a change names the version read
    expect((await put(provinceWomen, { indicatorId, bodyId: b.C1, periodId: '2026', value: 42 })).statusCode).toBe(409);
    const stale = await put(provinceWomen, { indicatorId, bodyId: b.C1, periodId: '2026', value: 42, version: 2 });
    expect(stale.statusCode).toBe(409);
    const changed = await put(provinceWomen, { indicatorId, bodyId: b.C1, periodId: '2026', value: 40, version: 1 });
    expect(changed.json()).toMatchObject({ value: 40, version: 2 });
    // a unit or a body: exactly one
    for (const named of [{ unitId: u.C1, bodyId: b.C1 }, {}]) {
      const res = await put(admin, { indicatorId, ...named, periodId: '2026', value: 1 });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unitId' });
    }
    // the unit's own target is another one
    const unitTarget = await put(admin, { indicatorId, unitId: u.C1, periodId: '2026', value: 7 });
    expect(unitTarget.json()).toMatchObject({ body: null, value: 7, version: 1 });
  });

  it('is listed with the targets of the child bodies; the unit names the body’s unit', async () => {
    const res = await list('P', b.P);
    expect(res.statusCode, res.body).toBe(200);
    expect(values(res.json().items)).toEqual([
      ['Hội LHPN tỉnh P', 'P', 100],
      ['Hội LHPN xã C1', 'C1', 40],
    ]);
    expect(values((await list('C1', b.C1)).json().items)).toEqual([['Hội LHPN xã C1', 'C1', 40]]);
    // the body sits on another unit, or the caller does not read its line
    expect((await list('C1', b.P)).statusCode).toBe(404);
    const provinceYouth = await sessionWithRole(t(), 'officer', u.P, b.youthP);
    expect((await list('P', b.P, provinceYouth)).statusCode).toBe(404);
    const provinceWomen = await sessionWithRole(t(), 'officer', u.P, b.P);
    expect((await list('P', b.P, provinceWomen)).statusCode).toBe(200);
  });

  it('splits among the child bodies proportionally to last year, equally, or by hand with shares adding up', async () => {
    const provinceWomen = await sessionWithRole(t(), 'officer', u.P, b.P);
    const reporter = await sessionWithRole(t(), 'reporter', u.P);
    const commune = await sessionWithRole(t(), 'officer', u.C1);
    const top = ((await list('P', b.P)).json().items as Item[]).find((x) => x.body?.id === b.P)!;
    expect((await split(commune, top.id, { method: 'proportional' })).statusCode).toBe(404);
    expect((await split(reporter, top.id, { method: 'proportional' })).statusCode).toBe(403);
    // last year C1's union reported 3 and W's 1: 100 → 75 and 25
    const byLastYear = await split(provinceWomen, top.id, { method: 'proportional' });
    expect(byLastYear.statusCode, byLastYear.body).toBe(200);
    expect(values(byLastYear.json().items)).toEqual([
      ['Hội LHPN xã C1', 'C1', 75],
      ['Hội LHPN phường W', 'W', 25],
    ]);
    expect(byLastYear.json().items[0].splitFromId).toBe(top.id);
    const equal = await split(provinceWomen, top.id, { method: 'proportional', basis: 'equal' });
    expect(equal.json().items.map((x: Item) => x.value)).toEqual([50, 50]);
    const manual = (shares: Record<string, unknown>[]) => split(provinceWomen, top.id, { method: 'manual', shares });
    const wrong = await manual([
      { bodyId: b.C1, value: 60 },
      { bodyId: b.W, value: 30 },
    ]);
    expect([wrong.statusCode, wrong.json().error.field]).toEqual([400, 'shares']);
    const notBelow = await manual([{ bodyId: b.youthP, value: 100 }]);
    expect([notBelow.statusCode, notBelow.json().error.field]).toEqual([404, 'shares.0.bodyId']);
    const aUnit = await manual([{ unitId: u.C1, value: 100 }]);
    expect([aUnit.statusCode, aUnit.json().error.field]).toEqual([404, 'shares.0.unitId']);
    const twice = await manual([
      { bodyId: b.C1, value: 50 },
      { bodyId: b.C1, value: 50 },
    ]);
    expect([twice.statusCode, twice.json().error.field]).toEqual([400, 'shares.1.bodyId']);
    const ok = await manual([
      { bodyId: b.C1, value: 60 },
      { bodyId: b.W, value: 40 },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(values((await list('P', b.P)).json().items)).toEqual([
      ['Hội LHPN tỉnh P', 'P', 100],
      ['Hội LHPN xã C1', 'C1', 60],
      ['Hội LHPN phường W', 'W', 40],
    ]);
    // a body with none below it has nothing to split among
    const c1 = ((await list('C1', b.C1)).json().items as Item[])[0]!;
    const none = await split(admin, c1.id, { method: 'proportional' });
    expect([none.statusCode, none.json().error.field]).toEqual([400, 'method']);
  });

  it('gives the totals of a body their percent of its target', async () => {
    const set = await put(admin, { indicatorId, bodyId: b.C1, periodId: '2025', value: 6 });
    expect(set.statusCode, set.body).toBe(200);
    const total = await call(t().app, {
      url: `/api/reporting/totals?indicator=HS_TT&unit=C1&period=2025&body=${b.C1}`,
      session: admin,
    });
    expect(total.statusCode, total.body).toBe(200);
    expect(total.json()).toMatchObject({ value: 3, target: 6, percentOfTarget: 50 });
    // the unit's own figure has no target of the body's
    const unit = await call(t().app, {
      url: '/api/reporting/totals?indicator=HS_TT&unit=C1&period=2025',
      session: admin,
    });
    expect(unit.json()).toMatchObject({ target: null });
  });
});
