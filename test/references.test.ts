import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../server/features/work-exports/programme.xlsx.ts';
import { REF_KINDS, type RefKind } from '../server/http/schemas.ts';
import { call, type Session } from './app.ts';
import { buildAccount } from './factories.ts';
import { useTestApp } from './app.ts';
import type { Schema } from './openapi-arbitraries.ts';
import { openApiDocument, operationsOf, type OpenApiDoc } from './openapi.ts';
import { PNG, uploadFile, workFixture, type WorkFixture } from './work-fixture.ts';
import { buildReport } from '../server/features/reporting/reporting.testkit.ts';
import { otherClearanceRecords, referenceClearance } from '../server/features/clearance/clearance.testkit.ts';
import { referencePetitions, seedPetition } from '../server/features/petitions/petitions.testkit.ts';
import { referencePublicPetitions } from '../server/features/petitions-public/petitions-public.testkit.ts';

/** Generated from the OpenAPI document: every id a request names is marked with the kind of record it names
 * (x-khoi-ref), and every such field of every write route, given another ward's record of that kind, is refused and
 * writes nothing — exactly as a missing record is refused, so that ids cannot be probed. A write route with an id
 * field and no base request below fails the suite, as does an id field left unmarked. */

type Field = { path: string[]; kind: RefKind; where: 'body' | 'form'; uuid?: boolean };
type Op = { method: string; route: string; fields: Field[] };
type Req = {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: Record<string, unknown>;
  form?: Record<string, string>;
  /** the file part of a form (default: the programme sheet) */
  file?: Buffer;
  session: Session;
};

const MISSING: Record<RefKind, string> = Object.fromEntries(
  REF_KINDS.map((k) => [k, k === 'unit' ? '99999' : '00000000-0000-4000-8000-00000000beef']),
) as Record<RefKind, string>;
/** The unit catalogue is read by every account: another ward's unit may be refused as forbidden (403). */
const PUBLIC_KINDS: RefKind[] = ['unit', 'village'];

/** The id fields of a schema, as paths ('[]' for an array's items). An id field without its kind is an error. */
function idFields(s: Schema | undefined, path: string[], where: Field['where'], out: Field[], unmarked: string[]) {
  if (!s) return;
  if (s['x-khoi-ref']) out.push({ path, kind: s['x-khoi-ref'] as RefKind, where, uuid: s.format === 'uuid' });
  else if (s.format === 'uuid') unmarked.push(path.join('.'));
  for (const [k, v] of Object.entries(s.properties ?? {})) idFields(v, [...path, k], where, out, unmarked);
  if (s.items) idFields(s.items, [...path, '[]'], where, out, unmarked);
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
    idFields(alt, path, where, out, unmarked);
}

/** The id fields of every operation (body, query, form), and those left unmarked. */
function operations(doc: OpenApiDoc) {
  const ops: Op[] = [];
  const unmarked: string[] = [];
  for (const { method, path, route, op } of operationsOf(doc)) {
    const fields: Field[] = [];
    const bad: string[] = [];
    for (const p of op.parameters ?? []) if (p.in === 'query') idFields(p.schema, [p.name], 'body', [], bad);
    idFields(op.requestBody?.content['application/json']?.schema, [], 'body', fields, bad);
    idFields(op.requestBody?.content['multipart/form-data']?.schema, [], 'form', fields, bad);
    unmarked.push(...bad.map((b) => `${method} ${path} ${b}`));
    ops.push({ method, route, fields });
  }
  return { ops, unmarked };
}

/** The request with one field set: `cooperators.[].bodyId` sets the first cooperator's (the base must have one). */
function withField(req: Req, f: Field, value: string): Req {
  if (f.where === 'form') return { ...req, form: { ...req.form, [f.path[0]!]: value } };
  const body = structuredClone(req.body ?? {});
  let node: Record<string, unknown> | unknown[] = body;
  for (const [i, key] of f.path.entries()) {
    const last = i === f.path.length - 1;
    const k = key === '[]' ? 0 : key;
    if (last) {
      node[k] = key === '[]' ? value : value;
      break;
    }
    const next = (node as Record<string | number, unknown>)[k];
    if (next === undefined || next === null)
      throw new Error(`the base request has no ${f.path.slice(0, i + 1).join('.')} to set ${f.path.join('.')} in`);
    node = next as Record<string, unknown>;
  }
  return { ...req, body };
}
const fieldName = (f: Field) => f.path.map((p) => (p === '[]' ? '0' : p)).join('.');

describe('references: every id a write names is resolved through the caller’s scope', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: WorkFixture;
  let n = 0;
  let year = 2030;
  const own = { programme: '', group: '', task: '', villageCode: '' };
  const reporting = { indicator: '', form: '' };
  const reportVersion = (indicatorId: string) => ({
    submitter: 'unit',
    unitKinds: ['ward'],
    bodyKinds: [],
    windowDay: 15,
    dueDays: 3,
    lockDays: null,
    sections: [],
    indicators: [{ indicatorId, required: true }],
  });
  const reportForm = (code: string, indicatorId: string) => ({
    code,
    name: `Mẫu ${code}`,
    periodType: 'month',
    firstVersion: reportVersion(indicatorId),
  });
  /** A fresh indicator of Móng Cái 1's leader (every account holding reporting.manage manages them). */
  const reportIndicator = async (over: Record<string, unknown> = {}) =>
    ok<{ id: string; version: number }>(f.leader.session, 'POST', '/api/reporting/indicators', {
      code: `REF_${++n}`,
      name: 'Chỉ tiêu',
      valueType: 'integer',
      treeAggregation: 'sum',
      timeAggregation: 'sum',
      ...over,
    });
  const other = {} as Record<RefKind, string>;
  const freshReportForm = async () =>
    (await ok<{ id: string }>(f.admin, 'POST', '/api/reporting/forms', reportForm(`REF-B${++n}`, reporting.indicator)))
      .id;
  const report = async (session: Session, until: 'draft' | 'approved') =>
    buildReport(t(), {
      formId: await freshReportForm(),
      periodId: '202602',
      unitId: mc1.unitId,
      values: [{ indicatorId: reporting.indicator, value: ++n }],
      reporter: session,
      until,
    });
  let otherUnitId = '';
  /** Móng Cái 1's unit id, and a target of it a leader there splits (reporting targets). */
  const mc1 = { unitId: '', targetId: '' };
  let sheet = Buffer.alloc(0);

  const api = async (session: Session, method: Req['method'] | 'GET', url: string, body?: unknown) =>
    call(t().app, { method, url, session, body });
  const ok = async <T = Record<string, unknown>>(
    session: Session,
    method: Req['method'],
    url: string,
    body?: unknown,
  ): Promise<T> => {
    const r = await api(session, method, url, body);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json<T>();
  };
  const send = (req: Req) => {
    if (!req.form) return api(req.session, req.method, req.url, req.body);
    const b = 'refs-boundary';
    const parts = Object.entries(req.form).map(
      ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const payload = Buffer.concat([
      Buffer.from(`${parts.join('')}--${b}\r\nContent-Disposition: form-data; name="file"; filename="ct.xlsx"\r\n\r\n`),
      req.file ?? sheet,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    return t().app.inject({
      method: req.method,
      url: req.url,
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${b}`,
        cookie: `khoi_session=${req.session.cookie}`,
        'x-csrf-token': req.session.csrf,
      },
    });
  };
  /** Rows that any write leaves: audit rows (every table has its trigger) and stored files. */
  const written = async () =>
    (
      await sql<{ n: string }>`select (select count(*) from audit_log) + (select count(*) from files) as n`.execute(
        t().db.db,
      )
    ).rows[0]!.n;

  const task = async (over: Record<string, unknown> = {}) =>
    await ok<{ task: { id: string; version: number }; cooperators: { id: string }[] }>(
      f.leader.session,
      'POST',
      '/api/tasks',
      {
        programmeId: own.programme,
        kind: 'shared',
        title: `Việc ${++n}`,
        leadBodyId: f.bodies.mc1,
        cooperators: [],
        ...over,
      },
    );
  const upload = async (session: Session) =>
    (await uploadFile(t().app, session, 'anh.png', PNG)).json<{ id: string }>().id;
  const briefing = async () =>
    ok<{ briefing: { id: string; version: number }; conclusions: { id: string }[] }>(
      f.leader.session,
      'POST',
      '/api/briefings',
      { bodyId: f.bodies.mc1, heldOn: '2026-02-20', title: `Giao ban ${++n}`, conclusions: ['Kết luận'] },
    );
  const village = async (parentCode: string, extra: Record<string, unknown> = {}) =>
    ok<{ unit: { id: string; code: string }; version: number }>(f.admin, 'POST', '/api/villages', {
      parentCode,
      name: `Khu Thử ${++n}`,
      kind: 'quarter',
      ...extra,
    });
  const person = async (bodyId: string) => {
    const p = await ok<{ id: string }>(f.admin, 'POST', '/api/people', { fullName: `Người ${++n}` });
    await ok(f.admin, 'POST', `/api/people/${p.id}/positions`, { bodyId, title: 'Ủy viên' });
    return p.id;
  };
  const account = async () => (await buildAccount(t().ctx)).id;
  /** A key project of a body (for petitions naming one). */
  let ownProject: string | undefined;
  const petitionProject = async (bodyId: string) =>
    (
      await ok<{ project: { id: string } }>(f.admin, 'POST', '/api/key-projects', {
        bodyId,
        code: `REF-DA-${++n}`,
        name: 'Dự án',
        startDate: '2026-01-01',
        plannedCompletionDate: '2026-12-31',
      })
    ).project.id;

  beforeAll(async () => {
    f = await workFixture(t());
    const db = t().db.db;
    // Móng Cái 1's own records.
    own.programme = (
      await ok<{ id: string }>(f.admin, 'POST', '/api/programmes', {
        bodyId: f.bodies.mc1,
        year: 2026,
        title: 'Chương trình 2026',
        groups: ['Nhóm một'],
      })
    ).id;
    own.group = (
      await ok<{ groups: { id: string }[] }>(f.admin, 'GET' as 'POST', `/api/programmes/${own.programme}`)
    ).groups[0]!.id;
    own.task = (await task()).task.id;
    const v = await village('06712');
    own.villageCode = v.unit.code;
    await db
      .insertInto('bodies')
      .values({
        unit_id: v.unit.id,
        kind: 'front_work_committee',
        name: `Ban công tác Mặt trận ${v.unit.code}`,
        parent_id: f.bodies.mc1,
      })
      .execute();
    // Móng Cái 2's records of every kind.
    const mc2Women = (
      await db
        .insertInto('bodies')
        .values({
          unit_id: (
            await db.selectFrom('bodies').select('unit_id').where('id', '=', f.bodies.mc2).executeTakeFirstOrThrow()
          ).unit_id,
          kind: 'womens_union',
          name: 'Hội LHPN Phường Móng Cái 2',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const programme = await ok<{ id: string }>(f.admin, 'POST', '/api/programmes', {
      bodyId: f.bodies.mc2,
      year: 2026,
      title: 'Chương trình 2026',
      groups: ['Nhóm một'],
    });
    const group = (await ok<{ groups: { id: string }[] }>(f.admin, 'GET' as 'POST', `/api/programmes/${programme.id}`))
      .groups[0]!.id;
    const otherTask = await ok<{ task: { id: string }; cooperators: { id: string }[] }>(f.admin, 'POST', '/api/tasks', {
      programmeId: programme.id,
      kind: 'shared',
      title: 'Việc phường bạn',
      leadBodyId: f.bodies.mc2,
      cooperators: [{ bodyId: mc2Women }],
    });
    const b = await ok<{ conclusions: { id: string }[]; briefing: { id: string } }>(f.admin, 'POST', '/api/briefings', {
      bodyId: f.bodies.mc2,
      heldOn: '2026-02-20',
      title: 'Giao ban phường bạn',
      conclusions: ['Kết luận'],
    });
    Object.assign(other, {
      account: f.sibling.id,
      body: f.bodies.mc2,
      briefing: b.briefing.id,
      conclusion: b.conclusions[0]!.id,
      cooperator: otherTask.cooperators[0]!.id,
      file: await upload(f.sibling.session),
      person: await person(f.bodies.mc2),
      programme: programme.id,
      task: otherTask.task.id,
      taskGroup: group,
      unit: '06709',
      village: (await village('06709')).unit.id,
    } satisfies Partial<Record<RefKind, string>>);
    // Site clearance and dialogues: Móng Cái 2's project, household and a dialogue's outcome.
    Object.assign(other, await otherClearanceRecords(t(), f.admin, f));
    // Indicators and report forms are reference data every account reads: no ward has its own, so the other record
    // a write may not name is a deleted one, refused exactly as a missing one.
    const indicator = async (code: string) =>
      (
        await ok<{ id: string }>(f.admin, 'POST', '/api/reporting/indicators', {
          code,
          name: `Chỉ tiêu ${code}`,
          valueType: 'integer',
          treeAggregation: 'sum',
          timeAggregation: 'sum',
        })
      ).id;
    reporting.indicator = await indicator('REF_CT');
    const unitId = async (code: string) =>
      (
        await sql<{
          unit_id: string;
        }>`select unit_id from unit_tree where code = ${code} and (valid_to is null or valid_to > '2026-03-02') and (valid_from is null or valid_from <= '2026-03-02')`.execute(
          db,
        )
      ).rows[0]!.unit_id;
    otherUnitId = await unitId('06709');
    mc1.unitId = await unitId('06712');
    mc1.targetId = (
      await ok<{ id: string }>(f.admin, 'PUT', '/api/reporting/targets', {
        indicatorId: reporting.indicator,
        unitId: mc1.unitId,
        periodId: '2026',
        value: 10,
      })
    ).id;
    reporting.form = (
      await ok<{ id: string }>(f.admin, 'POST', '/api/reporting/forms', reportForm('REF-MAU', reporting.indicator))
    ).id;
    other.indicator = await indicator('REF_CT_XOA');
    other.reportForm = (
      await ok<{ id: string }>(f.admin, 'POST', '/api/reporting/forms', reportForm('REF-MAU-XOA', reporting.indicator))
    ).id;
    await db.updateTable('indicators').set({ deleted_at: new Date() }).where('id', '=', other.indicator).execute();
    await db.updateTable('report_forms').set({ deleted_at: new Date() }).where('id', '=', other.reportForm).execute();
    other.submission = (
      await buildReport(t(), {
        formId: reporting.form,
        periodId: '202601',
        unitId: otherUnitId,
        values: [],
        reporter: f.sibling.session,
        until: 'draft',
      })
    ).id;
    // Petitions: a case of Móng Cái 2 (and, unless set above, a key project of Móng Cái 2).
    other.petition = (await seedPetition(db, { bodyId: f.bodies.mc2 })).id;
    other.keyProject ??= await petitionProject(f.bodies.mc2);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chương trình');
    ws.addRow(COLUMNS.map((c) => c.header));
    ws.addRow(['1', 'Nhóm một', 'Việc nhập từ tệp', '', 'Ủy ban MTTQ Phường Móng Cái 1']);
    sheet = Buffer.from(await wb.xlsx.writeBuffer());
  }, 120_000);

  /** A fresh request that succeeds for Móng Cái 1's leader (or, for an administrators' route, an administrator), with
   * every id field it can name filled with a record of its own scope. */
  const taskFields = () => ({
    parentId: own.task,
    groupId: own.group,
    kind: 'shared',
    leadBodyId: f.bodies.mc1Women,
    responsiblePersonId: f.officer.personId,
    assigneeAccountId: f.officer.id,
    cooperators: [{ bodyId: f.bodies.mc1Youth, personId: f.villageHead }],
  });
  const bases: Record<string, () => Req | Promise<Req>> = {
    ...referenceClearance({
      t,
      f: () => f,
      programme: () => own.programme,
      task: () => own.task,
      unitId: () => mc1.unitId,
    }),
    ...referencePublicPetitions({
      t,
      admin: () => f.admin,
      bodyId: () => f.bodies.mc1,
      unitId: () => mc1.unitId,
    }),
    ...referencePetitions({
      t,
      leader: () => f.leader.session,
      officerId: () => f.officer.id,
      bodies: () => f.bodies,
      upload: () => upload(f.leader.session),
      project: async () => (ownProject ??= await petitionProject(f.bodies.mc1)),
    }),
    'POST /api/reporting/indicators': () => ({
      method: 'POST',
      url: '/api/reporting/indicators',
      session: f.leader.session,
      body: {
        code: `REF_${++n}`,
        name: 'Xã đạt',
        valueType: 'integer',
        treeAggregation: 'sum',
        timeAggregation: 'sum',
        kind: 'coverage',
        coverage: { sourceId: reporting.indicator, min: 1, level: 3 },
      },
    }),
    'PATCH /api/reporting/indicators/:id': async () => {
      const i = await reportIndicator();
      return {
        method: 'PATCH',
        url: `/api/reporting/indicators/${i.id}`,
        session: f.leader.session,
        body: {
          version: i.version,
          kind: 'coverage',
          coverage: { sourceId: reporting.indicator, min: null, level: 4 },
        },
      };
    },
    'POST /api/reporting/forms': () => ({
      method: 'POST',
      url: '/api/reporting/forms',
      session: f.leader.session,
      body: reportForm(`REF-${++n}`, reporting.indicator),
    }),
    'POST /api/reporting/forms/:id/versions': () => ({
      method: 'POST',
      url: `/api/reporting/forms/${reporting.form}/versions`,
      session: f.leader.session,
      body: { validFrom: `${++year}-01-01`, ...reportVersion(reporting.indicator) },
    }),
    'PATCH /api/reporting/forms/:id/versions/:versionId': async () => {
      const form = await ok<{ id: string; versions: { id: string; version: number }[] }>(
        f.leader.session,
        'POST',
        '/api/reporting/forms',
        reportForm(`REF-${++n}`, reporting.indicator),
      );
      return {
        method: 'PATCH',
        url: `/api/reporting/forms/${form.id}/versions/${form.versions[0]!.id}`,
        session: f.leader.session,
        body: {
          version: form.versions[0]!.version,
          indicators: [{ indicatorId: reporting.indicator, required: false }],
        },
      };
    },
    'POST /api/reporting/rules': async () => ({
      method: 'POST',
      url: '/api/reporting/rules',
      session: f.leader.session,
      body: {
        formId: reporting.form,
        indicatorId: reporting.indicator,
        kind: 'compare',
        op: '<=',
        otherIndicatorId: (await reportIndicator()).id,
        severity: 'warning',
      },
    }),
    'PATCH /api/reporting/rules/:id': async () => {
      const rule = await ok<{ id: string; version: number }>(f.leader.session, 'POST', '/api/reporting/rules', {
        indicatorId: (await reportIndicator()).id,
        kind: 'history',
        factor: 3,
        severity: 'warning',
      });
      return {
        method: 'PATCH',
        url: `/api/reporting/rules/${rule.id}`,
        session: f.leader.session,
        body: {
          version: rule.version,
          formId: reporting.form,
          indicatorId: reporting.indicator,
          kind: 'compare',
          op: '>',
          otherIndicatorId: (await reportIndicator()).id,
        },
      };
    },
    // A target of a new quarter of Móng Cái 1, set by the ward's leader (it manages reporting over the parent).
    'PUT /api/reporting/targets': async () => ({
      method: 'PUT',
      url: '/api/reporting/targets',
      session: f.leader.session,
      body: { indicatorId: reporting.indicator, unitId: (await village('06712')).unit.id, periodId: '2026', value: 3 },
    }),
    'POST /api/reporting/targets/:id/split': async () => ({
      method: 'POST',
      url: `/api/reporting/targets/${mc1.targetId}/split`,
      session: f.leader.session,
      body: { method: 'manual', shares: [{ unitId: (await village('06712')).unit.id, value: 10 }] },
    }),
    // Reports of Móng Cái 1 for February 2026, each on a new form (one report per form, period and unit).
    'POST /api/reporting/submissions': async () => ({
      method: 'POST',
      url: '/api/reporting/submissions',
      session: f.leader.session,
      body: { formId: await freshReportForm(), periodId: '202602', unitId: mc1.unitId },
    }),
    'PUT /api/reporting/submissions/:id/values': async () => {
      const d = await report(f.leader.session, 'draft');
      return {
        method: 'PUT',
        url: `/api/reporting/submissions/${d.id}/values`,
        session: f.leader.session,
        body: { version: d.version, values: [{ indicatorId: reporting.indicator, value: 4 }] },
      };
    },
    // Two approved reports of the same figure (the ward's are decided by the province: an administrator here).
    'POST /api/reporting/submissions/:id/conflicts/choose': async () => {
      await report(f.admin, 'approved');
      const d = await report(f.admin, 'approved');
      return {
        method: 'POST',
        url: `/api/reporting/submissions/${d.id}/conflicts/choose`,
        session: f.admin,
        body: { version: d.version, indicatorId: reporting.indicator, category: '' },
      };
    },
    // The ward's leader reopens a locked month for one of its villages.
    'POST /api/reporting/forms/:id/periods/:periodId/reopen': async () => ({
      method: 'POST',
      url: `/api/reporting/forms/${reporting.form}/periods/202602/reopen`,
      session: f.leader.session,
      body: {
        reason: 'Gửi muộn',
        until: '2026-03-10',
        unitId: (await village('06712', { validFrom: '2025-08-01' })).unit.id,
      },
    }),
    'POST /api/reporting/completeness/remind': () => ({
      method: 'POST',
      url: '/api/reporting/completeness/remind',
      session: f.leader.session,
      body: { formId: reporting.form, periodId: '202601', unitId: mc1.unitId },
    }),
    'POST /api/programmes': () => ({
      method: 'POST',
      url: '/api/programmes',
      session: f.leader.session,
      body: { bodyId: f.bodies.mc1, year: ++year, title: 'Chương trình chép', copyFromId: own.programme },
    }),
    'POST /api/reporting/import': async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Số liệu').addRows([
        ['Mã đơn vị', 'Mã chỉ tiêu', 'Giá trị'],
        ['06712', 'REF_CT', ++n],
      ]);
      return {
        method: 'POST',
        url: '/api/reporting/import',
        session: f.leader.session,
        form: { formId: await freshReportForm(), periodId: '202602' },
        file: Buffer.from(await wb.xlsx.writeBuffer()),
      };
    },
    'POST /api/programmes/import': () => ({
      method: 'POST',
      url: '/api/programmes/import',
      session: f.leader.session,
      form: { bodyId: f.bodies.mc1, year: String(++year), title: 'Chương trình nhập' },
    }),
    'POST /api/programmes/:id/groups': () => ({
      method: 'POST',
      url: `/api/programmes/${own.programme}/groups`,
      session: f.leader.session,
      body: { name: `Nhóm ${++n}`, leadBodyId: f.bodies.mc1Women },
    }),
    'PATCH /api/task-groups/:id': async () => {
      const g = await ok<{ id: string; version: number }>(
        f.leader.session,
        'POST',
        `/api/programmes/${own.programme}/groups`,
        { name: `Nhóm ${++n}` },
      );
      return {
        method: 'PATCH',
        url: `/api/task-groups/${g.id}`,
        session: f.leader.session,
        body: { version: g.version, leadBodyId: f.bodies.mc1Women },
      };
    },
    'POST /api/tasks': () => ({
      method: 'POST',
      url: '/api/tasks',
      session: f.leader.session,
      body: {
        programmeId: own.programme,
        title: `Việc ${++n}`,
        ...taskFields(),
        targetIndicatorId: reporting.indicator,
        targetIndicatorUnitId: mc1.unitId,
      },
    }),
    'PATCH /api/tasks/:id': async () => {
      const d = await task();
      return {
        method: 'PATCH',
        url: `/api/tasks/${d.task.id}`,
        session: f.leader.session,
        body: {
          version: d.task.version,
          groupId: own.group,
          responsiblePersonId: f.officer.personId,
          assigneeAccountId: f.officer.id,
        },
      };
    },
    'PUT /api/tasks/:id/cooperators': async () => {
      const d = await task();
      return {
        method: 'PUT',
        url: `/api/tasks/${d.task.id}/cooperators`,
        session: f.leader.session,
        body: { version: d.task.version, cooperators: [{ bodyId: f.bodies.mc1Youth, personId: f.villageHead }] },
      };
    },
    'POST /api/tasks/:id/transition': async () => {
      const d = await task({ assign: true });
      return {
        method: 'POST',
        url: `/api/tasks/${d.task.id}/transition`,
        session: f.leader.session,
        body: {
          version: d.task.version,
          action: 'reassign',
          reason: 'Điều chỉnh',
          leadBodyId: f.bodies.mc1Youth,
          responsiblePersonId: f.officer.personId,
          assigneeAccountId: f.officer.id,
        },
      };
    },
    'POST /api/tasks/:id/progress': async () => {
      const d = await task({ assign: true, cooperators: [{ bodyId: f.bodies.mc1Women }] });
      return {
        method: 'POST',
        url: `/api/tasks/${d.task.id}/progress`,
        session: f.leader.session,
        body: {
          progress: 20,
          cooperatorId: d.cooperators[0]!.id,
          reportedByPersonId: f.villageHead,
          fileIds: [await upload(f.leader.session)],
        },
      };
    },
    'POST /api/tasks/:id/files': async () => ({
      method: 'POST',
      url: `/api/tasks/${(await task()).task.id}/files`,
      session: f.leader.session,
      body: { fileId: await upload(f.leader.session) },
    }),
    'POST /api/tasks/:id/cascade': async () => ({
      method: 'POST',
      url: `/api/tasks/${(await task()).task.id}/cascade`,
      session: f.leader.session,
      body: { unitCodes: [own.villageCode] },
    }),
    'POST /api/briefings': () => ({
      method: 'POST',
      url: '/api/briefings',
      session: f.leader.session,
      body: {
        bodyId: f.bodies.mc1,
        heldOn: '2026-02-20',
        title: `Giao ban ${++n}`,
        programmeId: own.programme,
        chairPersonId: f.leader.personId,
        attendees: [{ personId: f.officer.personId, bodyId: f.bodies.mc1Women }],
      },
    }),
    'PATCH /api/briefings/:id': async () => {
      const b = await briefing();
      return {
        method: 'PATCH',
        url: `/api/briefings/${b.briefing.id}`,
        session: f.leader.session,
        body: {
          version: b.briefing.version,
          programmeId: own.programme,
          chairPersonId: f.leader.personId,
          attendees: [{ personId: f.officer.personId, bodyId: f.bodies.mc1Women }],
          conclusions: [{ id: b.conclusions[0]!.id, text: 'Kết luận sửa' }],
        },
      };
    },
    'POST /api/briefing-conclusions/:id/task': async () => ({
      method: 'POST',
      url: `/api/briefing-conclusions/${(await briefing()).conclusions[0]!.id}/task`,
      session: f.leader.session,
      body: { programmeId: own.programme, ...taskFields() },
    }),
    'POST /api/villages': () => ({
      method: 'POST',
      url: '/api/villages',
      session: f.leader.session,
      body: { parentCode: '06712', name: `Khu Mới ${++n}` },
    }),
    'POST /api/villages/:id/move': async () => {
      // A village of Trà Cổ, which ended on 1/7/2025 without its villages following: Móng Cái 1 places it.
      const v = await village('06721', { validFrom: '2019-01-01' });
      return {
        method: 'POST',
        url: `/api/villages/${v.unit.id}/move`,
        session: f.leader.session,
        body: { parentCode: '06712', version: v.version },
      };
    },
    'POST /api/villages/:id/merge': async () => {
      const [a, b] = [await village('06712'), await village('06712')];
      return {
        method: 'POST',
        url: `/api/villages/${a.unit.id}/merge`,
        session: f.leader.session,
        body: { intoId: b.unit.id, version: a.version },
      };
    },
    // Administrators read everything: only a missing record is refused there.
    'POST /api/accounts': async () => ({
      method: 'POST',
      url: '/api/accounts',
      session: f.admin,
      body: {
        username: `tk_${++n}`,
        displayName: 'Tài khoản',
        password: 'mat-khau-123',
        personId: await person(f.bodies.mc1),
      },
    }),
    'PATCH /api/accounts/:id': async () => {
      const a = await ok<{ account: { id: string; version: number } }>(f.admin, 'POST', '/api/accounts', {
        username: `tk_${++n}`,
        displayName: 'Tài khoản',
        password: 'mat-khau-123',
      });
      return {
        method: 'PATCH',
        url: `/api/accounts/${a.account.id}`,
        session: f.admin,
        body: { version: a.account.version, personId: await person(f.bodies.mc1) },
      };
    },
    'POST /api/bodies': () => ({
      method: 'POST',
      url: '/api/bodies',
      session: f.admin,
      body: { unitCode: '06712', kind: 'veterans', name: `Hội CCB ${++n}`, parentId: f.bodies.province },
    }),
    'PATCH /api/bodies/:id': async () => {
      const b = await ok<{ id: string; version: number }>(f.admin, 'POST', '/api/bodies', {
        unitCode: '06712',
        kind: 'veterans',
        name: `Hội CCB ${++n}`,
      });
      return {
        method: 'PATCH',
        url: `/api/bodies/${b.id}`,
        session: f.admin,
        body: { version: b.version, parentId: f.bodies.province },
      };
    },
    'POST /api/bodies/:id/end': async () => {
      const b = await ok<{ id: string; version: number }>(f.admin, 'POST', '/api/bodies', {
        unitCode: '06712',
        kind: 'veterans',
        name: `Hội CCB ${++n}`,
      });
      return {
        method: 'POST',
        url: `/api/bodies/${b.id}/end`,
        session: f.admin,
        body: { version: b.version, date: '2026-03-01', successorIds: [f.bodies.mc1Women] },
      };
    },
    'POST /api/people/:id/positions': async () => {
      const p = await ok<{ id: string }>(f.admin, 'POST', '/api/people', { fullName: `Người ${++n}` });
      return {
        method: 'POST',
        url: `/api/people/${p.id}/positions`,
        session: f.admin,
        body: { bodyId: f.bodies.mc1, title: 'Ủy viên' },
      };
    },
    'POST /api/accounts/:id/roles': async () => ({
      method: 'POST',
      url: `/api/accounts/${await account()}/roles`,
      session: f.admin,
      body: { role: 'viewer', unitCode: '06712', bodyId: f.bodies.mc1 },
    }),
    'POST /api/accounts/:id/handover': async () => ({
      method: 'POST',
      url: `/api/accounts/${await account()}/handover`,
      session: f.admin,
      body: { toAccountId: f.officer.id },
    }),
    'POST /api/units/pending/:id/link': async () => {
      const unit = (
        await sql<{
          unit_id: string;
        }>`select unit_id from unit_tree where code = '06721' and valid_to = '2025-07-01'`.execute(t().db.db)
      ).rows[0]!.unit_id;
      const p = await t()
        .db.db.insertInto('unit_pending')
        .values({ unit_id: unit, reason: 'unlinked_ending', pending_date: `2025-07-0${(++n % 8) + 1}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/units/pending/${p.id}/link`,
        session: f.admin,
        body: { toCode: '06712', type: 'partial' },
      };
    },
  };

  it('marks every id field of every request with the kind of record it names', async () => {
    const { unmarked } = operations(await openApiDocument(t().app));
    expect(unmarked, 'id fields without x-khoi-ref (use ref(kind) from server/http/schemas.ts)').toEqual([]);
  });

  it('refuses another ward’s record in every id field of every write as it refuses a missing one, and writes nothing', async () => {
    const { app } = t();
    const { ops } = operations(await openApiDocument(app));
    const access = new Map(app.khoiRoutes.map((r) => [`${r.method} ${r.url}`, r.auth]));
    const writes = ops.filter((o) => o.method !== 'GET' && o.fields.length);
    expect(writes.length).toBeGreaterThan(20);
    const checked: string[] = [];
    for (const op of writes) {
      const key = `${op.method} ${op.route}`;
      const base = bases[key];
      expect(
        base,
        `${key} names ids (${op.fields.map(fieldName).join(', ')}) but has no base request in test/references.test.ts`,
      ).toBeDefined();
      const fineReq = await base!();
      const fine = await send(fineReq);
      expect(fine.statusCode, `${key}, its base request: ${fine.body}`).toBeLessThan(300);
      // An administrator reads everything (and so does a route only administrators may call).
      const admin = access.get(key) === 'admin' || fineReq.session === f.admin;
      for (const field of op.fields) {
        const where = `${key} ${fieldName(field)}`;
        const missingReq = withField(await base!(), field, MISSING[field.kind]);
        const before = await written();
        const missing = await send(missingReq);
        expect(missing.statusCode, `${where} missing: ${missing.body}`).toBeGreaterThanOrEqual(400);
        expect(missing.statusCode, `${where} missing: ${missing.body}`).toBeLessThan(500);
        expect(await written(), `${where} missing wrote`).toBe(before);
        if (!PUBLIC_KINDS.includes(field.kind))
          expect([missing.statusCode, missing.json().error.field], `${where} missing`).toEqual([404, fieldName(field)]);
        if (!admin) {
          // a unit named by id rather than by code: another ward's id
          const value = field.kind === 'unit' && field.uuid ? otherUnitId : other[field.kind];
          const siblingReq = withField(await base!(), field, value);
          const before2 = await written();
          const sibling = await send(siblingReq);
          expect(await written(), `${where} another ward's wrote`).toBe(before2);
          if (PUBLIC_KINDS.includes(field.kind))
            expect([403, 404], `${where} another ward's: ${sibling.body}`).toContain(sibling.statusCode);
          else {
            const shape = (r: typeof sibling) => ({ status: r.statusCode, ...r.json().error, requestId: undefined });
            expect(shape(sibling), `${where}: another ward's record answered otherwise than a missing one`).toEqual(
              shape(missing),
            );
          }
        }
        checked.push(where);
      }
    }
    expect(
      Object.keys(bases).filter((k) => !writes.some((o) => `${o.method} ${o.route}` === k)),
      'bases of routes that name no id',
    ).toEqual([]);
    expect(checked.length).toBeGreaterThan(50);
  }, 300_000);
});
