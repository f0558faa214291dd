import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { workFixture, type WorkFixture } from '../../../test/work-fixture.ts';
import { formVersionOn } from './index.ts';

type Version = {
  id: string;
  validFrom: string | null;
  validTo: string | null;
  version: number;
  windowDay: number | null;
};
type Form = { id: string; version: number; versions: Version[] };

describe('report forms (mẫu báo cáo) with dated versions', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: WorkFixture;
  const ind: Record<string, string> = {};
  beforeAll(async () => {
    f = await workFixture(t());
    for (const [code, kind] of [
      ['VM_DK', 'entered'],
      ['VM_DAT', 'entered'],
      ['HS_TT', 'entered'],
    ] as const) {
      const r = await call(t().app, {
        method: 'POST',
        url: '/api/reporting/indicators',
        session: f.admin,
        body: { code, name: code, valueType: 'integer', treeAggregation: 'sum', timeAggregation: 'sum', kind },
      });
      ind[code] = r.json().id;
    }
    const pct = await call(t().app, {
      method: 'POST',
      url: '/api/reporting/indicators',
      session: f.admin,
      body: {
        code: 'VM_PCT',
        name: 'Tỷ lệ',
        valueType: 'percentage',
        treeAggregation: 'none',
        timeAggregation: 'none',
        kind: 'computed',
        formula: 'VM_DAT / VM_DK * 100',
      },
    });
    ind.VM_PCT = pct.json().id;
  }, 120_000);

  let n = 0;
  const version = (over: Record<string, unknown> = {}) => ({
    submitter: 'unit',
    unitKinds: ['ward', 'commune'],
    bodyKinds: [],
    windowDay: 15,
    dueDays: 3,
    lockDays: 10,
    sections: [
      { key: 'results', title: 'Kết quả' },
      { key: 'shortcomings', title: 'Tồn tại, hạn chế' },
    ],
    indicators: [
      { indicatorId: ind.VM_DK, required: true },
      { indicatorId: ind.VM_DAT, required: false },
    ],
    ...over,
  });
  const post = (body: Record<string, unknown>, session: Session = f.officer.session) =>
    call(t().app, { method: 'POST', url: '/api/reporting/forms', session, body });
  const create = async (periodType = 'month', over: Record<string, unknown> = {}) => {
    const r = await post({ code: `MAU-${++n}`, name: `Mẫu ${n}`, periodType, firstVersion: version(over) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<Form>();
  };
  const periods = async (id: string, query: string) => {
    const r = await call(t().app, { url: `/api/reporting/forms/${id}/periods?${query}`, session: f.village.session });
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json<{
      items: {
        id: string;
        label: string;
        start: string;
        end: string;
        due: string;
        locksOn: string | null;
        reopenings: unknown[];
      }[];
    }>().items;
    // No period of these forms was ever reopened (submissions.test.ts reopens one).
    return items.map(({ reopenings, ...p }) => {
      expect(reopenings).toEqual([]);
      return p;
    });
  };

  it('an officer sets up a monthly form; anyone reads it with its indicators in order and its current version', async () => {
    const form = await create();
    expect(form.versions).toHaveLength(1);
    expect(form.versions[0]).toMatchObject({
      validFrom: null,
      validTo: null,
      submitter: 'unit',
      unitKinds: ['ward', 'commune'],
      windowDay: 15,
      dueDays: 3,
      lockDays: 10,
      sections: [
        { key: 'results', title: 'Kết quả' },
        { key: 'shortcomings', title: 'Tồn tại, hạn chế' },
      ],
      indicators: [
        { code: 'VM_DK', required: true, position: 1 },
        { code: 'VM_DAT', required: false, position: 2 },
      ],
    });
    const list = await call(t().app, { url: '/api/reporting/forms', session: f.village.session });
    const mine = list.json().items.find((x: { id: string }) => x.id === form.id);
    expect(mine).toMatchObject({ periodType: 'month', current: { id: form.versions[0]!.id } });
  });

  it('lists a monthly form’s periods under the 15th-to-14th window, named in Vietnamese, with due and lock days', async () => {
    const form = await create();
    expect(await periods(form.id, 'date=2021-11-20&count=3')).toEqual([
      {
        id: '202112',
        label: 'Tháng 12/2021',
        start: '2021-11-15',
        end: '2021-12-14',
        due: '2021-12-17',
        locksOn: '2021-12-28',
      },
      {
        id: '202111',
        label: 'Tháng 11/2021',
        start: '2021-10-15',
        end: '2021-11-14',
        due: '2021-11-17',
        locksOn: '2021-11-28',
      },
      {
        id: '202110',
        label: 'Tháng 10/2021',
        start: '2021-09-15',
        end: '2021-10-14',
        due: '2021-10-17',
        locksOn: '2021-10-28',
      },
    ]);
    // On the 14th the December period has not begun.
    expect((await periods(form.id, 'date=2021-11-14&count=1'))[0]!.id).toBe('202111');
  });

  it('names quarters, halves, nine months and years as Vietnamese reports do', async () => {
    const labels = async (type: string, query: string, over: Record<string, unknown> = {}) =>
      (await periods((await create(type, over)).id, query)).map((p) => [p.id, p.label]);
    expect(await labels('quarter', 'date=2021-11-20&count=2')).toEqual([
      ['2021Q4', 'Quý IV/2021'],
      ['2021Q3', 'Quý III/2021'],
    ]);
    expect(await labels('half', 'date=2021-11-20&count=2', { windowDay: null })).toEqual([
      ['2021S2', '6 tháng cuối năm 2021'],
      ['2021S1', '6 tháng đầu năm 2021'],
    ]);
    expect(await labels('nine_months', 'date=2021-11-20&count=2')).toEqual([
      ['202101..202109', '9 tháng năm 2021'],
      ['202001..202009', '9 tháng năm 2020'],
    ]);
    expect(await labels('year', 'date=2021-12-20&count=2')).toEqual([
      ['2022', 'Năm 2022'],
      ['2021', 'Năm 2021'],
    ]);
    expect(await labels('ad_hoc', 'date=2021-12-20')).toEqual([]);
  });

  it('a new version from a date ends the previous one the day before; each period uses the version of its last day', async () => {
    const form = await create();
    const r = await call(t().app, {
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/versions`,
      session: f.officer.session,
      body: { validFrom: '2022-01-01', ...version({ windowDay: null, dueDays: 5, lockDays: null }) },
    });
    expect(r.statusCode, r.body).toBe(201);
    const [v2, v1] = r.json<Form>().versions;
    expect([v2!.validFrom, v2!.validTo, v1!.validFrom, v1!.validTo]).toEqual(['2022-01-01', null, null, '2022-01-01']);
    expect(await periods(form.id, 'date=2022-02-10&count=3')).toEqual([
      { id: '202202', label: 'Tháng 2/2022', start: '2022-02-01', end: '2022-02-28', due: '2022-03-05', locksOn: null },
      { id: '202201', label: 'Tháng 1/2022', start: '2022-01-01', end: '2022-01-31', due: '2022-02-05', locksOn: null },
      {
        id: '202112',
        label: 'Tháng 12/2021',
        start: '2021-11-15',
        end: '2021-12-14',
        due: '2021-12-17',
        locksOn: '2021-12-28',
      },
    ]);
    expect((await formVersionOn(t().db.db, form.id, '2021-12-31'))?.id).toBe(v1!.id);
    expect((await formVersionOn(t().db.db, form.id, '2022-01-01'))?.id).toBe(v2!.id);
    // Versions never overlap: one starting on or before the latest's start is refused.
    for (const validFrom of ['2022-01-01', '2021-06-01']) {
      const again = await call(t().app, {
        method: 'POST',
        url: `/api/reporting/forms/${form.id}/versions`,
        session: f.officer.session,
        body: { validFrom, ...version() },
      });
      expect([again.statusCode, again.json().error.field]).toEqual([400, 'validFrom']);
    }
  });

  it('corrects a version in place, refusing a stale one', async () => {
    const form = await create();
    const v = form.versions[0]!;
    const url = `/api/reporting/forms/${form.id}/versions/${v.id}`;
    const fixed = await call(t().app, {
      method: 'PATCH',
      url,
      session: f.officer.session,
      body: { version: v.version, dueDays: 7, indicators: [{ indicatorId: ind.HS_TT, required: true }] },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().versions[0]).toMatchObject({
      dueDays: 7,
      windowDay: 15,
      indicators: [{ code: 'HS_TT', position: 1 }],
      version: 2,
    });
    const stale = await call(t().app, {
      method: 'PATCH',
      url,
      session: f.officer.session,
      body: { version: 1, dueDays: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const renamed = await call(t().app, {
      method: 'PATCH',
      url: `/api/reporting/forms/${form.id}`,
      session: f.officer.session,
      body: { version: form.version, name: 'Báo cáo kết quả dân vận khéo' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Báo cáo kết quả dân vận khéo', version: 2 });
  });

  it('refuses a version naming an indicator twice, a computed one, an unknown kind or no submitters', async () => {
    const refused = async (over: Record<string, unknown>) =>
      (await post({ code: `SAI-${++n}`, name: 'Sai', periodType: 'month', firstVersion: version(over) })).json().error;
    expect(
      (
        await refused({
          indicators: [
            { indicatorId: ind.VM_DK, required: true },
            { indicatorId: ind.VM_DK, required: false },
          ],
        })
      ).field,
    ).toBe('firstVersion.indicators.1.indicatorId');
    expect((await refused({ indicators: [{ indicatorId: ind.VM_PCT, required: true }] })).field).toBe(
      'firstVersion.indicators.0.indicatorId',
    );
    const missing = await refused({
      indicators: [{ indicatorId: '00000000-0000-4000-8000-00000000beef', required: true }],
    });
    expect([missing.code, missing.field]).toEqual(['NOT_FOUND', 'firstVersion.indicators.0.indicatorId']);
    expect((await refused({ unitKinds: ['ward', 'galaxy'] })).field).toBe('firstVersion.unitKinds.1');
    expect((await refused({ unitKinds: [] })).field).toBe('firstVersion.unitKinds');
    expect((await refused({ submitter: 'body', bodyKinds: [] })).field).toBe('firstVersion.bodyKinds');
    expect(
      (
        await refused({
          sections: [
            { key: 'a', title: 'A' },
            { key: 'a', title: 'B' },
          ],
        })
      ).field,
    ).toBe('firstVersion.sections.1.key');
    const dup = await post({ code: 'MAU-1', name: 'Trùng', periodType: 'month', firstVersion: version() });
    expect([dup.statusCode, dup.json().error.field]).toEqual([409, 'code']);
  });

  it('only administrators and accounts managing reporting change forms', async () => {
    const r = await post(
      { code: `KHONG-${++n}`, name: 'Không', periodType: 'month', firstVersion: version() },
      f.village.session,
    );
    expect(r.statusCode).toBe(403);
    const form = await create();
    const add = await call(t().app, {
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/versions`,
      session: f.village.session,
      body: { validFrom: '2027-01-01', ...version() },
    });
    expect(add.statusCode).toBe(403);
  });
});
