import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { recordLabelParams } from '../audit/audit.labels.repository.ts';
import { recordLabel } from '../audit/audit.presenter.ts';
import { computeDeadline, isWorkingDay } from './index.ts';

describe('legal deadlines over HTTP', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let admin: Session;
  let officer: Session;

  beforeAll(async () => {
    const { app, ctx } = t();
    admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    officer = await signIn(app, (await buildAccount(ctx)).username, PASSWORD);
  });

  const get = (url: string, session: Session = officer) => call(t().app, { url, session });
  const compute = async (query: string) => {
    const res = await get(`/api/legal-deadlines/compute?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('lists every seeded rule in force, with its basis and the contract’s fields', async () => {
    const res = await get('/api/legal-deadlines?asOf=2026-03-02');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ code: string }[]>();
    expect(items.map((i) => i.code).sort()).toEqual([
      'complaint.accept',
      'complaint.front_result',
      'complaint.resolve_first',
      'complaint.resolve_second',
      'denunciation.initial',
      'denunciation.resolve',
      'denunciation.transfer',
      'petition.filed_keep',
      'petition.reply_citizen',
      'proposal.follow_up',
    ]);
    const accept = res.json().find((i: { code: string }) => i.code === 'complaint.accept');
    expect(accept).toMatchObject({
      code: 'complaint.accept',
      version: 1,
      dayKind: 'calendar',
      days: 10,
      validFrom: '2012-07-01',
      validTo: '2026-07-01',
    });
    expect(accept.basis).toContain('Điều 27');
  });

  it('the rule version changes on 1/7/2026: the law’s 10 days before, NĐ 155/2026’s 7 working days (unconfirmed) after', async () => {
    const before = await compute('rule=complaint.accept&start=2026-06-30');
    expect(before).toMatchObject({
      rule: 'complaint.accept',
      version: 1,
      start: '2026-06-30',
      due: '2026-07-10',
      dayKind: 'calendar',
      days: 10,
      provisional: true, // 2026 is not confirmed yet
      confirmed: true,
    });
    const after = await compute('rule=complaint.accept&start=2026-07-01');
    expect(after).toMatchObject({ version: 3, dayKind: 'working', days: 7, due: '2026-07-10', confirmed: false });
    expect(after.basis).toContain('155/2026');
    const inForce = (await get('/api/legal-deadlines?asOf=2026-07-01')).json();
    expect(inForce.find((i: { code: string }) => i.code === 'complaint.accept')).toMatchObject({
      version: 3,
      confirmed: false,
      validFrom: '2026-07-01',
      validTo: null,
    });
    // the circular's reading is kept beside the law's, with its basis, and not applied
    const rules = (await get('/api/legal-deadlines/rules?asOf=2026-03-02')).json();
    const versions = rules.items.find((r: { code: string }) => r.code === 'complaint.accept').versions;
    expect(
      versions.map((v: { version: number; status: string; inForce: boolean }) => [v.version, v.status, v.inForce]),
    ).toEqual([
      [1, 'applied', true],
      [2, 'alternative', false],
      [3, 'applied', false],
    ]);
    expect(versions[1].basis).toContain('07/2013');
  });

  it('variants combine and repeat as the query names them', async () => {
    expect(await compute('rule=complaint.resolve_first&start=2025-03-03')).toMatchObject({
      days: 30,
      due: '2025-04-02',
    });
    const both = await compute('rule=complaint.resolve_first&start=2025-03-03&variant=remote&variant=complex');
    expect(both).toMatchObject({ days: 60, due: '2025-05-05', provisional: false }); // 2/5 ends past 30/4–4/5
    expect(both.basis).toContain('vùng sâu');
    expect(
      await compute('rule=complaint.resolve_second&start=2025-03-03&variant=remote&variant=complex'),
    ).toMatchObject({
      days: 70,
    });
    expect(
      await compute('rule=denunciation.resolve&start=2025-01-02&variant=extension&variant=extension'),
    ).toMatchObject({
      days: 90,
      due: '2025-04-02',
    });
    expect(await compute('rule=denunciation.initial&start=2026-02-12&variant=multi_site')).toMatchObject({
      dayKind: 'working',
      days: 10,
      due: '2026-03-05',
    });
  });

  it('bad rule, variant or date: 400 with the field at fault', async () => {
    const refused = async (query: string, field: string) => {
      const res = await get(`/api/legal-deadlines/compute?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    };
    await refused('rule=complaint.nothing&start=2026-03-02', 'rule');
    await refused('rule=Complaint&start=2026-03-02', 'rule');
    await refused('rule=complaint.accept&start=2026-02-30', 'start');
    await refused('rule=complaint.accept&start=1900-01-01', 'start'); // before the law: no version in force
    await refused('rule=complaint.resolve_first&start=2026-03-02&variant=urgent', 'variant');
    await refused('rule=complaint.resolve_first&start=2026-03-02&variant=complex&variant=complex', 'variant');
    await refused(
      'rule=denunciation.resolve&start=2026-03-02&variant=extension&variant=extension&variant=extension',
      'variant',
    );
    const en = await call(t().app, {
      url: '/api/legal-deadlines/compute?rule=denunciation.resolve&start=2026-03-02&variant=extension&variant=extension&variant=extension',
      session: officer,
      lang: 'en',
    });
    expect(en.json().error.issues[0].message).toBe('“extension” may be used at most 2 times.');
  });

  it('an administrator adds a version: the one in force ends the day it starts; others may not', async () => {
    const body = {
      dayKind: 'working',
      days: 10,
      basis: 'Quy chế phối hợp 2026 của Khối: đôn đốc sau 10 ngày làm việc',
      validFrom: '2026-09-01',
    };
    const url = '/api/legal-deadlines/rules/proposal.follow_up/versions';
    expect((await call(t().app, { method: 'POST', url, session: officer, body })).statusCode).toBe(403);
    const res = await call(t().app, { method: 'POST', url, session: admin, body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rule: 'proposal.follow_up', version: 2, confirmed: false, validTo: null });
    expect((await compute('rule=proposal.follow_up&start=2026-08-31')).days).toBe(15);
    expect(await compute('rule=proposal.follow_up&start=2026-09-01')).toMatchObject({ version: 2, days: 10 });
    const again = await call(t().app, { method: 'POST', url, session: admin, body });
    expect(again.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'validFrom' });

    const confirm = await call(t().app, {
      method: 'POST',
      url: `/api/legal-deadlines/versions/${res.json().id}/confirm`,
      session: admin,
    });
    expect(confirm.json()).toMatchObject({ version: 2, confirmed: true });
    const audit = await t()
      .db.db.selectFrom('audit_log')
      .select(['action', 'actor_account_id'])
      .where('table_name', '=', 'legal_deadline_versions')
      .where('record_id', '=', res.json().id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('a new version with its own variants and combinations (the 2026 rules need no code)', async () => {
    const res = await call(t().app, {
      method: 'POST',
      url: '/api/legal-deadlines/rules/complaint.resolve_first/versions',
      session: admin,
      body: {
        dayKind: 'calendar',
        days: 30,
        basis: 'Phiên bản thử',
        validFrom: '2027-01-01',
        variants: [
          { code: 'complex', name: 'Phức tạp', kind: 'combine' },
          { code: 'extension', name: 'Gia hạn', kind: 'repeat', days: 15, maxUses: 1 },
        ],
        combinations: [{ variants: ['complex'], days: 40 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      await compute('rule=complaint.resolve_first&start=2027-01-04&variant=complex&variant=extension'),
    ).toMatchObject({
      version: 2,
      days: 55,
    });
    // the remote variant belongs to the older version only
    const old = await get('/api/legal-deadlines/compute?rule=complaint.resolve_first&start=2027-01-04&variant=remote');
    expect(old.json().error.field).toBe('variant');
    const bad = await call(t().app, {
      method: 'POST',
      url: '/api/legal-deadlines/rules/complaint.resolve_first/versions',
      session: admin,
      body: {
        dayKind: 'calendar',
        days: 30,
        basis: 'Sai',
        validFrom: '2028-01-01',
        variants: [{ code: 'complex', name: 'Phức tạp', kind: 'combine' }],
        combinations: [{ variants: ['remote'], days: 40 }],
      },
    });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'combinations.0.variants' });
    const missing = await call(t().app, {
      method: 'POST',
      url: '/api/legal-deadlines/rules/no.such/versions',
      session: admin,
      body: { dayKind: 'calendar', days: 1, basis: 'x', validFrom: '2028-01-01' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('a year’s adjustments change the deadlines at once; confirming the year ends “provisional”', async () => {
    const year = (await get('/api/legal-deadlines/holidays/2026')).json();
    expect(year).toMatchObject({ year: 2026, confirmed: false, version: 1 });
    expect(
      year.days.filter((d: { date: string }) => d.date.startsWith('2026-02')).map((d: { date: string }) => d.date),
    ).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(year.definitions.map((d: { code: string }) => d.code)).toContain('national_day_2');
    // Friday 2/1/2026 as a bridge day, worked back on Saturday 10/1
    expect((await compute('rule=denunciation.transfer&start=2025-12-31')).due).toBe('2026-01-08');
    expect((await compute('rule=complaint.front_result&start=2025-12-26')).due).toBe('2026-01-02');
    const put = await call(t().app, {
      method: 'PUT',
      url: '/api/legal-deadlines/holidays/2026',
      session: admin,
      body: {
        version: 1,
        adjustments: [
          { date: '2026-01-02', kind: 'off', note: 'Nghỉ cầu' },
          { date: '2026-01-10', kind: 'work', note: 'Làm bù' },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 2, confirmed: false });
    expect(put.json().days.slice(0, 3)).toEqual([
      { date: '2026-01-01', working: false, reason: 'holiday', name: 'Tết Dương lịch' },
      { date: '2026-01-02', working: false, reason: 'off', name: 'Nghỉ cầu' },
      { date: '2026-01-10', working: true, reason: 'work', name: 'Làm bù' },
    ]);
    expect((await compute('rule=denunciation.transfer&start=2025-12-31')).due).toBe('2026-01-09');
    expect((await compute('rule=denunciation.transfer&start=2026-01-07')).due).toBe('2026-01-13'); // Saturday 10/1 counts
    expect((await compute('rule=complaint.front_result&start=2025-12-26')).due).toBe('2026-01-05'); // 2/1 now off

    const stale = await call(t().app, {
      method: 'POST',
      url: '/api/legal-deadlines/holidays/2026/confirm',
      session: admin,
      body: { version: 1, confirmed: true },
    });
    expect(stale.statusCode).toBe(409);
    const confirmed = await call(t().app, {
      method: 'POST',
      url: '/api/legal-deadlines/holidays/2026/confirm',
      session: admin,
      body: { version: 2, confirmed: true, basis: 'Thông báo của Bộ Nội vụ' },
    });
    expect(confirmed.json()).toMatchObject({ confirmed: true, basis: 'Thông báo của Bộ Nội vụ' });
    expect((await compute('rule=complaint.accept&start=2026-06-30')).provisional).toBe(false);
    expect((await compute('rule=petition.filed_keep&start=2026-06-30')).provisional).toBe(true); // runs into 2027

    const outside = await call(t().app, {
      method: 'PUT',
      url: '/api/legal-deadlines/holidays/2026',
      session: admin,
      body: { version: 3, adjustments: [{ date: '2027-01-02', kind: 'off' }] },
    });
    expect(outside.json().error).toMatchObject({ field: 'adjustments.0.date' });
    expect((await get('/api/legal-deadlines/holidays/1899')).statusCode).toBe(400);
    expect(
      (await call(t().app, { method: 'PUT', url: '/api/legal-deadlines/holidays/2026', session: officer, body: {} }))
        .statusCode,
    ).toBe(403);
  });

  it('the petitions module computes inside its own transaction, on what that transaction sees', async () => {
    const { db } = t();
    await db.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('holiday_adjustments')
        .values({ day: '2026-03-16', kind: 'off', note: 'Ngày nghỉ thử trong giao dịch' })
        .execute();
      expect(await isWorkingDay(trx, '2026-03-16')).toBe(false);
      const due = await computeDeadline(trx, { rule: 'denunciation.transfer', start: '2026-03-13' });
      expect(due).toMatchObject({
        rule: 'denunciation.transfer',
        version: 1,
        dayKind: 'working',
        days: 5,
        due: '2026-03-23',
      });
      await trx.deleteFrom('holiday_adjustments').where('day', '=', '2026-03-16').execute();
    });
    expect(await isWorkingDay(db.db, '2026-03-16')).toBe(true);
    expect((await computeDeadline(db.db, { rule: 'denunciation.transfer', start: '2026-03-13' })).due).toBe(
      '2026-03-20',
    );
    await expect(computeDeadline(db.db, { rule: 'denunciation.transfer', start: '13/03/2026' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'start',
    });
  });

  it('the audit log names every record of the rules and the calendar, seeded or changed', async () => {
    const { db } = t();
    const entries = await db.db
      .selectFrom('audit_log as l')
      .select(['l.table_name', recordLabelParams.as('params')])
      .where('l.table_name', 'in', [
        'legal_deadline_rules',
        'legal_deadline_versions',
        'legal_deadline_variants',
        'legal_deadline_combinations',
        'public_holidays',
        'holiday_years',
        'holiday_adjustments',
      ])
      .execute();
    expect(new Set(entries.map((e) => e.table_name)).size).toBe(7);
    expect(entries.filter((e) => !e.params || Object.values(e.params).some((v) => v === null))).toEqual([]);
    const labels = entries.map((e) => recordLabel(e.table_name, e.params, 'vi'));
    expect(labels).toContain('Kết hợp complex + remote của quy tắc thời hạn complaint.resolve_first, phiên bản 1');
    expect(labels).toContain('Điều chỉnh lịch nghỉ ngày 02/05/2025');
  });
});
