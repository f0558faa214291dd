import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { parsePeriod } from './periods.ts';
import { settleTotals } from './totals.settle.service.ts';
import {
  addForm,
  addIndicator,
  addSubmission,
  addUnit,
  rebuildUnitTree,
  setApproved,
  settle,
  totalsAndFresh,
} from './totals.testkit.ts';

/** The stripes of the province's rows of a month. */
async function stripesOf(db: import('../../db/database.ts').Database, unitId: string, period: string) {
  const m = parsePeriod(period)!.firstMonth;
  return (
    await sql<{ stripe: number }>`
      select distinct stripe from report_totals where node_id = ${unitId}::uuid and first_month = ${m} order by 1`.execute(
      db,
    )
  ).rows.map((r) => r.stripe);
}

/**
 * Settled months: a province P with communes whose rows fall on several stripes. Reports of March and April 2026;
 * the months before April settle.
 */
describe('totals of settled months (one row above the communes)', () => {
  const t = useTestApp({ start: '2026-06-08T02:00:00Z' });
  const ids = { P: '', communes: [] as string[] };
  const reports = new Map<string, string>();
  let ind: { sum: string; max: string };

  beforeAll(async () => {
    const db = t().db.db;
    ids.P = await addUnit(db, { code: 'P', kind: 'province' });
    for (let i = 1; i <= 6; i++)
      ids.communes.push(await addUnit(db, { code: `C${i}`, kind: 'commune', parentId: ids.P }));
    await rebuildUnitTree(db);
    ind = {
      sum: await addIndicator(db, { code: 'S_SUM' }),
      max: await addIndicator(db, { code: 'S_MAX', tree: 'max', time: 'max' }),
    };
    const form = await addForm(db, { code: 'S_FORM', indicators: [ind.sum, ind.max] });
    for (const [i, c] of ids.communes.entries())
      for (const period of ['202603', '202604'])
        reports.set(
          `${i}/${period}`,
          await addSubmission(db, {
            form,
            periodId: period,
            unitId: c,
            values: [
              { indicatorId: ind.sum, num: i + 1 },
              { indicatorId: ind.max, num: 10 * (i + 1) },
            ],
          }),
        );
  });

  it('folds the stripes of the settled months into one row and keeps the others', async () => {
    const db = t().db.db;
    expect((await stripesOf(db, ids.P, '202603')).length).toBeGreaterThan(1);
    expect(await settle(db, parsePeriod('202604')!.firstMonth)).toBeGreaterThan(0);
    expect(await stripesOf(db, ids.P, '202603')).toEqual([0]);
    expect((await stripesOf(db, ids.P, '202604')).length).toBeGreaterThan(1);
    const { kept, fresh } = await totalsAndFresh(db);
    expect(kept).toEqual(fresh);
    // never back
    expect(await settle(db, parsePeriod('202602')!.firstMonth)).toBe(0);
  });

  it('a report of a settled month reopened, approved again or new adds into that one row, the max read again', async () => {
    const db = t().db.db;
    // the greatest of March (C6's 60) leaves, then comes back
    await setApproved(db, reports.get('5/202603')!, false);
    let { kept, fresh } = await totalsAndFresh(db);
    expect(kept).toEqual(fresh);
    const max = async () =>
      (
        await sql<{ max: string }>`
          select max(max)::text as max from report_totals
           where node_id = ${ids.P}::uuid and indicator_id = ${ind.max}::uuid and first_month = ${parsePeriod('202603')!.firstMonth}`.execute(
          db,
        )
      ).rows[0]!.max;
    expect(Number(await max())).toBe(50);
    await setApproved(db, reports.get('5/202603')!, true);
    expect(Number(await max())).toBe(60);
    expect(await stripesOf(db, ids.P, '202603')).toEqual([0]);
    ({ kept, fresh } = await totalsAndFresh(db));
    expect(kept).toEqual(fresh);
  });

  it('settles nothing while a write of the totals is under way (it does not queue ahead of the approvals)', async () => {
    const db = t().db.db;
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock_shared(hashtext('khoi.report_totals_settled'))`.execute(trx);
      expect(await settle(db, parsePeriod('202605')!.firstMonth)).toBe(0);
    });
    const { rows } = await sql<{ month: number }>`select month from report_totals_settled`.execute(db);
    expect(rows[0]!.month).toBe(parsePeriod('202604')!.firstMonth);
  });

  it('the daily job settles the months before the last two and this one', async () => {
    const db = t().db.db;
    // 8/6/2026: June, May and April stay open (April's late reports are still being approved), March and before settle
    await settleTotals(t().ctx, '2026-06-08');
    const { rows } = await sql<{ month: number }>`select month from report_totals_settled`.execute(db);
    expect(rows[0]!.month).toBe(parsePeriod('202604')!.firstMonth);
    expect((await stripesOf(db, ids.P, '202604')).length).toBeGreaterThan(1);
    await settleTotals(t().ctx, '2026-07-01');
    expect(await stripesOf(db, ids.P, '202604')).toEqual([0]);
    const { kept, fresh } = await totalsAndFresh(db);
    expect(kept).toEqual(fresh);
  });
});
