import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, useTestApp } from '../../../test/app.ts';
import { signInAdmin } from '../../../test/factories.ts';
import { sourcesOf, sourcesOfMany } from '../units/index.ts';
import {
  addForm,
  addIndicator,
  addLink,
  addSubmission,
  addUnit,
  rebuildUnitTree,
  sessionWithRole,
} from './totals.testkit.ts';

const R = '2025-07-01';

type Pivot = {
  unit: { code: string | null; name: string };
  rows: { label: string; unitCode: string | null; periodId: string | null }[];
  cells: { value: number | null; partial: boolean; lastYear: number | null }[][];
};

/**
 * The whole country (GET /pivot without a unit): old province A (commune CA) split on 1/7/2025 between X (CX) and Y
 * (CY), both `partial`; old province B's commune CB became Q's CQ, a change only the communes' link carries; Z (CZ)
 * unchanged.
 */
describe('the whole country’s pivot (GET /api/reporting/pivot without unit)', () => {
  const t = useTestApp({ start: '2026-04-02T02:00:00Z' });
  let admin: Session;
  let ids: Record<'A' | 'X' | 'Y' | 'Z' | 'Q', string>;

  const pivot = async (query: string, session = admin) =>
    call(t().app, { url: `/api/reporting/pivot?indicators=HS&${query}`, session });
  const ok = async (query: string) => {
    const res = await pivot(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Pivot>();
  };

  beforeAll(async () => {
    const db = t().db.db;
    admin = await signInAdmin(t());
    const A = await addUnit(db, { code: 'A', name: 'Tỉnh A', kind: 'province', validTo: R });
    const X = await addUnit(db, { code: 'X', name: 'Tỉnh X', kind: 'province', validFrom: R });
    const Y = await addUnit(db, { code: 'Y', name: 'Tỉnh Y', kind: 'province', validFrom: R });
    const Z = await addUnit(db, { code: 'Z', name: 'Tỉnh Z', kind: 'province' });
    const B = await addUnit(db, { code: 'B', name: 'Tỉnh B', kind: 'province', validTo: R });
    const Q = await addUnit(db, { code: 'Q', name: 'Tỉnh Q', kind: 'province', validFrom: R });
    const CB = await addUnit(db, { code: 'CB', kind: 'commune', parentId: B, validTo: R });
    const CQ = await addUnit(db, { code: 'CQ', kind: 'commune', parentId: Q, validFrom: R });
    await addLink(db, CB, CQ, 'full', R);
    const CA = await addUnit(db, { code: 'CA', kind: 'commune', parentId: A, validTo: R });
    const CX = await addUnit(db, { code: 'CX', kind: 'commune', parentId: X, validFrom: R });
    const CY = await addUnit(db, { code: 'CY', kind: 'commune', parentId: Y, validFrom: R });
    const CZ = await addUnit(db, { code: 'CZ', kind: 'commune', parentId: Z });
    await addLink(db, A, X, 'partial', R);
    await addLink(db, A, Y, 'partial', R);
    await addLink(db, CA, CX, 'partial', R);
    await addLink(db, CA, CY, 'partial', R);
    await rebuildUnitTree(db);
    ids = { A, X, Y, Z, Q };
    const hs = await addIndicator(db, { code: 'HS' });
    const form = await addForm(db, { code: 'F', indicators: [hs] });
    const report = (unitId: string, periodId: string, num: number) =>
      addSubmission(db, { form, periodId, unitId, values: [{ indicatorId: hs, num }] });
    await report(CA, '202503', 100);
    await report(CZ, '202503', 7);
    await report(CB, '202503', 50);
    await report(CX, '202603', 10);
    await report(CY, '202603', 20);
    await report(CZ, '202603', 3);
  });

  it('rows are the provinces in force, the total is theirs, last year read across the reform', async () => {
    const p = await ok('period=202603&by=units');
    expect(p.unit).toEqual({ code: null, name: 'Cả nước' });
    expect(p.rows.map((r) => [r.label, r.unitCode])).toEqual([
      ['Tỉnh Q', 'Q'],
      ['Tỉnh X', 'X'],
      ['Tỉnh Y', 'Y'],
      ['Tỉnh Z', 'Z'],
      ['Cả nước', null],
    ]);
    expect(p.cells.map((row) => [row[0]!.value, row[0]!.lastYear])).toEqual([
      [null, 50],
      [10, 100],
      [20, 100],
      [3, 7],
      // the old province split between X and Y counts once in the country
      [33, 157],
    ]);
  });

  it('an old province split between two counts once in the country, and the country is not partial', async () => {
    const p = await ok('period=202503&by=units&asOf=2026-03-31');
    expect(p.cells.map((row) => [row[0]!.value, row[0]!.partial])).toEqual([
      [50, false],
      [100, true],
      [100, true],
      [7, false],
      [157, false],
    ]);
    // a view by the old units stays as it was: A and B are rows of their own day
    const old = await ok('period=202503&by=units');
    expect(old.rows.map((r) => r.unitCode)).toEqual(['A', 'B', 'Z', null]);
    expect(old.cells.map((row) => row[0]!.value)).toEqual([100, 50, 7, 157]);
  });

  it('by periods, the same month last year is read across the reform, for the country and for a new province', async () => {
    const country = await ok('period=2026Q1&by=periods');
    expect(country.cells.map((row) => [row[0]!.value, row[0]!.lastYear])).toEqual([
      [null, null],
      [null, null],
      [33, 157],
    ]);
    const x = await ok('unit=X&period=2026Q1&by=periods');
    expect(x.cells.map((row) => row[0]!.lastYear)).toEqual([null, null, 100]);
  });

  it('finds every province’s sources at once as it finds each one’s, its own links or its communes’', async () => {
    const db = t().db.db;
    const asked = Object.values(ids).map((id) => ({ id, day: '2026-03-31' }));
    const many = await sourcesOfMany(db, asked);
    for (const u of asked) expect(many.get(`${u.id}@${u.day}`) ?? []).toEqual(await sourcesOf(db, u.id, u.day));
    expect((many.get(`${ids.Q}@2026-03-31`) ?? []).map((c) => [c.code, c.type])).toEqual([['CB', 'full']]);
    expect((many.get(`${ids.X}@2026-03-31`) ?? []).map((c) => [c.code, c.type])).toEqual([['A', 'partial']]);
  });

  it('is read by whom reads every province; a province’s officer gets 404 for the country and its own province', async () => {
    const officer = await sessionWithRole(t(), 'viewer', ids.X);
    const res = await pivot('period=202603', officer);
    expect([res.statusCode, res.json().error.field]).toEqual([404, 'unit']);
    expect((await pivot('unit=X&period=202603', officer)).statusCode).toBe(200);
    const xlsx = await call(t().app, {
      url: '/api/reporting/pivot.xlsx?indicators=HS&period=202603',
      session: admin,
    });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
  });
});
