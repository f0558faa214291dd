import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { PNG, uploadFile, workFixture, type WorkFixture } from '../../../test/work-fixture.ts';
import { seedPetition } from '../petitions/petitions.testkit.ts';
import { buildHousehold, buildProject, unitIdOf } from './clearance.testkit.ts';

type Json = Record<string, unknown> & { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('site clearance: key projects, consent over time, visits', () => {
  // Today is 2 March 2026 in Hà Nội.
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: WorkFixture;
  const units = { mc1: '', mc2: '' };

  beforeAll(async () => {
    f = await workFixture(t());
    units.mc1 = await unitIdOf(t(), '06712');
    units.mc2 = await unitIdOf(t(), '06709');
  }, 120_000);

  const api = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    call(t().app, { method, url, session, body });
  const ok = async (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const r = await api(session, method, url, body);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json<Json>();
  };
  const project = (id: string, session = f.leader.session) => ok(session, 'GET', `/api/key-projects/${id}`);
  const consent = (householdId: string, status: string, onDate: string, session = f.officer.session) =>
    ok(session, 'POST', `/api/key-households/${householdId}/consents`, { status, onDate });

  it('consent % counts agreed and handed-over households over the households affected, and the schedule says whether it is enough', async () => {
    const { project: p } = await buildProject(t(), f.leader.session, {
      bodyId: f.bodies.mc1,
      affectedUnitIds: [units.mc1],
    });
    for (const status of ['agreed', 'agreed', 'agreed', 'handed_over', 'mobilising', 'mobilising'])
      await buildHousehold(t(), f.officer.session, p.id, { status, statusOn: '2026-02-15', unitId: units.mc1 });
    // 60 of 180 days gone: a third of the households should have agreed; 4 of 10 have.
    let d = await project(p.id);
    expect(d.project.summary).toMatchObject({
      households: 10,
      registered: 6,
      counts: { not_agreed: 0, mobilising: 2, agreed: 3, handed_over: 1 },
      consented: 4,
      consentPercent: 40,
      handedOverPercent: 10,
      expectedPercent: 33.3,
      status: 'on_schedule',
    });
    expect(d.affectedUnits.map((u: Json) => u.name)).toEqual(['Phường Móng Cái 1']);

    // The announced number grows to 20: 4 of 20 is behind the line.
    d = await ok(f.leader.session, 'PATCH', `/api/key-projects/${p.id}`, {
      version: d.project.version,
      householdTotal: 20,
    });
    expect(d.project.summary).toMatchObject({ consentPercent: 20, status: 'behind' });

    // A milestone reshapes the line: 10 % by the end of February, then straight on to 100 % at the end of June.
    d = await ok(f.leader.session, 'PATCH', `/api/key-projects/${p.id}`, {
      version: d.project.version,
      milestones: [{ dueOn: '2026-02-28', title: 'Xong vận động đợt 1', targetPercent: 10 }],
    });
    expect(d.project.summary).toMatchObject({ expectedPercent: 11.5, status: 'on_schedule' });
    expect(d.milestones).toEqual([
      expect.objectContaining({ dueOn: '2026-02-28', title: 'Xong vận động đợt 1', targetPercent: 10 }),
    ]);

    // Marked done: completed, whatever the figures.
    d = await ok(f.leader.session, 'PATCH', `/api/key-projects/${p.id}`, {
      version: d.project.version,
      completedOn: '2026-03-01',
    });
    expect(d.project.summary.status).toBe('completed');

    // A registered petition about the project is open (counted by the petitions module).
    const petition = await seedPetition(t().db.db, { bodyId: f.bodies.mc1 });
    await t().db.db.updateTable('petitions').set({ project_id: p.id }).where('id', '=', petition.id).execute();
    expect((await project(p.id)).project.summary.openPetitions).toBe(1);

    const list = await ok(f.officer.session, 'GET', '/api/key-projects?q=bac luan');
    expect(list.items.find((i: Json) => i.id === p.id)?.summary).toMatchObject({
      consentPercent: 20,
      households: 20,
      openPetitions: 1,
    });
  });

  it('a household’s consent is kept over time: a change entered late for an earlier day does not overturn a later one', async () => {
    const { project: p } = await buildProject(t(), f.leader.session, { bodyId: f.bodies.mc1, householdTotal: 1 });
    const { household: h } = await buildHousehold(t(), f.officer.session, p.id, { statusOn: '2026-01-05' });
    await consent(h.id, 'mobilising', '2026-01-20');
    await consent(h.id, 'agreed', '2026-02-10');
    const d = await consent(h.id, 'mobilising', '2026-01-25');
    expect(d.household).toMatchObject({ status: 'agreed', statusOn: '2026-02-10' });
    expect(d.history.map((x: Json) => [x.onDate, x.status])).toEqual([
      ['2026-02-10', 'agreed'],
      ['2026-01-25', 'mobilising'],
      ['2026-01-20', 'mobilising'],
      ['2026-01-05', 'not_agreed'],
    ]);
    // The curve reads the history at each month end: nobody had agreed by 31 January, everybody by 28 February.
    const curve = (await project(p.id)).curve as Json[];
    expect(curve.map((c) => [c.day, c.consentPercent])).toEqual([
      ['2026-01-31', 0],
      ['2026-02-28', 100],
      ['2026-03-02', 100],
    ]);
    // Handed over later: the project is complete.
    await consent(h.id, 'handed_over', '2026-03-02');
    expect((await project(p.id)).project.summary).toMatchObject({ handedOverPercent: 100, status: 'completed' });
    // Tomorrow is not recorded.
    const future = await api(f.officer.session, 'POST', `/api/key-households/${h.id}/consents`, {
      status: 'agreed',
      onDate: '2026-03-03',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.field).toBe('onDate');
  });

  it('a visit logged from a phone counts in the last 30 days, may change the consent, and carries a photo only its readers see', async () => {
    const { project: p } = await buildProject(t(), f.leader.session, { bodyId: f.bodies.mc1 });
    const { household: h } = await buildHousehold(t(), f.officer.session, p.id, { headName: 'Hộ bà Trần Thị Mai' });
    const visit = await ok(f.officer.session, 'POST', `/api/key-projects/${p.id}/visits`, {
      householdId: h.id,
      visitedOn: '2026-03-01',
      outcome: 'Gia đình đồng ý nhận tiền bồi thường, hẹn bàn giao trong tháng 3.',
      newStatus: 'agreed',
    });
    expect(visit).toMatchObject({
      householdNumber: h.number,
      headName: 'Hộ bà Trần Thị Mai',
      members: [{ personId: f.officer.personId, name: 'Vũ Thị Lan' }],
      newStatus: 'agreed',
      photoUrl: null,
    });
    // An old visit (46 days ago) is in the register but not in the last 30 days.
    await ok(f.officer.session, 'POST', `/api/key-projects/${p.id}/visits`, {
      householdId: h.id,
      visitedOn: '2026-01-15',
      outcome: 'Gia đình chưa đồng ý mức giá bồi thường.',
      members: [{ personId: f.leader.personId }, { name: 'Ông Lê Văn Trưởng khu' }],
    });
    const d = await project(p.id);
    expect(d.project.summary).toMatchObject({ visitsLast30Days: 1, consented: 1 });
    const hd = await ok(f.leader.session, 'GET', `/api/key-households/${h.id}`);
    expect(hd.history[0]).toMatchObject({ status: 'agreed', onDate: '2026-03-01', visitId: visit.id });
    expect(hd.visits.map((v: Json) => v.visitedOn)).toEqual(['2026-03-01', '2026-01-15']);
    expect(hd.visits[1].members.map((m: Json) => m.name)).toEqual(['Nguyễn Văn Định', 'Ông Lê Văn Trưởng khu']);

    const photo = await uploadFile(t().app, f.officer.session, 'nha.png', PNG, `/api/key-visits/${visit.id}/photo`);
    expect(photo.statusCode, photo.body).toBe(200);
    const url = photo.json().photoUrl as string;
    expect(url).toBe(`/api/key-visits/${visit.id}/photo`);
    const img = await api(f.leader.session, 'GET', url);
    expect([img.statusCode, img.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await api(f.sibling.session, 'GET', url)).statusCode).toBe(404);
    const text = await uploadFile(t().app, f.officer.session, 'a.png', Buffer.from('not an image'), url);
    expect(text.statusCode).toBe(415);
  });

  it('who reads a project: its body’s readers and the communes it crosses; names only where the household lives', async () => {
    const admin = f.admin;
    const { project: p } = await buildProject(t(), admin, {
      bodyId: f.bodies.province,
      name: 'Đường cao tốc Vân Đồn – Móng Cái',
      affectedUnitIds: [units.mc1, units.mc2],
    });
    const { household: h1 } = await buildHousehold(t(), admin, p.id, {
      headName: 'Hộ ông Phạm Văn Một',
      unitId: units.mc1,
    });
    const { household: h2 } = await buildHousehold(t(), admin, p.id, {
      headName: 'Hộ ông Đỗ Văn Hai',
      unitId: units.mc2,
    });

    const names = async (session: Session) =>
      ((await ok(session, 'GET', `/api/key-projects/${p.id}/households`)).items as Json[]).map((h) => [
        h.number,
        h.headName,
        h.identityShown,
      ]);
    expect(await names(f.sibling.session)).toEqual([
      [h1.number, null, false],
      [h2.number, 'Hộ ông Đỗ Văn Hai', true],
    ]);
    expect(await names(f.officer.session)).toEqual([
      [h1.number, 'Hộ ông Phạm Văn Một', true],
      [h2.number, null, false],
    ]);
    expect((await ok(f.sibling.session, 'GET', `/api/key-households/${h1.id}`)).household).toMatchObject({
      headName: null,
      address: null,
    });
    // A search does not find a name the caller may not see.
    expect((await ok(f.sibling.session, 'GET', `/api/key-projects/${p.id}/households?q=pham van`)).total).toBe(0);
    // Each view of identities is logged.
    const logged = await t()
      .db.db.selectFrom('audit_log')
      .select('record_id')
      .where('action', '=', 'view_personal')
      .where('actor_account_id', '=', f.sibling.id)
      .execute();
    expect(logged.map((l) => l.record_id)).toContain(p.id);

    // A commune the project does not cross reads nothing of it.
    const outsider = await buildAccount(t().ctx);
    expect(
      (
        await call(t().app, {
          method: 'POST',
          url: `/api/accounts/${outsider.id}/roles`,
          session: admin,
          body: { role: 'officer', unitCode: '06724' },
        })
      ).statusCode,
    ).toBe(201);
    const out = await signIn(t().app, outsider.username, PASSWORD);
    expect((await api(out, 'GET', `/api/key-projects/${p.id}`)).statusCode).toBe(404);
    expect((await api(out, 'GET', `/api/key-households/${h2.id}`)).statusCode).toBe(404);
    expect(((await ok(out, 'GET', '/api/key-projects')).items as Json[]).map((i) => i.id)).not.toContain(p.id);

    // The sibling ward works on its own households, not on Móng Cái 1's.
    const visit = (householdId: string) =>
      api(f.sibling.session, 'POST', `/api/key-projects/${p.id}/visits`, {
        householdId,
        visitedOn: '2026-03-02',
        outcome: 'Tuyên truyền chính sách bồi thường.',
      });
    expect((await visit(h2.id)).statusCode).toBe(201);
    expect((await visit(h1.id)).statusCode).toBe(403);
    const added = await api(f.sibling.session, 'POST', `/api/key-projects/${p.id}/households`, {
      headName: 'Hộ mới',
      unitId: units.mc1,
    });
    expect([added.statusCode, added.json().error.field]).toEqual([404, 'unitId']);
    // Only the owner body's managers edit the project.
    const edit = await api(f.sibling.session, 'PATCH', `/api/key-projects/${p.id}`, { version: 1, name: 'Đổi tên' });
    expect(edit.statusCode).toBe(403);
    // A Móng Cái 1 project is not the sibling's at all.
    const { project: own } = await buildProject(t(), f.leader.session, { bodyId: f.bodies.mc1 });
    expect((await api(f.sibling.session, 'GET', `/api/key-projects/${own.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const bad = async (method: 'POST' | 'PATCH', url: string, body: unknown, status: number, field?: string) => {
      const r = await api(f.leader.session, method, url, body);
      expect(r.statusCode, r.body).toBe(status);
      if (field) expect(r.json().error.field).toBe(field);
    };
    const base = { bodyId: f.bodies.mc1, code: 'X-1', name: 'Dự án', startDate: '2026-01-01' };
    await bad(
      'POST',
      '/api/key-projects',
      { ...base, plannedCompletionDate: '2026-01-01' },
      400,
      'plannedCompletionDate',
    );
    await bad(
      'POST',
      '/api/key-projects',
      {
        ...base,
        plannedCompletionDate: '2026-06-30',
        milestones: [{ dueOn: '2026-07-01', title: 'Sau hạn', targetPercent: 50 }],
      },
      400,
      'milestones.0.dueOn',
    );
    await bad(
      'POST',
      '/api/key-projects',
      { ...base, code: 'mã có dấu', plannedCompletionDate: '2026-06-30' },
      400,
      'code',
    );
    await bad(
      'POST',
      '/api/key-projects',
      { ...base, plannedCompletionDate: '2026-02-30' },
      400,
      'plannedCompletionDate',
    );
    const { project: p } = await buildProject(t(), f.leader.session, { bodyId: f.bodies.mc1, code: 'TRUNG' });
    await bad('POST', '/api/key-projects', { ...base, code: 'trung', plannedCompletionDate: '2026-06-30' }, 409);
    await bad('PATCH', `/api/key-projects/${p.id}`, { version: 99, name: 'Cũ' }, 409);
    const { household: h } = await buildHousehold(t(), f.officer.session, p.id);
    await bad('POST', `/api/key-households/${h.id}/consents`, { status: 'maybe', onDate: '2026-03-01' }, 400, 'status');
    await bad('POST', `/api/key-projects/${p.id}/households`, { headName: '' }, 400, 'headName');
    const { project: other } = await buildProject(t(), f.leader.session, { bodyId: f.bodies.mc1 });
    await bad(
      'POST',
      `/api/key-projects/${other.id}/visits`,
      { householdId: h.id, visitedOn: '2026-03-01', outcome: 'Nhầm dự án' },
      404,
      'householdId',
    );
    await bad(
      'POST',
      `/api/key-projects/${p.id}/visits`,
      { householdId: h.id, visitedOn: '2026-03-01', outcome: ' ' },
      400,
      'outcome',
    );
    expect(
      (await api(f.leader.session, 'GET', '/api/key-projects/00000000-0000-4000-8000-000000000009')).statusCode,
    ).toBe(404);
  });
});
