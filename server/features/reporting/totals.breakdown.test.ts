import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, useTestApp } from '../../../test/app.ts';
import { signInAdmin } from '../../../test/factories.ts';
import { addForm, addIndicator, addSubmission, reformTree } from './totals.testkit.ts';

type Share = { value: number | null; share: number | null };
type Breakdown = {
  indicator: { code: string };
  whole: { total: number | null; cells: (number | null)[] };
  categories: { code: string; name: string; total: Share; cells: Share[] }[];
};

describe('reporting pivot by organisation (GET /api/reporting/pivot?breakdown=)', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;

  const pivot = (query: string) => call(t().app, { url: `/api/reporting/pivot?${query}`, session: admin });
  const breakdown = async (query: string): Promise<Breakdown> => {
    const res = await pivot(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().breakdown as Breakdown;
  };
  const byCode = (b: Breakdown) => Object.fromEntries(b.categories.map((c) => [c.code, c]));

  beforeAll(async () => {
    const q = t().db.db;
    admin = await signInAdmin(t());
    const u = await reformTree(q);
    const split = await addIndicator(q, { code: 'HS_CHIA' });
    await q.updateTable('indicators').set({ breakdown: 'organisation' }).where('id', '=', split).execute();
    const plain = await addIndicator(q, { code: 'HS_TT' });
    const form = await addForm(q, { code: 'THANG', indicators: [split, plain] });
    const report = (unitId: string, periodId: string, whole: number | null, parts: [string, number][]) =>
      addSubmission(q, {
        form,
        periodId,
        unitId,
        values: [
          ...(whole === null ? [] : [{ indicatorId: split, num: whole }]),
          ...parts.map(([category, num]) => ({ indicatorId: split, category, num })),
          { indicatorId: plain, num: 1 },
        ],
      });
    // March 2021 (old tree): C1 (in D1) told in full by three organisations, C2 (in D1) in part, C3 (in D2) nothing
    await report(u.C1, '202103', 100, [
      ['youth_union', 72],
      ['womens_union', 18],
      ['front', 10],
    ]);
    await report(u.C2, '202103', 50, [['youth_union', 20]]);
    await report(u.C3, '202103', 0, [['youth_union', 0]]);
    // April: C3 gave a part without the whole
    await report(u.C3, '202104', null, [['youth_union', 5]]);
  });

  it('gives each organisation’s figure and its share of the whole, per row and over the unit and range', async () => {
    const b = await breakdown('unit=P&period=202103&indicators=HS_TT&by=units&breakdown=HS_CHIA&asOf=2021-03-31');
    expect(b.indicator.code).toBe('HS_CHIA');
    // rows D1, D2 and the total P; organisations in the body kinds' order, with their Vietnamese names
    expect(b.whole).toEqual({ total: 150, cells: [150, 0, 150] });
    expect(b.categories.map((c) => c.code)).toEqual(['front', 'womens_union', 'youth_union']);
    expect(b.categories[2]).toMatchObject({ name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', short: 'ĐTN' });
    const c = byCode(b);
    expect(c.youth_union!.total).toEqual({ value: 92, share: 61.3 });
    expect(c.front!.total).toEqual({ value: 10, share: 6.7 });
    // D2 has a whole of 0: a share of nothing is no share; an organisation that reported nothing is null, not 0
    expect(c.youth_union!.cells[1]).toEqual({ value: 0, share: null });
    expect(c.womens_union!.cells[1]).toEqual({ value: null, share: null });
    expect(c.womens_union!.cells[0]).toEqual({ value: 18, share: 12 });
  });

  it('adds up to the whole where the organisations cover it', async () => {
    const b = await breakdown('unit=D1&period=202103&indicators=HS_TT&by=units&breakdown=HS_CHIA&asOf=2021-03-31');
    // rows C1, C2 and D1
    const sum = (i: number) => b.categories.reduce((s, c) => s + (c.cells[i]!.value ?? 0), 0);
    const shares = (i: number) => b.categories.reduce((s, c) => s + (c.cells[i]!.share ?? 0), 0);
    expect([sum(0), b.whole.cells[0]]).toEqual([100, 100]);
    expect(shares(0)).toBe(100);
    // C2 told only the Youth Union's part: the rest of its whole belongs to no organisation
    expect(byCode(b).youth_union!.cells[1]).toEqual({ value: 20, share: 40 });
    expect(shares(1)).toBe(40);
  });

  it('reads by periods, and a part without a whole has no share', async () => {
    const b = await breakdown(
      'unit=C3&period=202103..202104&indicators=HS_TT&by=periods&breakdown=HS_CHIA&asOf=2021-04-30',
    );
    expect(b.whole.cells).toEqual([0, null]);
    expect(byCode(b).youth_union!.cells).toEqual([
      { value: 0, share: null },
      { value: 5, share: null },
    ]);
    expect(byCode(b).youth_union!.total).toEqual({ value: 5, share: null });
  });

  it('is null without `breakdown`; refuses an indicator not split by organisation and an unknown one', async () => {
    const res = await pivot('unit=P&period=202103&indicators=HS_TT&asOf=2021-03-31');
    expect(res.json().breakdown).toBeNull();
    const plain = await pivot('unit=P&period=202103&indicators=HS_TT&breakdown=HS_TT&asOf=2021-03-31');
    expect([plain.statusCode, plain.json().error.field]).toEqual([400, 'breakdown']);
    expect(plain.json().error.message).toBeTruthy();
    const unknown = await pivot('unit=P&period=202103&indicators=HS_TT&breakdown=KHONG_CO&asOf=2021-03-31');
    expect([unknown.statusCode, unknown.json().error.field]).toEqual([404, 'breakdown']);
    const bad = await pivot('unit=P&period=202103&indicators=HS_TT&breakdown=hs!');
    expect(bad.statusCode).toBe(400);
  });
});
