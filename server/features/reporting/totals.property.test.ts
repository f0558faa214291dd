import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../../test/app.ts';
import { signInAdmin } from '../../../test/factories.ts';
import { parsePeriod } from './periods.ts';
import {
  addForm,
  addIndicator,
  addSubmission,
  reformTree,
  setApproved,
  settle,
  totalsAndFresh,
  unsettle,
} from './totals.testkit.ts';

describe('totals kept at approval', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let built: ReturnType<typeof reformTree> | null = null;
  const tree = () => (built ??= reformTree(t().db.db));

  it('equal a fresh recomputation after random submit, approve and reopen sequences, months settling among them', async () => {
    const { db } = t();
    const u = await tree();
    const ind = {
      sum: await addIndicator(db.db, { code: 'P_SUM', tree: 'sum', time: 'sum' }),
      max: await addIndicator(db.db, { code: 'P_MAX', tree: 'max', time: 'max' }),
      avg: await addIndicator(db.db, { code: 'P_AVG', tree: 'average', time: 'average', valueType: 'decimal' }),
    };
    const units = [u.C1, u.C2, u.C3, u.V1, u.V2, u.V3, u.W];
    const periods = ['202103', '202104', '202506', '202507'];
    const op = fc.record({
      unit: fc.integer({ min: 0, max: units.length - 1 }),
      period: fc.integer({ min: 0, max: periods.length - 1 }),
      values: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
      steps: fc.array(fc.boolean(), { minLength: 0, maxLength: 3 }),
    });
    // the daily job settling the months before one of the periods (or all of them), between two approvals
    const settling = fc.option(fc.record({ round: fc.nat(2), at: fc.nat(5), before: fc.nat(periods.length) }));
    let n = 0;
    let filled = 0;
    let settled = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), settling, async (ops, settleAt) => {
        await unsettle(db.db);
        // each run reports on a form of its own: one report per form, period and unit
        const form = await addForm(db.db, { code: `P_FORM_${n++}`, indicators: Object.values(ind) });
        const seen = new Set<string>();
        const made: { id: string; steps: boolean[]; approved: boolean }[] = [];
        for (const o of ops) {
          if (seen.has(`${o.unit}/${o.period}`)) continue;
          seen.add(`${o.unit}/${o.period}`);
          const id = await addSubmission(db.db, {
            form,
            periodId: periods[o.period]!,
            unitId: units[o.unit]!,
            status: 'submitted',
            values: [
              { indicatorId: ind.sum, num: o.values[0] },
              { indicatorId: ind.max, num: o.values[1] },
              { indicatorId: ind.avg, num: o.values[2] },
            ],
          });
          made.push({ id, steps: o.steps, approved: false });
        }
        // approvals and reopenings in rounds, so that a report approved before the months settle is reopened after
        for (let round = 0; round < 3; round++)
          for (const [k, m] of made.entries()) {
            if (settleAt?.round === round && settleAt.at === k) {
              const month = parsePeriod(periods[settleAt.before] ?? '202508')!.firstMonth;
              if ((await settle(db.db, month)) > 0) settled++;
            }
            const step = m.steps[round];
            if (step === undefined || step === m.approved) continue;
            await setApproved(db.db, m.id, step);
            m.approved = step;
          }
        const { kept, fresh } = await totalsAndFresh(db.db);
        expect(kept).toEqual(fresh);
        if (kept.some((k) => k.count > 0)) filled++;
      }),
      { seed: 20, numRuns: 30 },
    );
    expect(filled).toBeGreaterThan(10);
    expect(settled).toBeGreaterThan(3);
  });

  it('read per rule up the tree and over periods as a model computed from the approved values says', async () => {
    const { db, app } = t();
    const admin = await signInAdmin(t());
    const u = await tree();
    // the tree before the reform: P > D1 > C1 > V1, V2; D1 > C2; P > D2 > C3 > V3
    const under: Record<string, string[]> = {
      P: ['P', 'D1', 'D2', 'C1', 'C2', 'C3', 'C1-1', 'C1-2', 'C3-1'],
      D1: ['D1', 'C1', 'C2', 'C1-1', 'C1-2'],
      C1: ['C1', 'C1-1', 'C1-2'],
      C3: ['C3', 'C3-1'],
      'C1-1': ['C1-1'],
    };
    const reporters = { C1: u.C1, C2: u.C2, C3: u.C3, 'C1-1': u.V1, 'C1-2': u.V2, 'C3-1': u.V3 } as Record<
      string,
      string
    >;
    const rules = [
      ['sum', 'sum'],
      ['average', 'average'],
      ['max', 'max'],
      ['sum', 'last'],
      ['max', 'sum'],
    ] as const;
    const months = ['202101', '202102', '202103', '202104'];
    const report = fc.record({
      unit: fc.constantFrom(...Object.keys(reporters)),
      month: fc.integer({ min: 0, max: 3 }),
      values: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: rules.length, maxLength: rules.length }),
      approved: fc.constantFrom(true, true, true, false),
      reopened: fc.constantFrom(false, false, false, true),
    });
    const ask = fc.record({
      unit: fc.constantFrom(...Object.keys(under)),
      from: fc.integer({ min: 0, max: 3 }),
      length: fc.integer({ min: 0, max: 3 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(report, { minLength: 4, maxLength: 14 }),
        fc.array(ask, { minLength: 1, maxLength: 4 }),
        async (reports, asks) => {
          run++;
          const inds = [];
          for (const [i, [tree, time]] of rules.entries())
            inds.push(await addIndicator(db.db, { code: `R${run}_${i}`, tree, time, valueType: 'decimal' }));
          const form = await addForm(db.db, { code: `F_${run}`, indicators: inds });
          const kept: { unit: string; month: number; values: number[] }[] = [];
          const seen = new Set<string>();
          for (const r of reports) {
            if (seen.has(`${r.unit}/${r.month}`)) continue;
            seen.add(`${r.unit}/${r.month}`);
            const id = await addSubmission(db.db, {
              form,
              periodId: months[r.month]!,
              unitId: reporters[r.unit]!,
              status: r.approved ? 'approved' : 'submitted',
              values: inds.map((indicatorId, i) => ({ indicatorId, num: r.values[i]! })),
            });
            if (r.approved && r.reopened) await setApproved(db.db, id, false);
            else if (r.approved) kept.push({ unit: r.unit, month: r.month, values: r.values });
          }
          for (const a of asks) {
            const last = Math.min(3, a.from + a.length);
            const period = a.from === last ? months[a.from]! : `${months[a.from]}..${months[last]}`;
            for (const [i, [tree, time]] of rules.entries()) {
              const slots: number[] = [];
              for (let m = a.from; m <= last; m++) {
                const xs = kept
                  .filter((k) => k.month === m && under[a.unit]!.includes(k.unit))
                  .map((k) => k.values[i]!);
                if (!xs.length) continue;
                slots.push(
                  tree === 'sum'
                    ? xs.reduce((x, y) => x + y)
                    : tree === 'max'
                      ? Math.max(...xs)
                      : xs.reduce((x, y) => x + y) / xs.length,
                );
              }
              const expected = !slots.length
                ? null
                : time === 'sum'
                  ? slots.reduce((x, y) => x + y)
                  : time === 'max'
                    ? Math.max(...slots)
                    : time === 'last'
                      ? slots.at(-1)!
                      : slots.reduce((x, y) => x + y) / slots.length;
              const res = await call(app, {
                url: `/api/reporting/totals?indicator=R${run}_${i}&unit=${a.unit}&period=${period}`,
                session: admin,
              });
              expect(res.statusCode, res.body).toBe(200);
              const got = res.json().value as number | null;
              if (expected === null) expect(got, `${tree}/${time} ${a.unit} ${period}`).toBeNull();
              else expect(got, `${tree}/${time} ${a.unit} ${period}`).toBeCloseTo(expected, 6);
            }
          }
        },
      ),
      { seed: 21, numRuns: 12 },
    );
  });
});
