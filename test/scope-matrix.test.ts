import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../server/features/work-exports/programme.xlsx.ts';
import { call, signIn, useTestApp, type Session } from './app.ts';
import { buildAccount, PASSWORD } from './factories.ts';
import { importQuangNinh } from './units-fixture.ts';
import { matrixReports } from '../server/features/reporting/reporting.testkit.ts';
import { matrixPetitions } from '../server/features/petitions/petitions.testkit.ts';
import { matrixPetitionDocuments } from '../server/features/petitions-documents/documents.testkit.ts';
import { PNG } from './work-fixture.ts';

/** A generated matrix over every API route (as the app registered it): unauthenticated callers, accounts of the
 * own unit, a sibling unit, the parent unit, and a successor acting on its predecessor's records. A new route
 * must declare its access (`config.auth`, `config.scope`), and a scoped one needs a fixture here, or this fails. */
const DUMMY = '00000000-0000-4000-8000-000000000001';
type Who = 'own' | 'sibling' | 'parent' | 'successor';
type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
};

describe('scope matrix', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  const s = {} as Record<Who | 'admin', Session>;
  const reports = matrixReports(t, () => s.admin);

  beforeAll(async () => {
    const { app, ctx, db } = t();
    await importQuangNinh(db.db);
    s.admin = await signIn(app, (await buildAccount(ctx, { isAdmin: true })).username, PASSWORD);
    const officer = async (unitCode: string) => {
      const a = await buildAccount(ctx);
      const r = await call(app, {
        method: 'POST',
        url: `/api/accounts/${a.id}/roles`,
        session: s.admin,
        body: { role: 'officer', unitCode },
      });
      expect(r.statusCode).toBe(201);
      return signIn(app, a.username, PASSWORD);
    };
    s.own = await officer('06712'); // Phường Móng Cái 1
    s.sibling = await officer('06709'); // Phường Móng Cái 2
    s.parent = await officer('22'); // Tỉnh Quảng Ninh
    s.successor = s.own; // Móng Cái 1 succeeded Trà Cổ (06721) on 1/7/2025

    // Work records: a Front committee of Móng Cái 1 and one of Trà Cổ that ended with the reform, each with a programme.
    const unitOf = async (code: string, day: string) =>
      (
        await sql<{
          unit_id: string;
        }>`select unit_id from unit_tree where code = ${code} and (valid_from is null or valid_from <= ${day}::date) and (valid_to is null or ${day}::date < valid_to)`.execute(
          db.db,
        )
      ).rows[0]!.unit_id;
    const front = async (code: string, day: string, name: string, validTo: string | null) =>
      (
        await db.db
          .insertInto('bodies')
          .values({ unit_id: await unitOf(code, day), kind: 'front', name, valid_to: validTo })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    work.own.bodyId = await front('06712', '2026-03-02', 'Ủy ban MTTQ Phường Móng Cái 1 (ma trận)', null);
    work.predecessor.bodyId = await front('06721', '2025-03-01', 'Ủy ban MTTQ Phường Trà Cổ (ma trận)', '2025-07-01');
    for (const [w, year] of [
      [work.own, 2026],
      [work.predecessor, 2025],
    ] as const) {
      const r = await call(app, {
        method: 'POST',
        url: '/api/programmes',
        session: s.admin,
        body: { bodyId: w.bodyId, year, title: `Chương trình ${year}` },
      });
      expect(r.statusCode, r.body).toBe(201);
      w.programmeId = r.json().id;
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chương trình');
    ws.addRow(COLUMNS.map((c) => c.header));
    ws.addRow(['1', 'Nhóm một', 'Việc nhập từ tệp', '', 'Ủy ban MTTQ Phường Móng Cái 1 (ma trận)']);
    programmeSheet = Buffer.from(await wb.xlsx.writeBuffer());
  }, 120_000);

  const work = { own: { bodyId: '', programmeId: '' }, predecessor: { bodyId: '', programmeId: '' } };
  let programmeSheet = Buffer.alloc(0);
  /** A fresh briefing with one conclusion, of Móng Cái 1's Front committee (or, for `successor`, of Trà Cổ's). */
  async function briefing(who: Who) {
    const w = who === 'successor' ? work.predecessor : work.own;
    const body = {
      bodyId: w.bodyId,
      programmeId: w.programmeId,
      heldOn: who === 'successor' ? '2025-03-01' : '2026-02-20',
      title: `Giao ban ${++n}`,
      conclusions: ['Kết luận'],
    };
    const r = await call(t().app, { method: 'POST', url: '/api/briefings', session: s.admin, body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ briefing: { id: string; version: number }; conclusions: { id: string }[] }>();
  }
  /** The programme sheet as a multipart upload for the owner body (or Trà Cổ's, for `successor`). */
  function importForm(who: Who): Req {
    const b = 'matrix-import';
    const field = (k: string, v: string) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    const head =
      field('bodyId', who === 'successor' ? work.predecessor.bodyId : work.own.bodyId) +
      field('year', String(2030 + ++n)) +
      field('title', 'Chương trình nhập');
    const payload = Buffer.concat([
      Buffer.from(`${head}--${b}\r\nContent-Disposition: form-data; name="file"; filename="ct.xlsx"\r\n\r\n`),
      programmeSheet,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    return {
      method: 'POST',
      url: '/api/programmes/import',
      body: payload,
      headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    };
  }

  let n = 0;
  /** A fresh village of Móng Cái 1 (today), or of Trà Cổ before the reform (the predecessor's record). */
  async function village(predecessor = false) {
    n++;
    const body = predecessor
      ? { parentCode: '06721', name: `Khu Cũ ${n}`, kind: 'quarter', validFrom: '2019-01-01' }
      : { parentCode: '06712', name: `Khu Ma Trận ${n}`, kind: 'quarter', validFrom: '2025-08-01' };
    const r = await call(t().app, { method: 'POST', url: '/api/villages', session: s.admin, body });
    expect(r.statusCode, JSON.stringify(r.json())).toBe(201);
    return r.json<{ unit: { id: string; code: string }; version: number }>();
  }

  /** Site clearance and dialogues: records of Móng Cái 1's Front committee (successor: of Trà Cổ's, before 1/7/2025). */
  async function keyProject(who: Who) {
    const predecessor = who === 'successor';
    const r = await call(t().app, {
      method: 'POST',
      url: '/api/key-projects',
      session: s.admin,
      body: {
        bodyId: predecessor ? work.predecessor.bodyId : work.own.bodyId,
        code: `MT-${++n}`,
        name: `Dự án ma trận ${n}`,
        startDate: predecessor ? '2025-01-01' : '2026-01-01',
        plannedCompletionDate: predecessor ? '2025-12-31' : '2026-12-31',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ project: { id: string; version: number } }>().project;
  }
  async function keyHousehold(who: Who) {
    const p = await keyProject(who);
    const r = await call(t().app, {
      method: 'POST',
      url: `/api/key-projects/${p.id}/households`,
      session: s.admin,
      body: { headName: `Hộ ma trận ${++n}`, statusOn: '2025-03-01' },
    });
    expect(r.statusCode, r.body).toBe(201);
    return { projectId: p.id, ...r.json<{ household: { id: string; version: number } }>().household };
  }
  async function keyVisit(who: Who) {
    const h = await keyHousehold(who);
    const r = await call(t().app, {
      method: 'POST',
      url: `/api/key-projects/${h.projectId}/visits`,
      session: s.admin,
      body: { householdId: h.id, visitedOn: '2025-03-01', outcome: 'Vận động' },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>().id;
  }
  const dialogueBody = (who: Who) =>
    who === 'successor'
      ? {
          bodyId: work.predecessor.bodyId,
          heldOn: '2025-03-01',
          title: `Đối thoại ${++n}`,
          place: 'Trà Cổ',
          chairName: 'Chủ tịch',
        }
      : {
          bodyId: work.own.bodyId,
          heldOn: '2026-02-20',
          title: `Đối thoại ${++n}`,
          place: 'Khu 1',
          chairName: 'Chủ tịch',
        };
  async function dialogueOf(who: Who) {
    const r = await call(t().app, { method: 'POST', url: '/api/dialogues', session: s.admin, body: dialogueBody(who) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ dialogue: { id: string; version: number } }>().dialogue;
  }
  /** One file as a multipart upload. */
  function fileForm(url: string, filename: string, data: Buffer): Req {
    const b = 'matrix-file';
    const payload = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    return { method: 'POST', url, body: payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
  }

  /** How to call each scoped route on a record of Móng Cái 1 (or, for `successor`, of Trà Cổ before 1/7/2025). */
  const fixtures: Record<string, (who: Who) => Req | Promise<Req>> = {
    // Petitions of Móng Cái 1's Front committee (successor: of Trà Cổ's, which ended), in the state each action needs.
    ...matrixPetitions(t, () => ({ own: work.own.bodyId, predecessor: work.predecessor.bodyId })),
    // Their notices: drafted on a registered case, signed from a draft, issued once signed.
    ...matrixPetitionDocuments(t, () => ({ own: work.own.bodyId, predecessor: work.predecessor.bodyId })),
    'POST /api/villages': (who) => ({
      method: 'POST',
      url: '/api/villages',
      body:
        who === 'successor'
          ? { parentCode: '06721', name: `Khu Mới ${++n}`, validFrom: '2025-01-01' }
          : { parentCode: '06712', name: `Khu Mới ${++n}` },
    }),
    'POST /api/villages/:id/rename': async (who) => {
      const v = await village(who === 'successor');
      return {
        method: 'POST',
        url: `/api/villages/${v.unit.id}/rename`,
        body: { name: `Khu Đổi ${++n}`, version: v.version, date: who === 'successor' ? '2025-01-01' : undefined },
      };
    },
    'POST /api/villages/:id/move': async (who) => {
      const v = await village(who === 'successor');
      return {
        method: 'POST',
        url: `/api/villages/${v.unit.id}/move`,
        body: {
          parentCode: who === 'successor' ? '06712' : '06724',
          version: v.version,
          date: who === 'successor' ? '2025-01-01' : undefined,
        },
      };
    },
    'POST /api/villages/:id/merge': async (who) => {
      const a = await village(who === 'successor');
      const b = await village(who === 'successor');
      return {
        method: 'POST',
        url: `/api/villages/${a.unit.id}/merge`,
        body: { intoId: b.unit.id, version: a.version, date: who === 'successor' ? '2025-01-01' : undefined },
      };
    },
    'POST /api/villages/:id/close': async (who) => {
      const v = await village(who === 'successor');
      return {
        method: 'POST',
        url: `/api/villages/${v.unit.id}/close`,
        body: { version: v.version, date: who === 'successor' ? '2025-01-01' : undefined },
      };
    },
    'POST /api/briefings': (who) => ({
      method: 'POST',
      url: '/api/briefings',
      body:
        who === 'successor'
          ? { bodyId: work.predecessor.bodyId, heldOn: '2025-03-01', title: `Giao ban ${++n}` }
          : { bodyId: work.own.bodyId, heldOn: '2026-02-20', title: `Giao ban ${++n}` },
    }),
    'PATCH /api/briefings/:id': async (who) => {
      const b = await briefing(who);
      return {
        method: 'PATCH',
        url: `/api/briefings/${b.briefing.id}`,
        body: { version: b.briefing.version, title: `Giao ban sửa ${++n}` },
      };
    },
    'POST /api/briefings/:id/delete': async (who) => {
      const b = await briefing(who);
      return { method: 'POST', url: `/api/briefings/${b.briefing.id}/delete`, body: { version: b.briefing.version } };
    },
    'POST /api/briefings/:id/notice': async (who) => {
      const b = await briefing(who);
      return { method: 'POST', url: `/api/briefings/${b.briefing.id}/notice`, body: { version: b.briefing.version } };
    },
    'POST /api/briefing-conclusions/:id/task': async (who) => {
      const b = await briefing(who);
      return {
        method: 'POST',
        url: `/api/briefing-conclusions/${b.conclusions[0]!.id}/task`,
        body: { kind: 'shared', leadBodyId: who === 'successor' ? work.predecessor.bodyId : work.own.bodyId },
      };
    },
    'POST /api/programmes/import': (who) => importForm(who),
    // Reports of Móng Cái 1 (successor: of Trà Cổ before the reform); only reviewers (leaders) decide on them.
    'POST /api/reporting/submissions': async (who) => ({
      method: 'POST',
      url: '/api/reporting/submissions',
      body: await reports.target(who === 'successor'),
    }),
    'PUT /api/reporting/submissions/:id/values': async (who) => {
      const d = await reports.report(who === 'successor', 'draft');
      const values = [{ indicatorId: await reports.indicatorId(), value: 5 }];
      return { method: 'PUT', url: `/api/reporting/submissions/${d.id}/values`, body: { version: d.version, values } };
    },
    ...Object.fromEntries(
      (
        [
          ['submit', 'draft'],
          ['approve', 'submitted'],
          ['return', 'submitted'],
          ['reopen', 'approved'],
          ['conflicts/choose', 'approved'],
        ] as const
      ).map(([action, status]) => [
        `POST /api/reporting/submissions/:id/${action}`,
        async (who: Who): Promise<Req> => {
          const d = await reports.report(who === 'successor', status);
          const extra =
            action === 'return' || action === 'reopen'
              ? { reason: 'Xem lại' }
              : action === 'conflicts/choose'
                ? { indicatorId: await reports.indicatorId(), category: '' }
                : {};
          const url = `/api/reporting/submissions/${d.id}/${action}`;
          return { method: 'POST', url, body: { version: d.version, ...extra } };
        },
      ]),
    ),
    'POST /api/reporting/forms/:id/periods/:periodId/reopen': async (who) => {
      const r = await reports.target(who === 'successor');
      return {
        method: 'POST',
        url: `/api/reporting/forms/${r.formId}/periods/${r.periodId}/reopen`,
        body: { reason: 'Gửi muộn', until: '2026-03-10', unitId: r.unitId },
      };
    },
    // Targets are set from the level above: a village of Móng Cái 1 (successor: Trà Cổ itself, before the reform).
    'PUT /api/reporting/targets': async (who) => {
      const unitId = who === 'successor' ? (await reports.target(true)).unitId : (await village()).unit.id;
      const periodId = who === 'successor' ? '202503' : '2026';
      return {
        method: 'PUT',
        url: '/api/reporting/targets',
        body: { indicatorId: await reports.indicatorId(), unitId, periodId, value: 5 },
      };
    },
    'POST /api/reporting/targets/:id/split': async (who) => {
      await village();
      const id = await reportTarget(who === 'successor');
      return {
        method: 'POST',
        url: `/api/reporting/targets/${id}/split`,
        body: { method: 'proportional', basis: 'equal' },
      };
    },
    'POST /api/reporting/completeness/remind': async (who) => ({
      method: 'POST',
      url: '/api/reporting/completeness/remind',
      body: await reports.target(who === 'successor'),
    }),
    'POST /api/key-projects': (who) => ({
      method: 'POST',
      url: '/api/key-projects',
      body: {
        bodyId: who === 'successor' ? work.predecessor.bodyId : work.own.bodyId,
        code: `MT-${++n}`,
        name: 'Dự án',
        startDate: '2025-01-01',
        plannedCompletionDate: '2026-12-31',
      },
    }),
    'PATCH /api/key-projects/:id': async (who) => {
      const p = await keyProject(who);
      return { method: 'PATCH', url: `/api/key-projects/${p.id}`, body: { version: p.version, householdTotal: 5 } };
    },
    'POST /api/key-projects/:id/delete': async (who) => {
      const p = await keyProject(who);
      return { method: 'POST', url: `/api/key-projects/${p.id}/delete`, body: { version: p.version } };
    },
    'POST /api/key-projects/:id/households': async (who) => ({
      method: 'POST',
      url: `/api/key-projects/${(await keyProject(who)).id}/households`,
      body: { headName: `Hộ ${++n}`, statusOn: '2025-03-01' },
    }),
    'PATCH /api/key-households/:id': async (who) => {
      const h = await keyHousehold(who);
      return { method: 'PATCH', url: `/api/key-households/${h.id}`, body: { version: h.version, note: 'Sửa' } };
    },
    'POST /api/key-households/:id/consents': async (who) => ({
      method: 'POST',
      url: `/api/key-households/${(await keyHousehold(who)).id}/consents`,
      body: { status: 'agreed', onDate: '2025-03-02' },
    }),
    'POST /api/key-projects/:id/visits': async (who) => {
      const h = await keyHousehold(who);
      return {
        method: 'POST',
        url: `/api/key-projects/${h.projectId}/visits`,
        body: { householdId: h.id, visitedOn: '2025-03-02', outcome: 'Vận động' },
      };
    },
    'POST /api/key-visits/:id/photo': async (who) =>
      fileForm(`/api/key-visits/${await keyVisit(who)}/photo`, 'a.png', PNG),
    'POST /api/dialogues': (who) => ({ method: 'POST', url: '/api/dialogues', body: dialogueBody(who) }),
    'PATCH /api/dialogues/:id': async (who) => {
      const d = await dialogueOf(who);
      return { method: 'PATCH', url: `/api/dialogues/${d.id}`, body: { version: d.version, place: 'Nơi khác' } };
    },
    'POST /api/dialogues/:id/delete': async (who) => {
      const d = await dialogueOf(who);
      return { method: 'POST', url: `/api/dialogues/${d.id}/delete`, body: { version: d.version } };
    },
    'POST /api/dialogues/:id/minutes-file': async (who) =>
      fileForm(`/api/dialogues/${(await dialogueOf(who)).id}/minutes-file`, 'bb.pdf', Buffer.from('%PDF-1.4\n')),
  };
  /** A target of Móng Cái 1 for 2026 (successor: of Trà Cổ for 202503), written directly. */
  const targets = new Map<boolean, string>();
  async function reportTarget(predecessor: boolean) {
    const known = targets.get(predecessor);
    if (known) return known;
    const r = await reports.target(predecessor);
    const [periodId, first, last] = predecessor
      ? ['202503', 2025 * 12 + 2, 2025 * 12 + 2]
      : ['2026', 2026 * 12, 2026 * 12 + 11];
    const row = await t()
      .db.db.insertInto('report_targets')
      .values({
        indicator_id: await reports.indicatorId(),
        node_kind: 'unit',
        node_id: r.unitId,
        period_id: periodId,
        first_month: first,
        last_month: last,
        value: '10',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    targets.set(predecessor, row.id);
    return row.id;
  }

  const expected: Record<Who, 'allowed' | 'refused'> = {
    own: 'allowed',
    sibling: 'refused',
    parent: 'allowed',
    successor: 'refused',
  };
  // Moving a village needs the right over both communes: a ward officer cannot move one into another ward.
  const overrides: Record<string, Partial<Record<Who, 'allowed' | 'refused'>>> = {
    'POST /api/villages/:id/move': { own: 'refused' },
    // Officers enter reports but do not review them: deciding is for the leaders of the level above.
    ...Object.fromEntries(
      ['approve', 'return', 'reopen', 'conflicts/choose'].map((a) => [
        `POST /api/reporting/submissions/:id/${a}`,
        { own: 'refused', parent: 'refused' } as const,
      ]),
    ),
    'POST /api/reporting/forms/:id/periods/:periodId/reopen': { own: 'refused', parent: 'refused' },
  };

  it('every route answers each kind of caller as its declared access says', async () => {
    const { app } = t();
    const routes = app.khoiRoutes;
    expect(routes.length).toBeGreaterThan(40);
    const checked: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      expect(['public', 'user', 'admin'], key).toContain(r.auth);
      const url = r.url.replace(/:id\b/g, DUMMY).replace(/:code\b/g, '06712');
      const anon = await call(app, { method: r.method as 'GET', url, body: r.method === 'GET' ? undefined : {} });
      if (r.auth === 'public') expect(anon.statusCode, `${key} anonymous`).not.toBe(401);
      else expect(anon.statusCode, `${key} anonymous`).toBe(401);
      if (r.auth === 'admin') {
        const res = await call(app, {
          method: r.method as 'GET',
          url,
          session: s.own,
          body: r.method === 'GET' ? undefined : {},
        });
        expect(res.statusCode, `${key} as a non-admin`).toBe(403);
      }
      if (r.scope !== undefined) {
        expect(r.scope, key).toBe('unit');
        // Uploads: covered row by row below.
        if (key === 'POST /api/villages/import' || key === 'POST /api/reporting/import') continue;
        const fixture = fixtures[key];
        expect(fixture, `${key} is scoped but has no fixture in the scope matrix`).toBeDefined();
        for (const who of ['own', 'sibling', 'parent', 'successor'] as Who[]) {
          const req = await fixture!(who);
          const res = await call(app, { ...req, session: s[who] });
          if ((overrides[key]?.[who] ?? expected[who]) === 'allowed')
            expect(res.statusCode, `${key} as ${who}: ${res.body}`).toBeLessThan(300);
          // Refused: forbidden on a record the caller reads, or not found (as a missing one) on a record it does not.
          else expect([403, 404], `${key} as ${who}: ${res.body}`).toContain(res.statusCode);
          checked.push(`${key} ${who}`);
        }
      }
    }
    expect(checked.length).toBe(Object.keys(fixtures).length * 4);
  }, 120_000);

  it('the village import refuses, row by row, villages outside the caller’s scope', async () => {
    const { app } = t();
    const csv = 'Mã xã,Tên,Loại\n06712,Khu Nhập Một,Khu\n06709,Khu Nhập Hai,Khu\n';
    const boundary = 'matrix';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/villages/import',
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: `khoi_session=${s.own.cookie}`,
        'x-csrf-token': s.own.csrf,
      },
    });
    expect(res.json().rows.map((r: { status: string }) => r.status)).toEqual(['added', 'refused']);
  });

  it('the reports import refuses, row by row, units outside the caller’s scope', async () => {
    const { app } = t();
    const importAs = async (who: Who) => {
      const r = await reports.target(who === 'successor');
      const code = who === 'successor' ? '06721' : '06712';
      const csv = `Mã đơn vị,Mã chỉ tiêu,Giá trị\n${code},MA_TRAN_HS,5\n`;
      const b = 'matrix-reports';
      const field = (k: string, v: string) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/reporting/import',
        payload: `${field('formId', r.formId)}${field('periodId', r.periodId)}--${b}\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n\r\n${csv}\r\n--${b}--\r\n`,
        headers: {
          'content-type': `multipart/form-data; boundary=${b}`,
          cookie: `khoi_session=${s[who].cookie}`,
          'x-csrf-token': s[who].csrf,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const answer = res.json<{ imported: boolean; created: number; errors: { field: string }[] }>();
      return answer.imported ? 'allowed' : `${answer.created} ${answer.errors.map((e) => e.field).join()}`;
    };
    expect(await importAs('own')).toBe('allowed');
    expect(await importAs('parent')).toBe('allowed');
    expect(await importAs('sibling')).toBe('0 unit');
    expect(await importAs('successor')).toBe('0 unit');
  });
});
