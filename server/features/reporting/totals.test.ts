import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, useTestApp } from '../../../test/app.ts';
import { signInAdmin } from '../../../test/factories.ts';
import { addForm, addIndicator, addSubmission, reformTree, sessionWithRole, setApproved } from './totals.testkit.ts';

describe('reporting totals (GET /api/reporting/totals, /pivot)', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  let u: Awaited<ReturnType<typeof reformTree>>;
  const ind = {} as Record<'sum' | 'avg' | 'max' | 'last' | 'none' | 'cov' | 'pct' | 'b', string>;
  let form: Awaited<ReturnType<typeof addForm>>;

  const total = async (query: string, session: Session = admin) => {
    const res = await call(t().app, { url: `/api/reporting/totals?${query}`, session });
    return res;
  };
  const value = async (query: string) => {
    const res = await total(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().value as number | null;
  };

  beforeAll(async () => {
    const { db } = t();
    const q = db.db;
    admin = await signInAdmin(t());
    u = await reformTree(q);
    ind.sum = await addIndicator(q, { code: 'HS_TT', tree: 'sum', time: 'sum' });
    ind.avg = await addIndicator(q, { code: 'TY_LE', tree: 'average', time: 'average', valueType: 'decimal' });
    ind.max = await addIndicator(q, { code: 'CAO_NHAT', tree: 'max', time: 'max' });
    ind.last = await addIndicator(q, { code: 'HOI_VIEN', tree: 'sum', time: 'last' });
    ind.none = await addIndicator(q, { code: 'RIENG', tree: 'none', time: 'none' });
    ind.b = await addIndicator(q, { code: 'HS_KH', tree: 'sum', time: 'sum' });
    ind.pct = await addIndicator(q, {
      code: 'PHAN_TRAM',
      kind: 'computed',
      formula: 'HS_TT / HS_KH * 100',
      valueType: 'decimal',
      inputs: [ind.sum, ind.b],
    });
    ind.cov = await addIndicator(q, {
      code: 'XA_DAT',
      kind: 'coverage',
      coverage: { sourceId: ind.sum, min: 5, level: 3 },
    });
    form = await addForm(q, { code: 'THANG', indicators: [ind.sum, ind.avg, ind.max, ind.last, ind.none, ind.b] });
    const report = (unitId: string, periodId: string, v: Partial<Record<keyof typeof ind, number>>, status?: 'draft') =>
      addSubmission(q, {
        form,
        periodId,
        unitId,
        status,
        values: Object.entries(v).map(([k, num]) => ({ indicatorId: ind[k as keyof typeof ind], num })),
      });
    // March 2021 (old tree): villages V1, V2 of C1; the communes C1, C2, C3 themselves
    await report(u.V1, '202103', { sum: 3, avg: 50, max: 3, last: 100, b: 2 });
    await report(u.V2, '202103', { sum: 4, avg: 70, max: 9, last: 200, b: 2 });
    await report(u.C1, '202103', { sum: 10, avg: 60, max: 4, last: 10, none: 1, b: 6 });
    await report(u.C2, '202103', { sum: 5, max: 2, last: 20, b: 5 });
    await report(u.C3, '202103', { sum: 7, max: 8, last: 30, b: 10 });
    // April 2021: C1 and V1 again; a draft of C2 counts nowhere
    await report(u.C1, '202104', { sum: 1, avg: 40, max: 12, last: 11, none: 2 });
    await report(u.V1, '202104', { sum: 2, last: 101 });
    await report(u.C2, '202104', { sum: 1000 }, 'draft');
    // after the reform: the new ward W and C1
    await report(u.W, '202508', { sum: 40 });
    await report(u.C1, '202508', { sum: 50 });
  });

  it('sums up the tree: a village reads its own values, a commune and its ancestors their subtree', async () => {
    expect(await value('indicator=HS_TT&unit=C1-1&period=202103')).toBe(3);
    expect(await value('indicator=HS_TT&unit=C1&period=202103')).toBe(17);
    expect(await value('indicator=HS_TT&unit=D1&period=202103')).toBe(22);
    expect(await value('indicator=HS_TT&unit=D2&period=202103')).toBe(7);
    expect(await value('indicator=HS_TT&unit=P&period=202103')).toBe(29);
  });

  it('adds periods over a range, and nothing approved is null', async () => {
    expect(await value('indicator=HS_TT&unit=P&period=202103..202104')).toBe(32);
    expect(await value('indicator=HS_TT&unit=P&period=2021Q1')).toBe(29);
    expect(await value('indicator=HS_TT&unit=C2&period=202104')).toBeNull();
    expect(await value('indicator=HS_TT&unit=P&period=2020')).toBeNull();
  });

  it('aggregates by each rule up the tree and over periods', async () => {
    // average: (50 + 70 + 60) / 3 in March; April 40; the mean of the months over the range
    expect(await value('indicator=TY_LE&unit=C1&period=202103')).toBe(60);
    expect(await value('indicator=TY_LE&unit=C1&period=202103..202104')).toBe(50);
    // max: the greatest value of the subtree, then of the months
    expect(await value('indicator=CAO_NHAT&unit=P&period=202103')).toBe(9);
    expect(await value('indicator=CAO_NHAT&unit=C1&period=2021')).toBe(12);
    // last ("tính đến"): the latest month that has a value
    expect(await value('indicator=HOI_VIEN&unit=C1&period=2021')).toBe(112);
    expect(await value('indicator=HOI_VIEN&unit=P&period=202101..202103')).toBe(360);
    // none: the unit's own value, only for a period equal to the range
    expect(await value('indicator=RIENG&unit=C1&period=202103')).toBe(1);
    expect(await value('indicator=RIENG&unit=C1&period=202103..202104')).toBeNull();
  });

  it('a reopened report leaves every total at once, and the max is read again', async () => {
    const { db } = t();
    const extra = await addSubmission(db.db, {
      form: await addForm(db.db, { code: 'THEM', indicators: [ind.max, ind.sum] }),
      periodId: '202105',
      unitId: u.V2,
      values: [
        { indicatorId: ind.max, num: 99 },
        { indicatorId: ind.sum, num: 1 },
      ],
    });
    await addSubmission(db.db, {
      form: await addForm(db.db, { code: 'THEM2', indicators: [ind.max] }),
      periodId: '202105',
      unitId: u.C2,
      values: [{ indicatorId: ind.max, num: 30 }],
    });
    expect(await value('indicator=CAO_NHAT&unit=P&period=202105')).toBe(99);
    await setApproved(db.db, extra, false);
    expect(await value('indicator=CAO_NHAT&unit=P&period=202105')).toBe(30);
    expect(await value('indicator=HS_TT&unit=P&period=202105')).toBeNull();
    await setApproved(db.db, extra, true);
    expect(await value('indicator=CAO_NHAT&unit=D1&period=202105')).toBe(99);
  });

  it('answers exactly the fixed contract, with the target, % of target and reports', async () => {
    const { db } = t();
    await db.db
      .insertInto('report_targets')
      .values([
        {
          indicator_id: ind.sum,
          node_kind: 'unit',
          node_id: u.P,
          period_id: '2021',
          first_month: 2021 * 12,
          last_month: 2021 * 12 + 11,
          value: '22',
        },
        {
          indicator_id: ind.sum,
          node_kind: 'unit',
          node_id: u.C2,
          period_id: '202103',
          first_month: 2021 * 12 + 2,
          last_month: 2021 * 12 + 2,
          value: '0',
        },
      ])
      .execute();
    const res = await total('indicator=HS_TT&unit=P&period=2021..202111');
    expect(res.json()).toEqual({
      indicator: 'HS_TT',
      unit: 'P',
      period: '2021..202111',
      value: 33,
      target: 22,
      percentOfTarget: 150,
      difference: 11,
      partial: false,
      approvedReports: 8,
      // two forms carrying it ask villages and communes monthly: 3 villages and 3 communes on 30/11/2021, 11 months
      expectedReports: 2 * 6 * 11,
    });
    const zero = (await total('indicator=HS_TT&unit=C2&period=202103')).json();
    expect(zero).toMatchObject({ value: 5, target: 0, percentOfTarget: null, difference: null });
  });

  it('computed indicators are evaluated on aggregated inputs; coverage counts the units reaching the minimum', async () => {
    // HS_TT / HS_KH * 100 over P in March: 29 / 25
    expect(await value('indicator=PHAN_TRAM&unit=P&period=202103')).toBe(116);
    const cov = (await total('indicator=XA_DAT&unit=P&period=202103')).json();
    // C1 17, C2 5, C3 7 all ≥ 5 → 3 of 3 communes; without a target the target is the units expected: "3/3"
    expect(cov).toMatchObject({ value: 3, target: 3, percentOfTarget: 100 });
    expect(await value('indicator=XA_DAT&unit=P&period=202104')).toBe(0);
  });

  it('across the reform a new unit sums its old units, partial ones flagged; old units stay as they were', async () => {
    const w = (await total('indicator=HS_TT&unit=W&period=202103&asOf=2026-01-01')).json();
    // W came from all of C2 (5) and part of C3 (7): summed, and flagged
    expect(w).toMatchObject({ value: 12, partial: true });
    const c2 = (await total('indicator=HS_TT&unit=C2&period=202103')).json();
    expect(c2).toMatchObject({ value: 5, partial: false });
    // a range crossing the reform: the old units before, the new one after
    expect((await total('indicator=HS_TT&unit=W&period=2021..2025&asOf=2026-01-01')).json()).toMatchObject({
      value: 12 + 40,
      partial: true,
    });
    // the province is the same unit on both sides
    expect(await value('indicator=HS_TT&unit=P&period=2025')).toBe(90);
    // the code W names nothing in 2021
    expect((await total('indicator=HS_TT&unit=W&period=202103')).statusCode).toBe(404);
  });

  it('reads only the caller’s scope: another unit answers as a missing one', async () => {
    const c1 = await sessionWithRole(t(), 'viewer', u.C1);
    expect((await total('indicator=HS_TT&unit=C1&period=202103', c1)).json().value).toBe(17);
    expect((await total('indicator=HS_TT&unit=C1-1&period=202103', c1)).statusCode).toBe(200);
    const other = await total('indicator=HS_TT&unit=C2&period=202103', c1);
    expect(other.statusCode).toBe(404);
    expect((await total('indicator=NO_SUCH&unit=C1&period=202103', c1)).statusCode).toBe(404);
    expect((await total('indicator=HS_TT&unit=C1&period=2021Q5', c1)).statusCode).toBe(400);
  });

  it('reads one organisation’s share with `category` (a body kind code), without a target; the whole by default', async () => {
    const { db } = t();
    const youth = await addIndicator(db.db, { code: 'HS_DOAN', tree: 'sum', time: 'sum' });
    const shares = await addForm(db.db, { code: 'DOAN', indicators: [youth] });
    const split = (unitId: string, whole: number, parts: [string, number][]) =>
      addSubmission(db.db, {
        form: shares,
        periodId: '202106',
        unitId,
        values: [
          { indicatorId: youth, num: whole },
          ...parts.map(([category, num]) => ({ indicatorId: youth, category, num })),
        ],
      });
    await split(u.V1, 150, [
      ['youth_union', 120],
      ['womens_union', 30],
    ]);
    await split(u.C2, 10, [['youth_union', 4]]);
    await db.db
      .insertInto('report_targets')
      .values({
        indicator_id: youth,
        node_kind: 'unit',
        node_id: u.P,
        period_id: '202106',
        first_month: 2021 * 12 + 5,
        last_month: 2021 * 12 + 5,
        value: '200',
      })
      .execute();
    const whole = (await total('indicator=HS_DOAN&unit=P&period=202106')).json();
    expect(whole).toMatchObject({ value: 160, target: 200, percentOfTarget: 80 });
    const share = await total('indicator=HS_DOAN&unit=P&period=202106&category=youth_union');
    expect(share.statusCode, share.body).toBe(200);
    expect(Object.keys(share.json()).sort()).toEqual(Object.keys(whole).sort());
    expect(share.json()).toMatchObject({
      value: 124,
      target: null,
      percentOfTarget: null,
      difference: null,
      approvedReports: 2,
    });
    // a village reads its own values; a share nobody reported is null
    expect(await value('indicator=HS_DOAN&unit=C1-1&period=202106&category=youth_union')).toBe(120);
    expect(await value('indicator=HS_DOAN&unit=C2&period=202106&category=womens_union')).toBeNull();
    for (const bad of ['no_such_kind', 'Youth!']) {
      const res = await total(`indicator=HS_DOAN&unit=P&period=202106&category=${bad}`);
      expect([res.statusCode, res.json().error.field]).toEqual([400, 'category']);
    }
  });

  it('the pivot gives indicators × the children with a total row, and × periods, with last year beside', async () => {
    const res = await call(t().app, {
      url: '/api/reporting/pivot?unit=P&period=202103&indicators=HS_TT,CAO_NHAT&by=units&asOf=2021-03-31',
      session: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.rows.map((r: { label: string }) => r.label)).toEqual(['Huyện D1', 'Huyện D2', 'Tỉnh P']);
    expect(p.rows[0].drill).toBe(true);
    expect(p.cells.map((row: { value: number }[]) => row.map((c) => c.value))).toEqual([
      [22, 9],
      [7, 8],
      [29, 9],
    ]);
    const byPeriods = (
      await call(t().app, {
        url: '/api/reporting/pivot?unit=C1&period=2022Q1..2022Q2&indicators=HS_TT&by=periods',
        session: admin,
      })
    ).json();
    expect(byPeriods.rows.map((r: { periodId: string }) => r.periodId)).toEqual([
      '202201',
      '202202',
      '202203',
      '202204',
      '202205',
      '202206',
    ]);
    expect(byPeriods.cells.map((row: { lastYear: number | null }[]) => row[0]!.lastYear)).toEqual([
      null,
      null,
      17,
      3,
      1,
      null,
    ]);
  });
});
