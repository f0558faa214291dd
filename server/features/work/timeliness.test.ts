import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { buildProgramme, workFixture, type WorkFixture } from '../../../test/work-fixture.ts';

type Item = { title: string; timeliness: string; waitingDays: number | null; daysLeft: number | null };

// The office's case: work reported done on 14/11 for a due date of 17/11, still not accepted on 07/12, waits for
// acceptance; it is not "quá hạn 20 ngày" in my work, in the lists or in the overview.
describe('a task waiting for acceptance', () => {
  const t = useTestApp({ start: '2026-12-07T02:00:00Z' });
  let f: WorkFixture;
  let programme: string;
  const ids: Record<string, string> = {};
  const api = (session: Session, url: string) => call(t().app, { url, session });

  beforeAll(async () => {
    f = await workFixture(t());
    programme = (await buildProgramme(t().app, f.leader.session, f.bodies.mc1)).id;
    const task = async (key: string, dueDate: string, set: Record<string, unknown>) => {
      const r = await call(t().app, {
        method: 'POST',
        url: '/api/tasks',
        session: f.leader.session,
        body: {
          programmeId: programme,
          kind: 'shared',
          leadBodyId: f.bodies.mc1,
          assign: true,
          title: key,
          dueDate,
          responsiblePersonId: f.officer.personId,
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().task.id as string;
      // The statuses straight in the table: the workflow has its own tests.
      await t().db.db.updateTable('tasks').set(set).where('id', '=', ids[key]).execute();
    };
    await task('reported in time', '2026-11-17', { status: 'reported_done', reported_done_on: '2026-11-14' });
    await task('reported late', '2026-11-10', { status: 'reported_done', reported_done_on: '2026-11-20' });
    await task('not reported', '2026-11-30', { status: 'in_progress', reported_progress: 60 });
    await task('no due date reported', '2026-12-31', { status: 'reported_done', reported_done_on: '2026-12-05' });
    await task('due soon', '2026-12-10', { status: 'in_progress' });
  }, 180_000);

  it('is its own state with how long it has waited; reported after the due date it is overdue while it waits', async () => {
    const items = (await api(f.leader.session, `/api/tasks?programmeId=${programme}&pageSize=100`)).json()
      .items as Item[];
    const of = (title: string) => items.find((i) => i.title === title)!;
    expect(of('reported in time')).toMatchObject({ timeliness: 'awaiting_acceptance', waitingDays: 23, daysLeft: -20 });
    expect(of('reported late')).toMatchObject({ timeliness: 'overdue', waitingDays: 17 });
    expect(of('not reported')).toMatchObject({ timeliness: 'overdue', waitingDays: null });
    expect(of('no due date reported')).toMatchObject({ timeliness: 'awaiting_acceptance', waitingDays: 2 });
    expect(of('due soon')).toMatchObject({ timeliness: 'due_soon', waitingDays: null });
  });

  it('filters by the same rule in SQL as the list computes it', async () => {
    const titles = async (timeliness: string) =>
      (
        (await api(f.leader.session, `/api/tasks?programmeId=${programme}&timeliness=${timeliness}`)).json()
          .items as Item[]
      )
        .map((i) => i.title)
        .sort();
    expect(await titles('awaiting_acceptance')).toEqual(['no due date reported', 'reported in time']);
    expect(await titles('overdue')).toEqual(['not reported', 'reported late']);
    expect(await titles('due_soon')).toEqual(['due soon']);
    expect(await titles('open')).toEqual([]);
  });

  it('has its own section in my work, after what is overdue and due soon', async () => {
    const mine = (await api(f.officer.session, '/api/my-work')).json();
    expect(mine.sections).toEqual({ overdue: 2, dueSoon: 1, awaiting: 2, rest: 0 });
    expect((mine.items as Item[]).map((i) => i.timeliness)).toEqual([
      'overdue',
      'overdue',
      'due_soon',
      'awaiting_acceptance',
      'awaiting_acceptance',
    ]);
  });

  it('counts apart in the overview, and as done on time once accepted', async () => {
    const overview = async () => (await api(f.leader.session, `/api/programmes/${programme}/overview`)).json();
    expect((await overview()).totals).toMatchObject({ total: 5, done: 0, awaiting: 2, overdue: 2, open: 1 });
    await t()
      .db.db.updateTable('tasks')
      .set({ status: 'accepted', accepted_on: '2026-12-07' })
      .where('id', '=', ids['reported in time']!)
      .execute();
    expect((await overview()).totals).toMatchObject({ total: 5, done: 1, onTime: 1, awaiting: 1, overdue: 2 });
  });
});
