import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, useTestApp } from '../../../test/app.ts';
import { signInAdmin } from '../../../test/factories.ts';
import type { Database } from '../../db/database.ts';
import { addForm, addIndicator, addSubmission, reformTree } from './totals.testkit.ts';

const R = '2025-07-01';

async function addBody(
  db: Database,
  b: { unitId: string; kind: string; name: string; validFrom?: string; validTo?: string },
): Promise<string> {
  return (
    await db
      .insertInto('bodies')
      .values({
        unit_id: b.unitId,
        kind: b.kind,
        name: b.name,
        valid_from: b.validFrom ?? null,
        valid_to: b.validTo ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const link = (db: Database, from: string, to: string, date = R) =>
  db.insertInto('body_links').values({ from_body_id: from, to_body_id: to, link_date: date }).execute();

describe('a body’s totals across the reform of 1/7/2025 (GET /api/reporting/totals?body=)', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  const b = {} as Record<
    'womenC2' | 'womenW' | 'farmersC2' | 'farmersC3' | 'farmersW' | 'youthOld' | 'youthC3' | 'youthW' | 'youthC1',
    string
  >;

  const total = async (query: string) => {
    const res = await call(t().app, { url: `/api/reporting/totals?indicator=HS_DV&${query}`, session: admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ value: number | null; partial: boolean; approvedReports: number }>();
  };

  beforeAll(async () => {
    const q = t().db.db;
    admin = await signInAdmin(t());
    const u = await reformTree(q);
    // Women's Union: C2's goes on whole as W's (one successor).
    b.womenC2 = await addBody(q, { unitId: u.C2, kind: 'womens_union', name: 'Hội LHPN xã C2', validTo: R });
    b.womenW = await addBody(q, { unitId: u.W, kind: 'womens_union', name: 'Hội LHPN phường W', validFrom: R });
    await link(q, b.womenC2, b.womenW);
    // Farmers' Union: C2's and C3's merge into W's.
    b.farmersC2 = await addBody(q, { unitId: u.C2, kind: 'farmers_union', name: 'Hội ND xã C2', validTo: R });
    b.farmersC3 = await addBody(q, { unitId: u.C3, kind: 'farmers_union', name: 'Hội ND xã C3', validTo: R });
    b.farmersW = await addBody(q, { unitId: u.W, kind: 'farmers_union', name: 'Hội ND phường W', validFrom: R });
    await link(q, b.farmersC2, b.farmersW);
    await link(q, b.farmersC3, b.farmersW);
    // Youth Union: C3's (itself formed in 2020 from an older one) splits between W's and C1's new one.
    b.youthOld = await addBody(q, {
      unitId: u.C3,
      kind: 'youth_union',
      name: 'Đoàn xã C3 (cũ)',
      validTo: '2020-01-01',
    });
    b.youthC3 = await addBody(q, {
      unitId: u.C3,
      kind: 'youth_union',
      name: 'Đoàn xã C3',
      validFrom: '2020-01-01',
      validTo: R,
    });
    b.youthW = await addBody(q, { unitId: u.W, kind: 'youth_union', name: 'Đoàn phường W', validFrom: R });
    b.youthC1 = await addBody(q, { unitId: u.C1, kind: 'youth_union', name: 'Đoàn xã C1', validFrom: R });
    await link(q, b.youthOld, b.youthC3, '2020-01-01');
    await link(q, b.youthC3, b.youthW);
    await link(q, b.youthC3, b.youthC1);

    const ind = await addIndicator(q, { code: 'HS_DV', tree: 'sum', time: 'sum' });
    const form = await addForm(q, {
      code: 'DOAN_THE',
      indicators: [ind],
      submitter: 'body',
      unitKinds: [],
      bodyKinds: ['womens_union', 'farmers_union', 'youth_union'],
    });
    const report = (unitId: string, bodyId: string, periodId: string, num: number) =>
      addSubmission(q, { form, periodId, unitId, bodyId, values: [{ indicatorId: ind, num }] });
    await report(u.C2, b.womenC2, '202103', 3);
    await report(u.C2, b.farmersC2, '202103', 5);
    await report(u.C3, b.farmersC3, '202103', 7);
    await report(u.C3, b.youthOld, '201905', 2);
    await report(u.C3, b.youthC3, '202103', 11);
    // after the reform, the new bodies report themselves
    await report(u.W, b.womenW, '202508', 20);
    await report(u.W, b.farmersW, '202508', 40);
    await report(u.W, b.youthW, '202508', 30);
  });

  it('an old body with one successor is read whole through it, not flagged', async () => {
    expect(await total(`unit=W&body=${b.womenW}&period=202103&asOf=2026-01-01`)).toMatchObject({
      value: 3,
      partial: false,
      approvedReports: 1,
    });
  });

  it('two old bodies merged into one are summed, neither flagged', async () => {
    expect(await total(`unit=W&body=${b.farmersW}&period=202103&asOf=2026-01-01`)).toMatchObject({
      value: 5 + 7,
      partial: false,
      approvedReports: 2,
    });
  });

  it('an old body split between two successors is read in each, flagged partial; further back it stays partial', async () => {
    expect(await total(`unit=W&body=${b.youthW}&period=202103&asOf=2026-01-01`)).toMatchObject({
      value: 11,
      partial: true,
    });
    expect(await total(`unit=C1&body=${b.youthC1}&period=202103&asOf=2026-01-01`)).toMatchObject({
      value: 11,
      partial: true,
    });
    // the older body came whole into C3's, which was split: the chain carries the flag
    expect(await total(`unit=W&body=${b.youthW}&period=2019&asOf=2026-01-01`)).toMatchObject({
      value: 2,
      partial: true,
    });
  });

  it('the old bodies’ own views stay as they were', async () => {
    expect(await total(`unit=C2&body=${b.farmersC2}&period=202103`)).toMatchObject({ value: 5, partial: false });
    expect(await total(`unit=C3&body=${b.youthC3}&period=202103`)).toMatchObject({ value: 11, partial: false });
    // never mapped forward: the old body reads nothing of its successors' reports
    expect(await total(`unit=C2&body=${b.farmersC2}&period=2021..2025&asOf=2025-06-30`)).toMatchObject({
      value: 5,
      partial: false,
    });
  });

  it('a range straddling the reform adds the old bodies before it and the new one after', async () => {
    expect(await total(`unit=W&body=${b.farmersW}&period=2021..2025&asOf=2026-01-01`)).toMatchObject({
      value: 5 + 7 + 40,
      partial: false,
      approvedReports: 3,
    });
    expect(await total(`unit=W&body=${b.youthW}&period=2021..2025&asOf=2026-01-01`)).toMatchObject({
      value: 11 + 30,
      partial: true,
    });
    // a range starting after the reform reads the new body alone
    expect(await total(`unit=W&body=${b.farmersW}&period=202508&asOf=2026-01-01`)).toMatchObject({
      value: 40,
      partial: false,
    });
  });

  it('links that run in a circle end after one round', async () => {
    const q = t().db.db;
    const u = await q.selectFrom('unit_versions').select('unit_id').where('code', '=', 'W').executeTakeFirstOrThrow();
    const x = await addBody(q, { unitId: u.unit_id, kind: 'veterans', name: 'Hội CCB X', validFrom: R });
    const y = await addBody(q, { unitId: u.unit_id, kind: 'veterans', name: 'Hội CCB Y', validFrom: R });
    await link(q, x, y);
    await link(q, y, x);
    const form = await q
      .selectFrom('report_forms')
      .select('id')
      .where('code', '=', 'DOAN_THE')
      .executeTakeFirstOrThrow();
    const version = await q
      .selectFrom('report_form_versions')
      .select('id')
      .where('form_id', '=', form.id)
      .executeTakeFirstOrThrow();
    const ind = await q.selectFrom('indicators').select('id').where('code', '=', 'HS_DV').executeTakeFirstOrThrow();
    await addSubmission(q, {
      form: { formId: form.id, versionId: version.id },
      periodId: '202103',
      unitId: u.unit_id,
      bodyId: y,
      values: [{ indicatorId: ind.id, num: 4 }],
    });
    // y's figure is read once, and the way back to x ends there
    expect(await total(`unit=W&body=${x}&period=202103&asOf=2026-01-01`)).toMatchObject({ value: 4, partial: false });
  });
});
