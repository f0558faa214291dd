import { CompiledQuery, sql, type QueryResult } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import type { Trx } from '../../db/tx.ts';
import * as repo from './submissions.repository.ts';
import {
  addReportForm,
  buildReport,
  reportingCall,
  reportingFixture,
  type ReportingFixture,
} from './reporting.testkit.ts';

describe('submissions: from draft to approval', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: ReportingFixture;
  beforeAll(async () => {
    f = await reportingFixture(t());
  }, 120_000);

  const api = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
    call(t().app, { method, url: `/api/reporting${url}`, session, body });
  const ok = <T = Record<string, unknown> & { id: string; version: number; status: string }>(
    session: Session,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
  ) => reportingCall<T>(t(), session, method, url, body);
  /** The totals of an indicator per node (stripes added up), for one run of months. */
  const totals = async (indicatorId: string) =>
    Object.fromEntries(
      (
        await sql<{ node_id: string; months: string; sum: string }>`
          select node_id, first_month || '-' || last_month as months, sum(sum)::text as sum from report_totals
           where indicator_id = ${indicatorId}::uuid and category = '' group by 1, 2 having sum(count) > 0`.execute(
          t().db.db,
        )
      ).rows.map((r) => [`${r.node_id}/${r.months}`, Number(r.sum)]),
    );
  const MARCH = 2026 * 12 + 2;
  const march = (node: string) => `${node}/${MARCH}-${MARCH}`;

  it('a village reporter enters and submits; the ward approves; totals follow at once and on reopening', async () => {
    const draft = await ok(f.reporter.session, 'POST', '/submissions', {
      formId: f.form.id,
      periodId: '202603',
      unitId: f.village.id,
    });
    expect(draft).toMatchObject({
      status: 'draft',
      periodLabel: 'Tháng 3/2026',
      periodStart: '2026-02-15',
      periodEnd: '2026-03-14',
      due: '2026-03-19',
      unit: { id: f.village.id, name: 'Khu 1' },
      can: { edit: true, submit: true, approve: false },
      lock: { locked: false, locksOn: '2026-03-30', reopenBy: 'Phường Móng Cái 1' },
    });
    // The same report twice: 409 naming the existing one.
    const again = await api(f.reporter.session, 'POST', '/submissions', {
      formId: f.form.id,
      periodId: '202603',
      unitId: f.village.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0]).toEqual({ field: 'id', message: draft.id });

    const saved = await ok<{ version: number; values: unknown[]; narrative: unknown }>(
      f.reporter.session,
      'PUT',
      `/submissions/${draft.id}/values`,
      {
        version: draft.version,
        values: [
          { indicatorId: f.indicators.registered, value: 41 },
          { indicatorId: f.indicators.reached, value: 44 },
          { indicatorId: f.indicators.dossiers, category: 'youth_union', value: 120 },
          { indicatorId: f.indicators.dossiers, category: 'womens_union', value: 30 },
          { indicatorId: f.indicators.note, text: 'Vượt kế hoạch' },
        ],
        narrative: { results: 'Hoàn thành tốt' },
      },
    );
    expect(saved.values).toEqual(
      expect.arrayContaining([
        { indicatorId: f.indicators.registered, category: '', value: 41, text: null },
        // the whole of a breakdown is added up from its parts
        { indicatorId: f.indicators.dossiers, category: '', value: 150, text: null },
        { indicatorId: f.indicators.note, category: '', value: null, text: 'Vượt kế hoạch' },
      ]),
    );
    expect(saved.narrative).toEqual({ results: 'Hoàn thành tốt' });

    // A stale version is refused.
    const stale = await api(f.reporter.session, 'POST', `/submissions/${draft.id}/submit`, { version: draft.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const submitted = await ok(f.reporter.session, 'POST', `/submissions/${draft.id}/submit`, {
      version: saved.version,
    });
    expect(submitted.status).toBe('submitted');
    // Submitted: no longer editable by the reporter, nor approvable by it.
    expect(
      (await api(f.reporter.session, 'PUT', `/submissions/${draft.id}/values`, { version: 3, values: [] })).statusCode,
    ).toBe(409);
    expect(
      (await api(f.reporter.session, 'POST', `/submissions/${draft.id}/approve`, { version: submitted.version }))
        .statusCode,
    ).toBe(403);
    // The sibling ward's leader does not read it; the ward's leader lists and approves it.
    expect((await api(f.siblingLeader.session, 'GET', `/submissions/${draft.id}`)).statusCode).toBe(404);
    expect(
      (await api(f.siblingLeader.session, 'POST', `/submissions/${draft.id}/approve`, { version: submitted.version }))
        .statusCode,
    ).toBe(404);
    const list = await ok<{ items: { id: string }[] }>(f.wardLeader.session, 'GET', '/submissions?status=submitted');
    expect(list.items.map((i) => i.id)).toContain(draft.id);
    expect(
      (await ok<{ items: unknown[] }>(f.siblingLeader.session, 'GET', '/submissions?status=submitted')).items,
    ).toHaveLength(0);
    const detail = await ok<{ can: Record<string, boolean> }>(f.wardLeader.session, 'GET', `/submissions/${draft.id}`);
    expect(detail.can).toMatchObject({ approve: true, return: true, edit: false });

    const approved = await ok(f.wardLeader.session, 'POST', `/submissions/${draft.id}/approve`, {
      version: submitted.version,
    });
    expect(approved.status).toBe('approved');
    // The ward's and the province's totals have the village's figure (a village's own total is its values).
    expect(await totals(f.indicators.registered)).toEqual({ [march(f.units.mc1)]: 41, [march(f.units.province)]: 41 });
    expect(await totals(f.indicators.dossiers)).toMatchObject({ [march(f.units.mc1)]: 150 });
    const audit = await sql<{ table_name: string; action: string }>`
      select table_name, action from audit_log where record_id = ${draft.id} order by id`.execute(t().db.db);
    expect(audit.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['report_submissions', 'report_values']),
    );
    expect(audit.rows.filter((r) => r.table_name === 'report_submissions').length).toBeGreaterThanOrEqual(4);

    // Reopened by the ward: returned with the reason, the totals lose it at once.
    const reopened = await ok<{ status: string; returnReason: string; version: number }>(
      f.wardLeader.session,
      'POST',
      `/submissions/${draft.id}/reopen`,
      { version: approved.version, reason: 'Số hộ đạt vượt số hộ đăng ký' },
    );
    expect(reopened).toMatchObject({ status: 'returned', returnReason: 'Số hộ đạt vượt số hộ đăng ký' });
    expect(await totals(f.indicators.registered)).toEqual({});
    // The reporter corrects and submits again; the ward returns it, then approves the next one.
    const fixed = await ok(f.reporter.session, 'PUT', `/submissions/${draft.id}/values`, {
      version: reopened.version,
      values: [
        { indicatorId: f.indicators.registered, value: 45 },
        { indicatorId: f.indicators.reached, value: 44 },
      ],
    });
    const resubmitted = await ok(f.reporter.session, 'POST', `/submissions/${draft.id}/submit`, {
      version: fixed.version,
    });
    const returned = await ok(f.wardLeader.session, 'POST', `/submissions/${draft.id}/return`, {
      version: resubmitted.version,
      reason: 'Bổ sung ghi chú',
    });
    expect(returned.status).toBe('returned');
    const last = await buildReportAgain(draft.id, returned.version);
    expect(last.status).toBe('approved');
    expect(await totals(f.indicators.registered)).toEqual({ [march(f.units.mc1)]: 45, [march(f.units.province)]: 45 });
  });

  async function buildReportAgain(id: string, version: number) {
    const s = await ok(f.reporter.session, 'POST', `/submissions/${id}/submit`, { version });
    return ok(f.wardLeader.session, 'POST', `/submissions/${id}/approve`, { version: s.version });
  }

  it('a ward’s own report is reviewed by the province, not by the ward itself', async () => {
    const d = await buildReport(t(), {
      formId: f.form.id,
      periodId: '202603',
      unitId: f.units.mc1,
      values: [{ indicatorId: f.indicators.registered, value: 754 }],
      reporter: f.officer.session,
      until: 'submitted',
    });
    expect(
      (await api(f.wardLeader.session, 'POST', `/submissions/${d.id}/approve`, { version: d.version })).statusCode,
    ).toBe(403);
    expect((await api(f.siblingLeader.session, 'GET', `/submissions/${d.id}`)).statusCode).toBe(404);
    const a = await ok(f.provinceLeader.session, 'POST', `/submissions/${d.id}/approve`, { version: d.version });
    expect(a.status).toBe('approved');
    // A reporter enters only for its own units: the village reporter not for the ward, nor for Móng Cái 2.
    for (const unitId of [f.units.mc1, f.units.mc2]) {
      const r = await api(f.reporter.session, 'POST', '/submissions', {
        formId: f.form.id,
        periodId: '202603',
        unitId,
      });
      expect([403, 404]).toContain(r.statusCode);
    }
    const mine = await ok<{ items: { id: string }[] }>(f.reporter.session, 'GET', '/submissions');
    expect(mine.items.map((i) => i.id)).not.toContain(d.id);
  });

  it('a unit’s report is also reviewed by leaders narrowed to its parent’s Front committee or bloc office line', async () => {
    const db = t().db.db;
    const form = await addReportForm(db, {
      code: 'BC_MAT_TRAN',
      name: 'Báo cáo công tác Mặt trận',
      lockDays: null,
      indicators: [{ id: f.indicators.registered }],
    });
    const blocOffice = (
      await db
        .insertInto('bodies')
        .values({ unit_id: f.units.mc1, kind: 'bloc_office', name: 'Khối dân vận Phường Móng Cái 1' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const narrowed = async (unitCode: string, bodyId: string) => {
      const a = await buildAccount(t().ctx);
      const r = await call(t().app, {
        method: 'POST',
        url: `/api/accounts/${a.id}/roles`,
        session: f.admin,
        body: { role: 'leader', unitCode, bodyId },
      });
      expect(r.statusCode, r.body).toBe(201);
      return signIn(t().app, a.username, PASSWORD);
    };
    const front = await narrowed('06712', f.bodies.mc1);
    const bloc = await narrowed('06712', blocOffice);
    const provinceFront = await narrowed('22', f.bodies.province);
    const women = await narrowed('06712', f.bodies.mc1Women);
    const otherFront = await narrowed('06709', f.bodies.mc2);
    const village = await buildReport(t(), {
      formId: form.id,
      periodId: '202603',
      unitId: f.village.id,
      values: [{ indicatorId: f.indicators.registered, value: 12 }],
      reporter: f.reporter.session,
      until: 'submitted',
    });
    // The ward's Front committee and bloc office, and the province's Front committee above them, read and decide it;
    // the ward's Women's Union and Móng Cái 2's Front committee do not read it.
    for (const reviewer of [front, bloc, provinceFront]) {
      const d = await ok<{ can: { approve: boolean } }>(reviewer, 'GET', `/submissions/${village.id}`);
      expect(d.can.approve).toBe(true);
      const listed = await ok<{ items: { id: string }[] }>(reviewer, 'GET', `/submissions?form=${form.id}`);
      expect(listed.items.map((i) => i.id)).toEqual([village.id]);
    }
    for (const outsider of [women, otherFront]) {
      expect((await api(outsider, 'GET', `/submissions/${village.id}`)).statusCode).toBe(404);
      expect((await ok<{ total: number }>(outsider, 'GET', `/submissions?form=${form.id}`)).total).toBe(0);
    }
    expect((await ok(front, 'POST', `/submissions/${village.id}/approve`, { version: village.version })).status).toBe(
      'approved',
    );
    // The ward's Front and bloc office leaders read the ward's figures; its Women's Union leader reads only its line's.
    const wardTotal = (s: Session) => api(s, 'GET', '/totals?indicator=HO_DANG_KY&unit=06712&period=202603');
    const whole = (await wardTotal(f.admin)).json<{ value: number }>().value;
    expect(whole).toBeGreaterThanOrEqual(12);
    for (const reader of [front, bloc]) expect((await wardTotal(reader)).json<{ value: number }>().value).toBe(whole);
    expect((await wardTotal(women)).statusCode).toBe(404);
    // The ward's own report goes to the province: its Front committee decides, the ward's does not read it.
    const ward = await buildReport(t(), {
      formId: form.id,
      periodId: '202603',
      unitId: f.units.mc1,
      values: [{ indicatorId: f.indicators.registered, value: 40 }],
      reporter: f.officer.session,
      until: 'submitted',
    });
    expect((await api(front, 'GET', `/submissions/${ward.id}`)).statusCode).toBe(404);
    expect((await ok(provinceFront, 'POST', `/submissions/${ward.id}/approve`, { version: ward.version })).status).toBe(
      'approved',
    );
  });

  it('whoever submitted a report does not approve it, even holding the right: another reviewer does', async () => {
    const d = await buildReport(t(), {
      formId: (
        await addReportForm(t().db.db, {
          code: 'BC_TU_DUYET',
          name: 'Báo cáo tự duyệt',
          lockDays: null,
          indicators: [{ id: f.indicators.registered }],
        })
      ).id,
      periodId: '202603',
      unitId: f.village.id,
      values: [{ indicatorId: f.indicators.registered, value: 7 }],
      reporter: f.wardLeader.session,
      until: 'submitted',
    });
    const shown = await ok<{ can: { approve: boolean; return: boolean } }>(
      f.wardLeader.session,
      'GET',
      `/submissions/${d.id}`,
    );
    expect(shown.can).toMatchObject({ approve: false, return: true });
    const self = await api(f.wardLeader.session, 'POST', `/submissions/${d.id}/approve`, { version: d.version });
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'SELF_APPROVE']);
    expect(self.json().error.message).toBe(
      'Người gửi báo cáo không được tự duyệt báo cáo của mình; báo cáo cần một người duyệt khác ở cấp trên.',
    );
    const approved = await ok(f.provinceLeader.session, 'POST', `/submissions/${d.id}/approve`, {
      version: d.version,
    });
    expect(approved.status).toBe('approved');
  });

  it('a body’s report goes up its own line: the province Youth Union reviews the ward’s, the ward does not', async () => {
    const db = t().db.db;
    const provinceYouth = (
      await db
        .insertInto('bodies')
        .values({ unit_id: f.units.province, kind: 'youth_union', name: 'Tỉnh Đoàn Quảng Ninh' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.updateTable('bodies').set({ parent_id: provinceYouth }).where('id', '=', f.bodies.mc1Youth).execute();
    const account = async (role: string, unitCode: string, bodyId: string) => {
      const a = await buildAccount(t().ctx);
      const r = await call(t().app, {
        method: 'POST',
        url: `/api/accounts/${a.id}/roles`,
        session: f.admin,
        body: { role, unitCode, bodyId },
      });
      expect(r.statusCode, r.body).toBe(201);
      return signIn(t().app, a.username, PASSWORD);
    };
    const youthReporter = await account('officer', '06712', f.bodies.mc1Youth);
    const youthReviewer = await account('leader', '22', provinceYouth);
    const youthForm = await addReportForm(db, {
      code: 'BC_DOAN',
      name: 'Báo cáo của Đoàn',
      submitter: 'body',
      unitKinds: [],
      bodyKinds: ['youth_union'],
      indicators: [{ id: f.indicators.dossiers }],
    });
    const base = { formId: youthForm.id, periodId: '202603', unitId: f.units.mc1 };
    // A body form needs the body, of a kind it asks, of the unit named.
    expect((await api(youthReporter, 'POST', '/submissions', base)).json().error.field).toBe('bodyId');
    const women = await api(f.leader.session, 'POST', '/submissions', { ...base, bodyId: f.bodies.mc1Women });
    expect([women.statusCode, women.json().error.field]).toEqual([400, 'bodyId']);
    const elsewhere = await api(youthReporter, 'POST', '/submissions', { ...base, bodyId: f.bodies.mc2 });
    expect([elsewhere.statusCode, elsewhere.json().error.field]).toEqual([404, 'bodyId']);
    const d = await buildReport(t(), {
      ...base,
      bodyId: f.bodies.mc1Youth,
      values: [{ indicatorId: f.indicators.dossiers, value: 18_080 }],
      reporter: youthReporter,
      until: 'submitted',
    });
    expect(d).toMatchObject({ body: { id: f.bodies.mc1Youth }, lock: { reopenBy: 'Tỉnh Đoàn Quảng Ninh' } });
    // The Women's Union officer of the same ward does not read it; the ward's leader reads it but does not decide.
    expect((await api(f.women.session, 'GET', `/submissions/${d.id}`)).statusCode).toBe(404);
    expect(
      (await api(f.wardLeader.session, 'POST', `/submissions/${d.id}/approve`, { version: d.version })).statusCode,
    ).toBe(403);
    const a = await ok(youthReviewer, 'POST', `/submissions/${d.id}/approve`, { version: d.version });
    expect(a.status).toBe('approved');
    const line = await sql<{ node_id: string; sum: string }>`
      select node_id, sum(sum)::text as sum from report_totals
       where indicator_id = ${f.indicators.dossiers}::uuid and node_kind = 'body' group by 1`.execute(db);
    expect(Object.fromEntries(line.rows.map((r) => [r.node_id, Number(r.sum)]))).toEqual({
      [f.bodies.mc1Youth]: 18_080,
      [provinceYouth]: 18_080,
    });
  });

  it('values are checked by type; an indicator not on the form is refused as a missing one', async () => {
    const d = await ok(f.siblingLeader.session, 'POST', '/submissions', {
      formId: f.form.id,
      periodId: '202603',
      unitId: f.units.mc2,
    });
    const put = (values: unknown[]) =>
      api(f.siblingLeader.session, 'PUT', `/submissions/${d.id}/values`, { version: d.version, values });
    const cases: [unknown, number, string][] = [
      [{ indicatorId: f.indicators.registered, value: 1.5 }, 400, 'values.0.value'],
      [{ indicatorId: f.indicators.share, value: 120 }, 400, 'values.0.value'],
      [{ indicatorId: f.indicators.share, value: 67.5, text: 'x' }, 400, 'values.0.text'],
      [{ indicatorId: f.indicators.note, value: 3 }, 400, 'values.0.value'],
      [{ indicatorId: f.indicators.registered, category: 'youth_union', value: 3 }, 400, 'values.0.category'],
      [{ indicatorId: f.indicators.dossiers, category: 'no_such_kind', value: 3 }, 400, 'values.0.category'],
      [{ indicatorId: '00000000-0000-4000-8000-00000000beef', value: 3 }, 404, 'values.0.indicatorId'],
    ];
    for (const [value, status, field] of cases) {
      const r = await put([value]);
      expect([r.statusCode, r.json().error.field], JSON.stringify(value)).toEqual([status, field]);
    }
    const dup = await put([
      { indicatorId: f.indicators.registered, value: 1 },
      { indicatorId: f.indicators.registered, value: 2 },
    ]);
    expect(dup.json().error.field).toBe('values.1.indicatorId');
    expect((await put([{ indicatorId: f.indicators.share, value: 67.5 }])).statusCode).toBe(200);
  });

  it('a locked period says since when and who reopens it; the ward reopens it for its village', async () => {
    const refused = await api(f.reporter.session, 'POST', '/submissions', {
      formId: f.form.id,
      periodId: '202602',
      unitId: f.village.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PERIOD_LOCKED');
    expect(refused.json().error.message).toContain('02/03/2026');
    expect(refused.json().error.message).toContain('Phường Móng Cái 1');
    const reopen = (session: Session, body: Record<string, unknown>) =>
      api(session, 'POST', `/forms/${f.form.id}/periods/202602/reopen`, body);
    const body = { reason: 'Khu 1 gửi muộn do mưa bão', until: '2026-03-05', unitId: f.village.id };
    expect((await reopen(f.reporter.session, body)).statusCode).toBe(403);
    expect((await reopen(f.siblingLeader.session, body)).statusCode).toBe(404);
    expect((await reopen(f.wardLeader.session, { ...body, until: '2026-03-01' })).json().error.field).toBe('until');
    expect((await reopen(f.wardLeader.session, { reason: 'Cả tỉnh', until: '2026-03-05' })).statusCode).toBe(403);
    expect((await reopen(f.wardLeader.session, body)).statusCode).toBe(201);
    // The form's periods say it: for whom, until when, by whom and why.
    const listed = await ok<{ items: { id: string; reopenings: unknown[] }[] }>(
      f.reporter.session,
      'GET',
      `/forms/${f.form.id}/periods?count=3`,
    );
    expect(listed.items.find((p) => p.id === '202602')?.reopenings).toEqual([
      expect.objectContaining({ unitId: f.village.id, reason: 'Khu 1 gửi muộn do mưa bão', until: '2026-03-05' }),
    ]);
    const d = await buildReport(t(), {
      formId: f.form.id,
      periodId: '202602',
      unitId: f.village.id,
      values: [{ indicatorId: f.indicators.registered, value: 40 }],
      reporter: f.reporter.session,
      until: 'draft',
    });
    expect(d).toMatchObject({ lock: { locked: false, locksOn: '2026-03-02' } });
    // After the reopening ends, the period is locked again: the draft cannot be submitted.
    t().clock.set('2026-03-06T02:00:00Z');
    try {
      const late = await api(f.reporter.session, 'POST', `/submissions/${d.id}/submit`, { version: d.version });
      expect(late.json().error.code).toBe('PERIOD_LOCKED');
      const shown = await ok<{ lock: unknown; can: { edit: boolean } }>(
        f.reporter.session,
        'GET',
        `/submissions/${d.id}`,
      );
      expect(shown.lock).toMatchObject({ locked: true, reason: 'Kỳ báo cáo đã khóa từ ngày 02/03/2026.' });
      expect(shown.can.edit).toBe(false);
    } finally {
      t().clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('my reports: the latest ended period of each form for each unit I report for, late when past due', async () => {
    const mine = await ok<{
      items: {
        form: { code: string };
        period: { id: string; label: string };
        unit: { id: string };
        late: boolean;
        submission: unknown;
      }[];
    }>(f.reporter.session, 'GET', '/my-reports');
    const item = mine.items.find((i) => i.form.code === 'BC_THANG');
    expect(item).toMatchObject({
      period: { id: '202602', label: 'Tháng 2/2026' },
      unit: { id: f.village.id },
      late: true,
    });
  });

  it('rules: a blocking rule refuses the submission, a warning does not; history flags an unusual value', async () => {
    const lenient = await addReportForm(t().db.db, {
      code: 'BC_HO_MAU',
      name: 'Báo cáo hộ mẫu',
      lockDays: null,
      indicators: [{ id: f.indicators.registered }, { id: f.indicators.reached }],
    });
    await t()
      .db.db.insertInto('report_rules')
      .values([
        {
          form_id: lenient.id,
          indicator_id: f.indicators.reached,
          kind: 'compare',
          op: '<=',
          other_indicator_id: f.indicators.registered,
          severity: 'blocking',
        },
        {
          form_id: lenient.id,
          indicator_id: f.indicators.registered,
          kind: 'history',
          factor: '3',
          severity: 'warning',
        },
      ])
      .execute();
    // Six approved months of Khu 2's history, about 10 households each.
    const v = await call(t().app, {
      method: 'POST',
      url: '/api/villages',
      session: f.admin,
      body: { parentCode: '06712', name: 'Khu 2', kind: 'quarter', validFrom: '2025-08-01' },
    });
    const unitId = v.json().unit.id as string;
    for (const [i, periodId] of ['202509', '202510', '202511', '202512', '202601', '202602'].entries())
      await buildReport(t(), {
        formId: lenient.id,
        periodId,
        unitId,
        values: [
          { indicatorId: f.indicators.registered, value: 8 + (i % 3) * 2 },
          { indicatorId: f.indicators.reached, value: 5 },
        ],
        reporter: f.officer.session,
        reviewer: f.wardLeader.session,
      });
    const d = await buildReport(t(), {
      formId: lenient.id,
      periodId: '202603',
      unitId,
      values: [
        { indicatorId: f.indicators.registered, value: 50 },
        { indicatorId: f.indicators.reached, value: 60 },
      ],
      reporter: f.officer.session,
      until: 'draft',
    });
    const shown = await ok<{ checks: { indicatorId: string; severity: string; message: string }[] }>(
      f.officer.session,
      'GET',
      `/submissions/${d.id}`,
    );
    expect(shown.checks).toEqual([
      {
        indicatorId: f.indicators.reached,
        severity: 'blocking',
        message: '«Số hộ mẫu đạt chuẩn» (60) phải không lớn hơn «Số hộ đăng ký xây dựng hộ mẫu» (50).',
      },
      {
        indicatorId: f.indicators.registered,
        severity: 'warning',
        message: '«Số hộ đăng ký xây dựng hộ mẫu» (50) cao bất thường: hơn 3 lần trung bình 6 kỳ trước (10).',
      },
    ]);
    const refused = await api(f.officer.session, 'POST', `/submissions/${d.id}/submit`, { version: d.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'CHECKS_FAILED',
      issues: [{ field: `values.${f.indicators.reached}` }],
    });
    const fixed = await ok(f.officer.session, 'PUT', `/submissions/${d.id}/values`, {
      version: d.version,
      values: [
        { indicatorId: f.indicators.registered, value: 50 },
        { indicatorId: f.indicators.reached, value: 44 },
      ],
    });
    // The warning stays, and does not refuse.
    expect(
      (await ok(f.officer.session, 'POST', `/submissions/${d.id}/submit`, { version: fixed.version })).status,
    ).toBe('submitted');
  });

  it('the same figure in two approved reports is flagged with both sources and counted once until chosen', async () => {
    const quarterly = await addReportForm(t().db.db, {
      code: 'BC_QUY',
      name: 'Báo cáo quý',
      periodType: 'quarter',
      lockDays: null,
      indicators: [{ id: f.indicators.reached }],
    });
    const v = await call(t().app, {
      method: 'POST',
      url: '/api/villages',
      session: f.admin,
      body: { parentCode: '06712', name: 'Khu 3', kind: 'quarter', validFrom: '2025-08-01' },
    });
    const unitId = v.json().unit.id as string;
    const monthly = await buildReport(t(), {
      formId: f.form.id,
      periodId: '202603',
      unitId,
      values: [
        { indicatorId: f.indicators.registered, value: 900 },
        { indicatorId: f.indicators.reached, value: 754 },
      ],
      reporter: f.officer.session,
      reviewer: f.wardLeader.session,
    });
    const before = await totals(f.indicators.reached);
    const q = await buildReport(t(), {
      formId: quarterly.id,
      periodId: '2026Q1',
      unitId,
      values: [{ indicatorId: f.indicators.reached, value: 800 }],
      reporter: f.officer.session,
      reviewer: f.wardLeader.session,
    });
    expect(q.conflicts).toEqual([
      {
        indicatorId: f.indicators.reached,
        category: '',
        value: 800,
        counted: false,
        other: {
          submissionId: monthly.id,
          formName: 'Báo cáo tháng',
          unitName: 'Khu 3',
          bodyName: null,
          value: 754,
          counted: true,
        },
      },
    ]);
    // Not counted: the quarter's totals did not change.
    expect(await totals(f.indicators.reached)).toEqual(before);
    const listed = await ok<{ items: { id: string; conflicts: number }[] }>(
      f.wardLeader.session,
      'GET',
      `/submissions?form=${quarterly.id}`,
    );
    expect(listed.items.find((i) => i.id === q.id)?.conflicts).toBe(1);
    // The ward chooses the quarter's figure: the month's leaves the totals, the quarter's enters them.
    const chosen = await ok<{ conflicts: { counted: boolean; other: { counted: boolean } }[] }>(
      f.wardLeader.session,
      'POST',
      `/submissions/${q.id}/conflicts/choose`,
      { version: q.version, indicatorId: f.indicators.reached, category: '' },
    );
    expect(chosen.conflicts[0]).toMatchObject({ counted: true, other: { counted: false } });
    const after = await totals(f.indicators.reached);
    const Q1 = `${f.units.mc1}/${2026 * 12}-${2026 * 12 + 2}`;
    expect(after[Q1]).toBe(800);
    expect(after[march(f.units.mc1)] ?? 0).toBe((before[march(f.units.mc1)] ?? 0) - 754);
    // Reopening the quarter gives the month's figure back its place in the totals.
    const reopened = await ok(f.wardLeader.session, 'POST', `/submissions/${q.id}/reopen`, {
      version: (chosen as unknown as { version: number }).version,
      reason: 'Trùng số liệu tháng',
    });
    expect(reopened.status).toBe('returned');
    expect(await totals(f.indicators.reached)).toEqual(before);
    // A choice with no conflict is refused as a missing indicator.
    const none = await api(f.wardLeader.session, 'POST', `/submissions/${monthly.id}/conflicts/choose`, {
      version: monthly.version,
      indicatorId: f.indicators.registered,
      category: '',
    });
    expect([none.statusCode, none.json().error.field]).toEqual([404, 'indicatorId']);
  });
  it('a second report of the same figure that agrees is not counted twice and not flagged; one that disagrees is', async () => {
    const db = t().db.db;
    const forms = await Promise.all(
      ['A', 'B', 'C'].map((x) =>
        addReportForm(db, {
          code: `BC_TRUNG_${x}`,
          name: `Báo cáo trùng ${x}`,
          lockDays: null,
          indicators: [{ id: f.indicators.reached }],
        }),
      ),
    );
    const v = await call(t().app, {
      method: 'POST',
      url: '/api/villages',
      session: f.admin,
      body: { parentCode: '06712', name: 'Khu 4', kind: 'quarter', validFrom: '2025-08-01' },
    });
    const { id: unitId, code: unitCode } = v.json<{ unit: { id: string; code: string } }>().unit;
    const report = (form: { id: string }, value: number) =>
      buildReport(t(), {
        formId: form.id,
        periodId: '202603',
        unitId,
        values: [{ indicatorId: f.indicators.reached, value }],
        reporter: f.officer.session,
        reviewer: f.wardLeader.session,
      });
    const before = await totals(f.indicators.reached);
    const first = await report(forms[0]!, 754);
    const agreeing = await report(forms[1]!, 754);
    expect(agreeing.conflicts).toEqual([]);
    const counted = async (id: string) =>
      (await db.selectFrom('report_values').select('counted').where('submission_id', '=', id).executeTakeFirstOrThrow())
        .counted;
    expect([await counted(first.id), await counted(agreeing.id)]).toEqual([true, false]);
    // Counted once: the ward's March total grew by 754, not twice.
    expect((await totals(f.indicators.reached))[march(f.units.mc1)]).toBe((before[march(f.units.mc1)] ?? 0) + 754);
    const differing = await report(forms[2]!, 800);
    expect(
      (differing.conflicts as { value: number; other: { submissionId: string; value: number } }[]).map((c) => [
        c.value,
        c.other.submissionId,
        c.other.value,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [800, first.id, 754],
        [800, agreeing.id, 754],
      ]),
    );
    const conflictsOf = async (id: string) =>
      (
        await ok<{ conflicts: { other: { submissionId: string } }[] }>(
          f.wardLeader.session,
          'GET',
          `/submissions/${id}`,
        )
      ).conflicts;
    // The two that agree each other conflict only with the one that differs.
    expect((await conflictsOf(first.id)).map((c) => c.other.submissionId)).toEqual([differing.id]);
    const listed = await ok<{ items: { id: string; conflicts: number }[] }>(
      f.wardLeader.session,
      'GET',
      `/submissions?unit=${unitCode}`,
    );
    const count = (id: string) => listed.items.find((i) => i.id === id)?.conflicts;
    expect([count(first.id), count(agreeing.id), count(differing.id)]).toEqual([1, 1, 1]);

    // Reopening the counted one: of the two left waiting for the same figure, one takes its place, not both.
    await reportingCall(t(), f.wardLeader.session, 'POST', `/submissions/${first.id}/reopen`, {
      version: (await ok<{ version: number }>(f.wardLeader.session, 'GET', `/submissions/${first.id}`)).version,
      reason: 'Kiểm tra lại số hộ',
    });
    expect([await counted(agreeing.id), await counted(differing.id)].filter(Boolean)).toHaveLength(1);
    const promoted = (await counted(agreeing.id)) ? 754 : 800;
    expect((await totals(f.indicators.reached))[march(f.units.mc1)]).toBe((before[march(f.units.mc1)] ?? 0) + promoted);
  });

  it('the conflict check starts from the report’s own values and finds each key through an index, uncounted too', async () => {
    const db = t().db.db;
    const [id] = (
      await db
        .selectFrom('report_submissions')
        .select('id')
        .where('status', '=', 'approved')
        .orderBy('created_at', 'desc')
        .limit(1)
        .execute()
    ).map((r) => r.id);
    // Every read of report_values in the plans of the conflict list, the approval's count and the list's counts is
    // an index range led by the key looked up — a report's own values (submission and first month: one partition)
    // or another report's value of the same figure (unit first: report_values_key_idx) — even when the planner is told
    // to avoid whole scans; never a pass over every approved report, nor a skip scan of another index.
    const conds: string[] = [];
    const walk = (n: Record<string, unknown>) => {
      const rel = n['Relation Name'] as string | undefined;
      if (rel?.startsWith('report_values') && (n['Node Type'] as string).includes('Scan'))
        conds.push(
          (n['Index Cond'] ?? n['Recheck Cond'] ?? `${n['Node Type'] as string} without a condition`) as string,
        );
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
    };
    await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const explaining = explainer(trx, walk);
      await repo.conflictsOf(explaining, id!);
      await repo.markCounted(explaining, id!);
      await repo.conflictCounts(explaining, [id!]);
    });
    const keyed = (c: string) =>
      /^\(\(?unit_id = /.test(c) || (/^\(\(?submission_id = /.test(c) && /first_month = /.test(c));
    expect(conds.length).toBeGreaterThan(0);
    expect(conds.filter((c) => !keyed(c))).toEqual([]);
  });
});

/** A transaction that runs EXPLAIN (FORMAT JSON) of each statement given to it instead of the statement, handing
 * each plan's root to `seen` (answers no rows). */
function explainer(trx: Trx, seen: (plan: Record<string, unknown>) => void): Trx {
  const real = trx.getExecutor();
  const executor = {
    transformQuery: real.transformQuery.bind(real),
    compileQuery: real.compileQuery.bind(real),
    withPlugins: () => executor,
    async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
      const r = await real.executeQuery<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }>(
        CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]),
      );
      seen(r.rows[0]!['QUERY PLAN'][0]!.Plan);
      return { rows: [] };
    },
  };
  return { getExecutor: () => executor } as unknown as Trx;
}
