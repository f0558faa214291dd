import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { buildProgramme } from '../../../test/work-fixture.ts';
import { buildReport, reportingFixture, type ReportingFixture } from '../reporting/reporting.testkit.ts';

type Reported = {
  indicatorCode: string;
  unitCode: string | null;
  period: string;
  periodLabel: string;
  value: number | null;
  target: number | null;
  targetFromReporting: boolean;
  percentOfTarget: number | null;
  difference: number | null;
  approvedReports: number;
};
type Task = {
  id: string;
  version: number;
  title: string;
  targetValue: number | null;
  targetUnit: string | null;
  resultValue: number | null;
  reported: Reported | null;
};

describe('a task naming a reporting indicator takes its result and % of plan from the approved reports', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let fx: ReportingFixture;
  let programme: { id: string; groups: { id: string }[] };

  beforeAll(async () => {
    fx = await reportingFixture(t());
    programme = await buildProgramme(t().app, fx.leader.session, fx.bodies.mc1);
  }, 120_000);

  const api = (session: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) =>
    call(t().app, { method, url, session, body });
  const newTask = (over: Record<string, unknown>) =>
    api(fx.leader.session, 'POST', '/api/tasks', {
      programmeId: programme.id,
      groupId: programme.groups[0]!.id,
      kind: 'shared',
      title: 'Vận động hộ đăng ký xây dựng hộ mẫu',
      leadBodyId: fx.bodies.mc1,
      startDate: '2026-03-01',
      dueDate: '2026-03-31',
      assign: true,
      ...over,
    });
  const taskOf = async (id: string): Promise<Task> => {
    const r = await api(fx.leader.session, 'GET', `/api/tasks/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ task: Task }>().task;
  };
  /** A March report of `unitId` with that many registered households, approved by its reviewer. */
  const approveMarch = (unitId: string, reporter: Session, reviewer: Session, value: number) =>
    buildReport(t(), {
      formId: fx.form.id,
      periodId: '202603',
      unitId,
      values: [{ indicatorId: fx.indicators.registered, value }],
      reporter,
      reviewer,
    });

  it('shows the approved total of its unit’s subtree over its months, and a new approval at once', async () => {
    const created = await newTask({
      targetValue: 22000,
      targetUnit: 'hộ',
      targetIndicatorId: fx.indicators.registered,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ task: Task }>().task.id;
    // nothing approved yet: no result, whatever was entered by hand
    let task = await taskOf(id);
    expect(task.reported).toMatchObject({
      indicatorCode: 'HO_DANG_KY',
      unitCode: '06712',
      period: '202603',
      periodLabel: 'Tháng 3/2026',
      value: null,
      target: 22000,
      percentOfTarget: null,
      approvedReports: 0,
    });
    const edited = await api(fx.leader.session, 'PATCH', `/api/tasks/${id}`, { version: task.version, resultValue: 5 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<{ task: Task }>().task.resultValue).toBeNull();

    // a village of the ward reports 36,793 and the ward approves it
    await approveMarch(fx.village.id, fx.reporter.session, fx.wardLeader.session, 36793);
    task = await taskOf(id);
    expect([task.resultValue, task.targetValue, task.targetUnit]).toEqual([36793, 22000, 'hộ']);
    expect(task.reported).toMatchObject({
      value: 36793,
      percentOfTarget: 167.2,
      difference: 14793,
      approvedReports: 1,
    });
    const list = await api(fx.leader.session, 'GET', `/api/tasks?programmeId=${programme.id}`);
    const listed = list.json<{ items: Task[] }>().items.find((x) => x.id === id)!;
    expect([listed.resultValue, listed.reported?.percentOfTarget]).toEqual([36793, 167.2]);

    // the ward's own report, approved by the province, counts at once
    await approveMarch(fx.units.mc1, fx.wardLeader.session, fx.provinceLeader.session, 1000);
    task = await taskOf(id);
    expect(task.reported).toMatchObject({
      value: 37793,
      percentOfTarget: 171.8,
      difference: 15793,
      approvedReports: 2,
    });

    // the Excel table of the programme shows the same figures
    const xlsx = await api(fx.leader.session, 'GET', `/api/programmes/${programme.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      const values = (row.values as unknown[]).filter((v): v is string => typeof v === 'string');
      if (values.includes(task.title)) cells.push(...values);
    });
    expect(cells).toEqual(expect.arrayContaining(['37.793 hộ', 'đạt 171,8%, vượt 15.793 hộ so với KH']));
  });

  it('takes reporting’s target when it has none, for the period and unit it names', async () => {
    const put = await api(fx.admin, 'PUT', '/api/reporting/targets', {
      indicatorId: fx.indicators.registered,
      unitId: fx.units.mc1,
      periodId: '2026',
      value: 40000,
    });
    expect(put.statusCode, put.body).toBeLessThan(300);
    const created = await newTask({
      targetIndicatorId: fx.indicators.registered,
      targetIndicatorUnitId: fx.units.mc1,
      targetIndicatorPeriod: '2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json<{ task: Task }>().task;
    expect([task.resultValue, task.targetValue, task.targetUnit]).toEqual([37793, 40000, 'hộ']);
    expect(task.reported).toMatchObject({
      period: '2026',
      targetFromReporting: true,
      percentOfTarget: 94.5,
      difference: -2207,
    });
    // without the indicator, the task is back to its own (empty) figures
    const off = await api(fx.leader.session, 'PATCH', `/api/tasks/${task.id}`, {
      version: task.version,
      targetIndicatorId: null,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<{ task: Task }>().task).toMatchObject({ reported: null, resultValue: null, targetValue: null });
  });

  it('keeps an indicator a task takes its result from: deleting it is refused as in use', async () => {
    const made = await api(fx.admin, 'POST', '/api/reporting/indicators', {
      code: 'HO_THAM_GIA_MOI',
      name: 'Số hộ tham gia mới',
      valueType: 'integer',
      treeAggregation: 'sum',
      timeAggregation: 'sum',
    });
    expect(made.statusCode, made.body).toBe(201);
    const indicator = made.json<{ id: string; version: number }>();
    expect((await newTask({ targetIndicatorId: indicator.id })).statusCode).toBe(201);
    const del = await call(t().app, {
      method: 'DELETE',
      url: `/api/reporting/indicators/${indicator.id}`,
      session: fx.admin,
      body: { version: indicator.version },
    });
    expect(del.statusCode, del.body).toBe(409);
    expect(del.json<{ error: { code: string; issues: { message: string }[] } }>().error).toMatchObject({
      code: 'IN_USE',
      issues: [{ message: 'Một nhiệm vụ lấy kết quả từ chỉ tiêu này.' }],
    });
  });

  it('refuses an unknown, deleted or non-numeric indicator, a unit outside the programme’s and a bad period', async () => {
    const refused = async (over: Record<string, unknown>) => {
      const r = await newTask(over);
      return [r.statusCode, r.json<{ error: { field?: string } }>().error.field];
    };
    expect(await refused({ targetIndicatorId: '00000000-0000-4000-8000-00000000beef' })).toEqual([
      404,
      'targetIndicatorId',
    ]);
    const gone = await api(fx.admin, 'POST', '/api/reporting/indicators', {
      code: 'HO_XOA',
      name: 'Chỉ tiêu sẽ xóa',
      valueType: 'integer',
      treeAggregation: 'sum',
      timeAggregation: 'sum',
    });
    expect(gone.statusCode, gone.body).toBe(201);
    const del = await call(t().app, {
      method: 'DELETE',
      url: `/api/reporting/indicators/${gone.json<{ id: string }>().id}`,
      session: fx.admin,
      body: { version: gone.json<{ version: number }>().version },
    });
    expect(del.statusCode, del.body).toBeLessThan(300);
    expect(await refused({ targetIndicatorId: gone.json<{ id: string }>().id })).toEqual([404, 'targetIndicatorId']);
    expect(await refused({ targetIndicatorId: fx.indicators.note })).toEqual([400, 'targetIndicatorId']);
    expect(await refused({ targetIndicatorId: fx.indicators.registered, targetIndicatorUnitId: fx.units.mc2 })).toEqual(
      [404, 'targetIndicatorUnitId'],
    );
    expect(await refused({ targetIndicatorId: fx.indicators.registered, targetIndicatorPeriod: '202613' })).toEqual([
      400,
      'targetIndicatorPeriod',
    ]);
    expect(await refused({ targetIndicatorPeriod: '2026' })).toEqual([400, 'targetIndicatorPeriod']);
    // an edit is refused alike
    const ok = await newTask({});
    const task = ok.json<{ task: Task }>().task;
    const edit = await api(fx.leader.session, 'PATCH', `/api/tasks/${task.id}`, {
      version: task.version,
      targetIndicatorId: fx.indicators.note,
    });
    expect([edit.statusCode, edit.json<{ error: { field?: string } }>().error.field]).toEqual([
      400,
      'targetIndicatorId',
    ]);
  });
});
