import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, useTestApp } from '../../../test/app.ts';
import { signInAdmin } from '../../../test/factories.ts';
import { addForm, addIndicator, addSubmission, reformTree, sessionWithRole } from './totals.testkit.ts';

describe('completeness (GET /api/reporting/completeness, POST …/remind)', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  let u: Awaited<ReturnType<typeof reformTree>>;
  let form: Awaited<ReturnType<typeof addForm>>;

  beforeAll(async () => {
    const { db } = t();
    admin = await signInAdmin(t());
    u = await reformTree(db.db);
    const indicatorId = await addIndicator(db.db, { code: 'HS_TT' });
    // villages report monthly, due 5 days after the month
    form = await addForm(db.db, { code: 'THON', indicators: [indicatorId], unitKinds: ['village'], dueDays: 5 });
    await addSubmission(db.db, {
      form,
      periodId: '202103',
      unitId: u.V1,
      status: 'submitted',
      submittedAt: '2021-04-05T10:00:00+07:00',
      values: [{ indicatorId, num: 1 }],
    });
    await addSubmission(db.db, {
      form,
      periodId: '202103',
      unitId: u.V2,
      submittedAt: '2021-04-06T08:00:00+07:00',
      values: [{ indicatorId, num: 2 }],
    });
  });

  it('lists who submitted on time, late or not at all', async () => {
    const res = await call(t().app, {
      url: `/api/reporting/completeness?form=${form.formId}&period=202103&unit=P`,
      session: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ expected: 3, onTime: 1, late: 1, missing: 1, due: '2021-04-05' });
    expect(c.items.map((i: { unit: { code: string }; status: string }) => [i.unit.code, i.status])).toEqual([
      ['C1-1', 'on_time'],
      ['C1-2', 'late'],
      ['C3-1', 'missing'],
    ]);
    const d2 = await call(t().app, {
      url: `/api/reporting/completeness?form=${form.formId}&period=202103&unit=D2`,
      session: admin,
    });
    expect(d2.json()).toMatchObject({ expected: 1, missing: 1 });
    const wrongPeriod = await call(t().app, {
      url: `/api/reporting/completeness?form=${form.formId}&period=2021Q1&unit=P`,
      session: admin,
    });
    expect(wrongPeriod.json().error.field).toBe('period');
  });

  it('reminds those who report for the missing ones, once a day, through the notifications', async () => {
    const { db } = t();
    const reporter = await sessionWithRole(t(), 'reporter', u.V3);
    const body = { formId: form.formId, periodId: '202103', unitId: u.P };
    const viewer = await sessionWithRole(t(), 'viewer', u.P);
    expect(
      (await call(t().app, { method: 'POST', url: '/api/reporting/completeness/remind', session: viewer, body }))
        .statusCode,
    ).toBe(403);
    const first = await call(t().app, {
      method: 'POST',
      url: '/api/reporting/completeness/remind',
      session: admin,
      body,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ notified: 1 });
    const note = await db.db
      .selectFrom('notifications')
      .select(['kind', 'title', 'body'])
      .where('account_id', '=', reporter.accountId)
      .executeTakeFirstOrThrow();
    expect(note).toEqual({
      kind: 'report_missing',
      title: 'Nhắc nộp báo cáo: Mẫu THON – Tháng 3/2021',
      body: 'Hạn nộp: 05/04/2021. Vui lòng nhập và gửi báo cáo.',
    });
    const again = await call(t().app, {
      method: 'POST',
      url: '/api/reporting/completeness/remind',
      session: admin,
      body,
    });
    expect(again.json()).toEqual({ notified: 0 });
  });
});
