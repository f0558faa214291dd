import { describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { PASSWORD, signInAdmin } from '../../../test/factories.ts';
import * as data from './demo.reporting.data.ts';
import { monthlyFigures, newUnitFigures, newUnitMonths } from './demo.reporting.ts';
import { seedDemo } from './demo.seed.ts';

type Total = {
  value: number | null;
  target: number | null;
  percentOfTarget: number | null;
  difference: number | null;
  partial: boolean;
  approvedReports: number;
};
type Figures = ReturnType<typeof newUnitFigures>;

/** The whole of a figure, whether given as a number or split by organisation. */
const whole = (v: Figures[string] | undefined): number =>
  v === undefined ? 0 : typeof v === 'number' ? v : v.reduce((a, [, x]) => a + x, 0);

describe('demo reporting data', () => {
  const t = useTestApp({ start: '2026-11-22T02:00:00Z' });
  let admin: Session;
  const get = async <T>(url: string, session = admin): Promise<T> => {
    const r = await call(t().app, { url: `/api/reporting${url}`, session });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<T>();
  };
  const total = (indicator: string, unit: string, period: string, asOf?: string) =>
    get<Total>(`/totals?indicator=${indicator}&unit=${unit}&period=${period}${asOf ? `&asOf=${asOf}` : ''}`);

  it('tells the seeds’ figures at Móng Cái: 36.793 dossiers against 22.000, 44/41 gardens, 754/855 households, 17/17 blocs', async () => {
    await seedDemo(t().ctx, { accountId: null, label: 'test' }, { password: PASSWORD });
    admin = await signInAdmin(t());
    expect(await total('HS_TRUC_TUYEN', '194', '202101..202111')).toMatchObject({
      value: 36_793,
      target: 22_000,
      percentOfTarget: 167.2,
      difference: 14_793,
      partial: false,
    });
    expect(await total('HS_TRUC_TUYEN', '194', '201901..201911')).toMatchObject({ value: 18_080 });
    expect(await total('VUON_MAU', '194', '2021')).toMatchObject({ value: 44, target: 41 });
    expect(await total('HO_MAU', '194', '2021')).toMatchObject({ value: 754, target: 855 });
    expect((await total('TY_LE_HO_MAU', '194', '202101..202111')).value).toBeCloseTo((754 * 100) / 855, 4);
    expect(await total('CUOC_DON_VE_SINH', '194', '2019')).toMatchObject({ value: 465 });
    expect(await total('LUOT_THAM_GIA_VSMT', '194', '2019')).toMatchObject({ value: 29_500 });
    expect(await total('MO_HINH_DVK', '194', '2019')).toMatchObject({ value: 202 });
    expect(await total('MO_HINH_DVK_KHEN', '194', '2019')).toMatchObject({ value: 26 });
    expect(await total('TO_COVID', '194', '2021')).toMatchObject({ value: 202 });
    expect((await total('KINH_PHI_HO_TRO', '194', '2021')).value).toBeGreaterThan(3_300_000_000);
    // Coverage: every commune has its bloc, every village of the demo its team (n/n of the villages that exist).
    expect(await total('XA_CO_KHOI_DAN_VAN', '194', '2021')).toMatchObject({ value: 17, target: 17 });
    const villages = await total('THON_CO_TO_DAN_VAN', '194', '2021');
    expect(villages.value).toBeGreaterThan(0);
    expect(villages.value).toBe(villages.target);
  }, 240_000);

  it('splits the city’s 2021 plan to its communes, adding up exactly', async () => {
    const { items } = await get<{ items: { unit: { code: string }; value: number }[] }>(
      '/targets?unit=194&period=2021&indicator=HS_TRUC_TUYEN&asOf=2021-12-31',
    );
    const communes = items.filter((x) => x.unit.code !== data.CITY);
    expect(communes).toHaveLength(17);
    expect(communes.reduce((a, x) => a + x.value, 0)).toBe(data.PLAN_2021.dossiers);
    // In proportion to 2020: the biggest ward (Ka Long) is given more than a small commune (Vĩnh Thực).
    const of = (code: string) => communes.find((x) => x.unit.code === code)!.value;
    expect(of('06709')).toBeGreaterThan(of('06757'));
  });

  it('reads a new ward across the reform: its own months since 2025, and its old communes’ 2021 through full links', async () => {
    const mc1 = data.NEW_UNITS.find((u) => u.code === '06712')!;
    const approved = newUnitMonths('2026-11-22').slice(0, -1);
    expect(approved[0]).toEqual({ year: 2025, month: 7 });
    const last = approved.at(-1)!;
    const range = `202507..${last.year}${String(last.month).padStart(2, '0')}`;
    const own = await total('HS_TRUC_TUYEN', '06712', range);
    expect(own.value).toBe(approved.reduce((a, m) => a + whole(newUnitFigures(mc1, m.month).HS_TRUC_TUYEN), 0));
    expect(own.partial).toBe(false);
    // Phường Móng Cái 1 took Trần Phú, Trà Cổ, Hải Hoà, Hải Xuân and Bình Ngọc whole.
    const { communes } = monthlyFigures(2021);
    const old = ['06712', '06721', '06742', '06745', '06751'];
    const expected = old.reduce(
      (a, code) => a + communes.get(code)!.reduce((b, f) => b + whole(f.HS_TRUC_TUYEN), 0),
      0,
    );
    expect(await total('HS_TRUC_TUYEN', '06712', '202101..202111', '2026-11-22')).toMatchObject({
      value: expected,
      partial: false,
    });
  });

  it('shows every state of the latest period, a returned report’s reason and the Farmers’ Union’s disagreement', async () => {
    const forms = await get<{ items: { id: string; code: string }[] }>('/forms');
    const monthly = forms.items.find((f) => f.code === 'BC_THANG_DAN_VAN')!;
    const c = await get<{ items: { unit: { code: string | null }; status: string }[] }>(
      `/completeness?form=${monthly.id}&period=202611&unit=22`,
    );
    const status = Object.fromEntries(
      c.items.filter((x) => data.NEW_UNITS.some((u) => u.code === x.unit.code)).map((x) => [x.unit.code, x.status]),
    );
    expect(status).toEqual({
      '06712': 'draft',
      '06709': 'returned',
      '06736': 'on_time',
      '06724': 'on_time',
      '06733': 'late',
      '06757': 'missing',
    });
    const returned = await get<{ items: { returnReason: string | null }[] }>(
      `/submissions?status=returned&form=${monthly.id}&period=202611`,
    );
    expect(returned.items.map((s) => s.returnReason)).toEqual([data.RETURN_REASON]);
    // The ward's officer finds her draft among what she must report now.
    const canbo = await signIn(t().app, 'canbo', PASSWORD);
    const mine = await get<{ items: { period: { id: string }; submission: { status: string } | null }[] }>(
      '/my-reports',
      canbo,
    );
    expect(mine.items.find((x) => x.period.id === '202611')?.submission?.status).toBe('draft');
    // The Farmers' Union counts more model households than the ward: flagged to the reviewer with both values.
    const waiting = await get<{ items: { id: string; body: { name: string } | null; conflicts: number }[] }>(
      '/submissions?status=submitted',
    );
    const farmers = waiting.items.find((s) => s.body?.name === data.MC1_FARMERS)!;
    expect(farmers.conflicts).toBe(1);
    const detail = await get<{ conflicts: { value: number; other: { value: number } }[] }>(
      `/submissions/${farmers.id}`,
    );
    expect(detail.conflicts.map((x) => x.value - x.other.value)).toEqual([data.FARMERS_EXTRA]);
  });

  it('the leader narrowed to Móng Cái 1’s Front committee reviews its villages’ reports', async () => {
    const forms = await get<{ items: { id: string; code: string }[] }>('/forms');
    const yearly = forms.items.find((f) => f.code === 'BC_TONG_KET_NAM')!;
    const reporter = await signIn(t().app, 'baocao', PASSWORD);
    const [village] = (await get<{ items: { unit: { id: string } }[] }>('/my-reports', reporter)).items;
    const send = async <T>(session: Session, url: string, body: unknown) => {
      const r = await call(t().app, {
        method: url.endsWith('/values') ? 'PUT' : 'POST',
        url: `/api/reporting${url}`,
        session,
        body,
      });
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json<T & { id: string; version: number; status: string }>();
    };
    let d = await send(reporter, '/submissions', { formId: yearly.id, periodId: '2026', unitId: village!.unit.id });
    const [toDanVan] = (await get<{ items: { id: string; code: string }[] }>('/indicators')).items.filter(
      (i) => i.code === 'TO_DAN_VAN',
    );
    d = await send(reporter, `/submissions/${d.id}/values`, {
      version: d.version,
      values: [{ indicatorId: toDanVan!.id, value: 1 }],
    });
    d = await send(reporter, `/submissions/${d.id}/submit`, { version: d.version });
    const mongcai = await signIn(t().app, 'mongcai', PASSWORD);
    expect((await get<{ can: { approve: boolean } }>(`/submissions/${d.id}`, mongcai)).can.approve).toBe(true);
    expect((await send(mongcai, `/submissions/${d.id}/approve`, { version: d.version })).status).toBe('approved');
  });

  it('adds nothing when seeded again', async () => {
    const again = await seedDemo(t().ctx, { accountId: null, label: 'test' }, { password: PASSWORD });
    expect(again.reportsAdded).toBe(0);
  });
});
