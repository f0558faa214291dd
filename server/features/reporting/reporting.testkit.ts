import { expect } from 'vitest';
import { call, signIn, type Session, type TestApp } from '../../../test/app.ts';
import { buildAccount, PASSWORD, signInAdmin } from '../../../test/factories.ts';
import { workFixture } from '../../../test/work-fixture.ts';
import type { Database } from '../../db/database.ts';

/**
 * Test data of the reporting module, on Quảng Ninh as of 2 March 2026 (the work fixture: Phường Móng Cái 1 (06712)
 * and its sibling Móng Cái 2 (06709) under the province). Adds Khu 1, a quarter of Móng Cái 1 since 1/8/2025, with a
 * reporter; leaders of Móng Cái 2 and of the province; indicators (households registered and reaching the model,
 * dossiers supported online with a breakdown by organisation, a percentage, a note); and a monthly form asking them
 * of villages, communes and wards (window 15th–14th, due 5 days after, locked 10 days after that).
 */
export async function reportingFixture(t: TestApp) {
  const { app, ctx, db } = t;
  const f = await workFixture(t);
  const v = await call(app, {
    method: 'POST',
    url: '/api/villages',
    session: f.admin,
    body: { parentCode: '06712', name: 'Khu 1', kind: 'quarter', validFrom: '2025-08-01' },
  });
  expect(v.statusCode, v.body).toBe(201);
  const village = v.json<{ unit: { id: string; code: string } }>().unit;
  const account = async (role: string, unitCode: string, bodyId: string | null = null) => {
    const a = await buildAccount(ctx);
    const res = await call(app, {
      method: 'POST',
      url: `/api/accounts/${a.id}/roles`,
      session: f.admin,
      body: { role, unitCode, bodyId },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { id: a.id, session: await signIn(app, a.username, PASSWORD) };
  };
  const reporter = await account('reporter', village.code);
  const siblingLeader = await account('leader', '06709');
  const provinceLeader = await account('leader', '22');
  const units = {
    mc1: await unitId(db.db, '06712'),
    mc2: await unitId(db.db, '06709'),
    province: await unitId(db.db, '22'),
  };
  const indicators = {
    registered: await addReportIndicator(db.db, { code: 'HO_DANG_KY', name: 'Số hộ đăng ký xây dựng hộ mẫu' }),
    reached: await addReportIndicator(db.db, { code: 'HO_DAT', name: 'Số hộ mẫu đạt chuẩn' }),
    dossiers: await addReportIndicator(db.db, {
      code: 'HS_TT',
      name: 'Số hồ sơ hỗ trợ trực tuyến',
      breakdown: 'organisation',
    }),
    share: await addReportIndicator(db.db, { code: 'TY_LE', name: 'Tỷ lệ hộ tham gia', valueType: 'percentage' }),
    note: await addReportIndicator(db.db, { code: 'GHI_CHU', name: 'Ghi chú', valueType: 'text' }),
  };
  const form = await addReportForm(db.db, {
    code: 'BC_THANG',
    name: 'Báo cáo tháng',
    indicators: [
      { id: indicators.registered, required: true },
      { id: indicators.reached },
      { id: indicators.dossiers },
      { id: indicators.share },
      { id: indicators.note },
    ],
  });
  return {
    ...f,
    village,
    units,
    reporter,
    wardLeader: f.leader,
    siblingLeader,
    provinceLeader,
    indicators,
    form,
  };
}
export type ReportingFixture = Awaited<ReturnType<typeof reportingFixture>>;

async function unitId(db: Database, code: string): Promise<string> {
  const r = await db
    .selectFrom('unit_tree')
    .select('unit_id')
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  return r.unit_id;
}

export async function addReportIndicator(
  db: Database,
  s: {
    code: string;
    name: string;
    valueType?: 'integer' | 'money' | 'decimal' | 'percentage' | 'boolean' | 'text';
    breakdown?: 'organisation';
  },
): Promise<string> {
  return (
    await db
      .insertInto('indicators')
      .values({
        code: s.code,
        name: s.name,
        measure: s.valueType === 'text' ? null : 'hộ',
        value_type: s.valueType ?? 'integer',
        tree_aggregation: s.valueType === 'text' ? 'none' : 'sum',
        time_aggregation: s.valueType === 'text' ? 'none' : 'sum',
        breakdown: s.breakdown ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A form with one version (in force since always unless `validFrom`), its indicators in order. */
export async function addReportForm(
  db: Database,
  s: {
    code: string;
    name: string;
    periodType?: 'month' | 'quarter' | 'half' | 'year';
    submitter?: 'unit' | 'body';
    unitKinds?: string[];
    bodyKinds?: string[];
    windowDay?: number | null;
    dueDays?: number;
    lockDays?: number | null;
    validFrom?: string | null;
    indicators: { id: string; required?: boolean }[];
  },
): Promise<{ id: string; versionId: string }> {
  const id = (
    await db
      .insertInto('report_forms')
      .values({ code: s.code, name: s.name, period_type: s.periodType ?? 'month' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const versionId = (
    await db
      .insertInto('report_form_versions')
      .values({
        form_id: id,
        valid_from: s.validFrom ?? null,
        submitter: s.submitter ?? 'unit',
        unit_kinds: s.unitKinds ?? ['quarter', 'village', 'commune', 'ward'],
        body_kinds: s.bodyKinds ?? [],
        window_day: s.windowDay === undefined ? 15 : s.windowDay,
        due_days: s.dueDays ?? 5,
        lock_days: s.lockDays === undefined ? 10 : s.lockDays,
        sections: JSON.stringify([{ key: 'results', title: 'Kết quả đạt được' }]),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const [position, ind] of s.indicators.entries())
    await db
      .insertInto('report_form_indicators')
      .values({ form_version_id: versionId, indicator_id: ind.id, position, required: ind.required ?? false })
      .execute();
  return { id, versionId };
}

type Value = { indicatorId: string; category?: string; value?: number | null; text?: string | null };
type Detail = { id: string; version: number; status: string } & Record<string, unknown>;

/** Calls the reporting API and expects success. */
export async function reportingCall<T = Detail>(
  t: TestApp,
  session: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
): Promise<T> {
  const r = await call(t.app, { method, url: `/api/reporting${url}`, session, body });
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
  return r.json<T>();
}

/** An administrator of the test app who approves the reports whose test names no reviewer (whoever submitted a
 * report does not approve it). */
const spareReviewers = new WeakMap<TestApp, Promise<Session>>();
function spareReviewer(t: TestApp): Promise<Session> {
  let s = spareReviewers.get(t);
  if (!s) spareReviewers.set(t, (s = signInAdmin(t)));
  return s;
}

/** A report of a form for a period, through the API, carried as far as `until`: a draft with its values, submitted
 * (by the reporter) or approved (by the reviewer; without one, by another administrator). */
export async function buildReport(
  t: TestApp,
  s: {
    formId: string;
    periodId: string;
    unitId: string;
    bodyId?: string;
    values: Value[];
    reporter: Session;
    reviewer?: Session;
    until?: 'draft' | 'submitted' | 'approved';
  },
): Promise<Detail> {
  let d = await reportingCall(t, s.reporter, 'POST', '/submissions', {
    formId: s.formId,
    periodId: s.periodId,
    unitId: s.unitId,
    ...(s.bodyId ? { bodyId: s.bodyId } : {}),
  });
  d = await reportingCall(t, s.reporter, 'PUT', `/submissions/${d.id}/values`, {
    version: d.version,
    values: s.values,
  });
  if ((s.until ?? 'approved') === 'draft') return d;
  d = await reportingCall(t, s.reporter, 'POST', `/submissions/${d.id}/submit`, { version: d.version });
  if (s.until === 'submitted') return d;
  const reviewer = s.reviewer ?? (await spareReviewer(t));
  return reportingCall(t, reviewer, 'POST', `/submissions/${d.id}/approve`, { version: d.version });
}

/** What the scope matrix needs of reporting: reports of Phường Móng Cái 1 (February 2026), or (`predecessor`) of
 * Phường Trà Cổ before the reform (June 2025), made by an administrator and carried to a status, each on a fresh form
 * that never locks (one report per form, period and unit). */
export function matrixReports(t: () => TestApp, admin: () => Session) {
  let setup: Promise<{ indicatorId: string; mc1: string; traCo: string }> | null = null;
  let n = 0;
  const ready = () =>
    (setup ??= (async () => {
      const db = t().db.db;
      const unit = async (code: string, day: string) =>
        (
          await db
            .selectFrom('unit_tree')
            .select('unit_id')
            .where('code', '=', code)
            .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
            .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
            .executeTakeFirstOrThrow()
        ).unit_id;
      return {
        indicatorId: await addReportIndicator(db, { code: 'MA_TRAN_HS', name: 'Hồ sơ (ma trận)' }),
        mc1: await unit('06712', '2026-03-02'),
        traCo: await unit('06721', '2025-06-01'),
      };
    })());
  /** What a new report names: a fresh form, the month and the unit. */
  const target = async (predecessor: boolean) => {
    const s = await ready();
    const form = await addReportForm(t().db.db, {
      code: `BC_MA_TRAN_${++n}`,
      name: `Báo cáo ma trận ${n}`,
      lockDays: null,
      indicators: [{ id: s.indicatorId, required: true }],
    });
    return {
      formId: form.id,
      periodId: predecessor ? '202506' : '202602',
      unitId: predecessor ? s.traCo : s.mc1,
    };
  };
  return {
    target,
    indicatorId: async () => (await ready()).indicatorId,
    report: async (predecessor: boolean, until: 'draft' | 'submitted' | 'approved') =>
      buildReport(t(), {
        ...(await target(predecessor)),
        values: [{ indicatorId: (await ready()).indicatorId, value: 7 }],
        reporter: admin(),
        until,
      }),
  };
}
