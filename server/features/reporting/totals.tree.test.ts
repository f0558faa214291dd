import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, useTestApp } from '../../../test/app.ts';
import { signInAdmin } from '../../../test/factories.ts';
import { addForm, addIndicator, addSubmission, addUnit, rebuildUnitTree, totalsAndFresh } from './totals.testkit.ts';

describe('reporting totals follow a change of the unit tree', () => {
  const t = useTestApp({ start: '2026-03-20T02:00:00Z' });
  let admin: Session;
  const u = {} as Record<'P' | 'C1' | 'C2' | 'V1' | 'V2', string>;

  const value = async (unit: string, period: string) => {
    const res = await call(t().app, {
      url: `/api/reporting/totals?indicator=HS_TT&unit=${unit}&period=${period}`,
      session: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().value as number | null;
  };

  beforeAll(async () => {
    const q = t().db.db;
    admin = await signInAdmin(t());
    u.P = await addUnit(q, { code: 'TP', name: 'Tỉnh P', kind: 'province' });
    u.C1 = await addUnit(q, { code: 'TC1', name: 'Xã C1', kind: 'commune', parentId: u.P });
    u.C2 = await addUnit(q, { code: 'TC2', name: 'Xã C2', kind: 'commune', parentId: u.P });
    u.V1 = await addUnit(q, { code: 'TC1-1', name: 'Thôn Một', kind: 'village', parentId: u.C1 });
    u.V2 = await addUnit(q, { code: 'TC1-2', name: 'Thôn Hai', kind: 'village', parentId: u.C1 });
    await rebuildUnitTree(q);
    const ind = await addIndicator(q, { code: 'HS_TT', tree: 'sum', time: 'sum' });
    const form = await addForm(q, { code: 'THANG', indicators: [ind] });
    const report = (unitId: string, periodId: string, num: number) =>
      addSubmission(q, { form, periodId, unitId, values: [{ indicatorId: ind, num }] });
    await report(u.V1, '202601', 3);
    await report(u.V2, '202601', 4);
    await report(u.V1, '202603', 10);
    await report(u.V2, '202603', 20);
  });

  it('a village moved to another commune counts there from the move on, and where it was before it', async () => {
    expect([await value('TC1', '202603'), await value('TC2', '202603'), await value('TP', '202603')]).toEqual([
      30,
      null,
      30,
    ]);
    const moved = await call(t().app, {
      method: 'POST',
      url: `/api/villages/${u.V1}/move`,
      session: admin,
      body: { parentCode: 'TC2', date: '2026-02-01', version: 1 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // March's reports (period ending 14/3) are in the new epoch; January's stay with the old commune
    expect([await value('TC1', '202603'), await value('TC2', '202603'), await value('TP', '202603')]).toEqual([
      20, 10, 30,
    ]);
    expect([await value('TC1', '202601'), await value('TC2', '202601'), await value('TP', '202601')]).toEqual([
      7,
      null,
      7,
    ]);
    const { kept, fresh } = await totalsAndFresh(t().db.db);
    expect(kept).toEqual(fresh);
  });
});
