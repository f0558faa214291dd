import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildProgramme, PNG, uploadFile, type WorkFixture } from '../../../test/work-fixture.ts';
import { useTaskTests } from './tasks.testkit.ts';
import { taskDetail } from './task.detail.schemas.ts';
import { taskPage } from './task.list.schemas.ts';

describe('tasks: lead and cooperating bodies, workflow, progress', () => {
  const { t, api, newTask, shared } = useTaskTests();
  let f: WorkFixture;
  let programme: { id: string; groups: { id: string }[] };

  beforeAll(() => {
    f = shared.f;
    programme = shared.programme;
  });

  it('creates a task with a lead body, two cooperating bodies with their parts, and assigns it', async () => {
    const d = await newTask();
    expect(d.task.status).toBe('assigned');
    expect(d.task.number).toBeGreaterThan(0);
    expect(d.cooperators.map((c: { bodyName: string; part: string }) => [c.bodyName, c.part])).toEqual([
      ['Đoàn TN Phường Móng Cái 1', 'Đội thanh niên tình nguyện'],
      ['Hội LHPN Phường Móng Cái 1', 'Vận động hội viên phụ nữ'],
    ]);
    expect(d.permissions.manage).toBe(true);
    expect(d.task.timeliness).toBe('open');
    // Audited in the same transaction, with who did it.
    const audit = await t()
      .ctx.db.selectFrom('audit_log')
      .select(['table_name', 'action', 'actor_account_id'])
      .where('record_id', '=', d.task.id)
      .execute();
    expect(audit).toContainEqual({ table_name: 'tasks', action: 'create', actor_account_id: f.leader.id });
    // Its cooperating bodies and its first history line too: the insert's own statement sets who acts.
    const rows = await sql<{
      table_name: string;
      actor_account_id: string | null;
      actor_label: string | null;
      request_id: string | null;
    }>`select table_name, actor_account_id, actor_label, request_id
      from audit_log where action = 'create' and (record_id = ${d.task.id} or after ->> 'task_id' = ${d.task.id}) order by table_name`.execute(
      t().db.db,
    );
    expect(rows.rows.map((r) => [r.table_name, r.actor_account_id, r.actor_label, r.request_id !== null])).toEqual([
      ['task_cooperators', f.leader.id, 'web', true],
      ['task_cooperators', f.leader.id, 'web', true],
      ['task_updates', f.leader.id, 'web', true],
      ['tasks', f.leader.id, 'web', true],
    ]);
  });

  it('refuses bad input with a clear 4xx naming the field', async () => {
    const base = { programmeId: programme.id, kind: 'shared', title: 'Việc', leadBodyId: f.bodies.mc1 };
    const dueBefore = await api(f.leader.session, 'POST', '/api/tasks', {
      ...base,
      startDate: '2026-05-01',
      dueDate: '2026-04-01',
    });
    expect([dueBefore.statusCode, dueBefore.json().error.field]).toEqual([400, 'dueDate']);
    const unknownBody = await api(f.leader.session, 'POST', '/api/tasks', {
      ...base,
      leadBodyId: '00000000-0000-4000-8000-000000000009',
    });
    expect([unknownBody.statusCode, unknownBody.json().error.field]).toEqual([404, 'leadBodyId']);
    const coopIsLead = await api(f.leader.session, 'POST', '/api/tasks', {
      ...base,
      cooperators: [{ bodyId: f.bodies.mc1 }],
    });
    expect([coopIsLead.statusCode, coopIsLead.json().error.field]).toEqual([400, 'cooperators.0.bodyId']);
    const unknownKind = await api(f.leader.session, 'POST', '/api/tasks', { ...base, kind: 'nope' });
    expect([unknownKind.statusCode, unknownKind.json().error.field]).toEqual([404, 'kind']);
    // Every reference is read in one statement and checked in the order of the fields.
    const nobody = '00000000-0000-4000-8000-000000000009';
    const cases: [Record<string, unknown>, number, string][] = [
      [{ programmeId: nobody }, 404, 'programmeId'],
      [{ groupId: nobody }, 404, 'groupId'],
      [{ parentId: nobody }, 404, 'parentId'],
      [{ responsiblePersonId: nobody }, 404, 'responsiblePersonId'],
      [{ assigneeAccountId: nobody }, 404, 'assigneeAccountId'],
      [{ cooperators: [{ bodyId: f.bodies.mc1Women }, { bodyId: f.bodies.mc1Women }] }, 400, 'cooperators.1.bodyId'],
      [{ cooperators: [{ bodyId: f.bodies.mc1Youth }, { bodyId: nobody }] }, 404, 'cooperators.1.bodyId'],
      [{ cooperators: [{ bodyId: f.bodies.mc1Youth, personId: nobody }] }, 404, 'cooperators.0.personId'],
    ];
    for (const [over, status, field] of cases) {
      const r = await api(f.leader.session, 'POST', '/api/tasks', { ...base, ...over });
      expect([r.statusCode, r.json().error.field], JSON.stringify(over)).toEqual([status, field]);
    }
    const other = await buildProgramme(t().app, f.admin, f.bodies.province, 2027);
    const foreignGroup = await api(f.leader.session, 'POST', '/api/tasks', { ...base, groupId: other.groups[0]!.id });
    expect([foreignGroup.statusCode, foreignGroup.json().error.field]).toEqual([404, 'groupId']);
    const task = await newTask();
    const over = await api(f.officer.session, 'POST', `/api/tasks/${task.task.id}/progress`, { progress: 101 });
    expect(over.statusCode).toBe(400);
    const future = await api(f.officer.session, 'POST', `/api/tasks/${task.task.id}/progress`, {
      progress: 10,
      reportedOn: '2026-03-03',
    });
    expect([future.statusCode, future.json().error.field]).toEqual([400, 'reportedOn']);
  });

  it('runs the workflow: report progress, report done, accepted by a leader — never by who reported it', async () => {
    const d = await newTask();
    const id = d.task.id;
    const p = await api(f.officer.session, 'POST', `/api/tasks/${id}/progress`, {
      progress: 40,
      note: 'Đã treo 20 băng rôn',
    });
    expect(p.statusCode, p.body).toBe(200);
    expect([p.json().task.status, p.json().task.progress]).toEqual(['in_progress', 40]);
    expect(p.json().updates[0]).toMatchObject({ kind: 'progress', progress: 40, reportedByName: 'Vũ Thị Lan' });
    // The village reporter has no role but is named nowhere on this task: not even visible.
    expect((await api(f.village.session, 'GET', `/api/tasks/${id}`)).statusCode).toBe(404);
    const officerAccept = await api(f.officer.session, 'POST', `/api/tasks/${id}/transition`, {
      version: p.json().task.version,
      action: 'accept',
    });
    expect(officerAccept.statusCode).toBe(409); // not reported done yet
    const done = await api(f.leader.session, 'POST', `/api/tasks/${id}/transition`, {
      version: p.json().task.version,
      action: 'report_done',
    });
    expect(done.json().task.status).toBe('reported_done');
    const self = await api(f.leader.session, 'POST', `/api/tasks/${id}/transition`, {
      version: done.json().task.version,
      action: 'accept',
    });
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'SELF_ACCEPT']);
    // Sending one's own report back is allowed: only accepting it is not.
    const back = await api(f.leader.session, 'POST', `/api/tasks/${id}/transition`, {
      version: done.json().task.version,
      action: 'return',
      reason: 'Báo cáo nhầm',
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('an officer reports done; the leader returns it with a reason, then accepts it; done on time', async () => {
    const d = await newTask();
    const id = d.task.id;
    let v = d.task.version;
    const done = await api(f.officer.session, 'POST', `/api/tasks/${id}/transition`, {
      version: v,
      action: 'report_done',
      reportedOn: '2026-03-02',
    });
    expect(done.statusCode, done.body).toBe(200);
    v = done.json().task.version;
    expect(
      (await api(f.officer.session, 'POST', `/api/tasks/${id}/transition`, { version: v, action: 'accept' }))
        .statusCode,
    ).toBe(403);
    const noReason = await api(f.leader.session, 'POST', `/api/tasks/${id}/transition`, {
      version: v,
      action: 'return',
    });
    expect([noReason.statusCode, noReason.json().error.field]).toEqual([400, 'reason']);
    const ret = await api(f.leader.session, 'POST', `/api/tasks/${id}/transition`, {
      version: v,
      action: 'return',
      reason: 'Thiếu ảnh minh chứng',
    });
    expect([ret.json().task.status, ret.json().task.statusReason]).toEqual(['returned', 'Thiếu ảnh minh chứng']);
    const again = await api(f.officer.session, 'POST', `/api/tasks/${id}/transition`, {
      version: ret.json().task.version,
      action: 'report_done',
    });
    const stale = await api(f.leader.session, 'POST', `/api/tasks/${id}/transition`, {
      version: ret.json().task.version,
      action: 'accept',
    });
    expect(stale.statusCode).toBe(409);
    const ok = await api(f.leader.session, 'POST', `/api/tasks/${id}/transition`, {
      version: again.json().task.version,
      action: 'accept',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect([ok.json().task.status, ok.json().task.timeliness, ok.json().task.progress]).toEqual([
      'accepted',
      'on_time',
      100,
    ]);
    expect(
      ok
        .json()
        .updates.filter((u: { kind: string }) => u.kind === 'status')
        .map((u: { toStatus: string }) => u.toStatus),
    ).toEqual(['accepted', 'reported_done', 'returned', 'reported_done', 'assigned']);
  });

  it('a cooperating body reads the task and reports on its own part only', async () => {
    const d = await newTask();
    const id = d.task.id;
    const seen = await api(f.women.session, 'GET', `/api/tasks/${id}`);
    expect(seen.statusCode).toBe(200);
    const womenPart = d.cooperators.find((c: { bodyName: string }) => c.bodyName.startsWith('Hội LHPN')).id;
    const youthPart = d.cooperators.find((c: { bodyName: string }) => c.bodyName.startsWith('Đoàn TN')).id;
    expect(seen.json().permissions).toMatchObject({
      report: false,
      reportParts: [womenPart],
      manage: false,
      accept: false,
    });
    expect((await api(f.women.session, 'POST', `/api/tasks/${id}/progress`, { progress: 30 })).statusCode).toBe(403);
    expect(
      (await api(f.women.session, 'POST', `/api/tasks/${id}/progress`, { progress: 30, cooperatorId: youthPart }))
        .statusCode,
    ).toBe(403);
    const own = await api(f.women.session, 'POST', `/api/tasks/${id}/progress`, {
      progress: 60,
      cooperatorId: womenPart,
      note: 'Đã họp 5 chi hội',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().cooperators.find((c: { id: string }) => c.id === womenPart).progress).toBe(60);
    expect(own.json().task.progress).toBe(0); // the lead's progress is the lead's report
  });

  it('reads the same programmes whole, set-based, as the per-programme rule (migration 0010)', async () => {
    const { ctx } = t();
    await newTask();
    const other = await buildProgramme(t().app, f.admin, f.bodies.province, 2028);
    expect(other.id).toBeTruthy();
    for (const who of [f.leader, f.officer, f.sibling, f.women, f.village]) {
      const set = await sql<{
        id: string;
      }>`select id from readable_programme_ids(${who.id}::uuid, '2026-03-02'::date) id order by 1`.execute(ctx.db);
      const each = await sql<{
        id: string;
      }>`select p.id from programmes p where p.deleted_at is null and programme_readable(${who.id}::uuid, '2026-03-02'::date, p.id) order by 1`.execute(
        ctx.db,
      );
      expect(set.rows, who.id).toEqual(each.rows);
    }
  });

  it('a sibling ward neither sees nor changes the task', async () => {
    const d = await newTask();
    expect((await api(f.sibling.session, 'GET', `/api/tasks/${d.task.id}`)).statusCode).toBe(404);
    expect(
      (await api(f.sibling.session, 'POST', `/api/tasks/${d.task.id}/progress`, { progress: 10 })).statusCode,
    ).toBe(404);
    const list = await api(f.sibling.session, 'GET', `/api/tasks?programmeId=${programme.id}`);
    expect(list.json().total).toBe(0);
    expect((await api(f.sibling.session, 'GET', '/api/programmes')).json()).toEqual([]);
    // A programme it cannot read is refused as a missing one.
    expect(
      (
        await api(f.sibling.session, 'POST', '/api/tasks', {
          programmeId: programme.id,
          kind: 'shared',
          title: 'X',
          leadBodyId: f.bodies.mc2,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a responsible person without a role sees the task in my work and reports, and reads the parent chain', async () => {
    const parent = await newTask({ title: 'Xây dựng mô hình khu dân cư tự quản' });
    const sub = await api(f.leader.session, 'POST', '/api/tasks', {
      programmeId: programme.id,
      parentId: parent.task.id,
      kind: 'shared',
      title: 'Khu 1 thực hiện mô hình',
      leadBodyId: f.bodies.mc1,
      responsiblePersonId: f.village.personId,
      dueDate: '2026-03-05',
      assign: true,
      cooperators: [],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const mine = (await api(f.village.session, 'GET', '/api/my-work')).json().items;
    expect(mine.map((x: { title: string; myRoles: string[] }) => [x.title, x.myRoles])).toEqual([
      ['Khu 1 thực hiện mô hình', ['responsible']],
    ]);
    expect(mine[0].timeliness).toBe('due_soon');
    const parentSeen = await api(f.village.session, 'GET', `/api/tasks/${parent.task.id}`);
    expect(parentSeen.statusCode).toBe(200);
    expect(parentSeen.json().permissions).toMatchObject({ manage: false, report: false, actions: [] });
    const rep = await api(f.village.session, 'POST', `/api/tasks/${sub.json().task.id}/progress`, {
      progress: 50,
      reportedByPersonId: f.villageHead,
    });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json().updates[0]).toMatchObject({ reportedByName: 'Lê Văn Khu', enteredById: f.village.id });
  });

  it('my work comes in pages with exact totals by section, in one order across the pages, each task with its roles', async () => {
    // Today is 2026-03-02 (the test clock): one overdue, two due within 7 days, one later, one without a due date.
    // In a programme of their own, so that the lists of the tests after this one count what they expect.
    const own = await buildProgramme(t().app, f.leader.session, f.bodies.mc1, 2025);
    for (const [title, dueDate] of [
      ['Việc quá hạn', '2026-02-20'],
      ['Việc sắp đến hạn 1', '2026-03-04'],
      ['Việc sắp đến hạn 2', '2026-03-09'],
      ['Việc tháng sau', '2026-04-30'],
      ['Việc không hạn', null],
    ] as const) {
      await newTask({
        title,
        dueDate,
        startDate: '2026-02-01',
        programmeId: own.id,
        groupId: own.groups[0]!.id,
        assigneeAccountId: f.officer.id,
        cooperators: [],
      });
    }
    const get = async (query: string) => {
      const r = await api(f.officer.session, 'GET', `/api/my-work?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const all = await get('pageSize=500');
    expect(all.total).toBe(all.items.length);
    expect(all.sections.overdue + all.sections.dueSoon + all.sections.rest).toBe(all.total);
    expect(all.sections.overdue).toBe(
      all.items.filter((x: { timeliness: string }) => x.timeliness === 'overdue').length,
    );
    expect(all.sections.dueSoon).toBe(
      all.items.filter((x: { timeliness: string }) => x.timeliness === 'due_soon').length,
    );
    expect(all.sections.overdue).toBeGreaterThan(0);
    expect(all.sections.dueSoon).toBeGreaterThan(1);
    // Overdue first, then by due date (none last); the officer follows each of these.
    const mine = all.items.filter((x: { title: string }) => x.title.startsWith('Việc '));
    expect(mine.map((x: { title: string }) => x.title)).toEqual([
      'Việc quá hạn',
      'Việc sắp đến hạn 1',
      'Việc sắp đến hạn 2',
      'Việc tháng sau',
      'Việc không hạn',
    ]);
    expect(mine.every((x: { myRoles: string[] }) => x.myRoles.includes('assignee'))).toBe(true);
    // Pages of two give the same tasks in the same order, the totals on every page, and nothing past the end.
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.total / 2) + 1; page++) pages.push(await get(`pageSize=2&page=${page}`));
    expect(pages.flatMap((p) => p.items.map((x: { id: string }) => x.id))).toEqual(
      all.items.map((x: { id: string }) => x.id),
    );
    expect(pages.every((p) => p.total === all.total && p.sections.overdue === all.sections.overdue)).toBe(true);
    expect(pages.at(-1).items).toEqual([]);
    // Filters narrow the totals too; a bad page size is refused with its field.
    const week = await get('dueWithin=7&pageSize=500');
    expect(week.total).toBe(all.sections.overdue + all.sections.dueSoon);
    expect(week.sections.rest).toBe(0);
    const bad = await api(f.officer.session, 'GET', '/api/my-work?pageSize=501');
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'pageSize']);
  });

  it('a list page is the documented task page and nothing more, for every kind of row (it is written without a second pass through the schema)', async () => {
    const parent = await newTask({ title: 'Nhân rộng mô hình dân vận khéo', targetValue: 12, targetUnit: 'mô hình' });
    const sub = await api(f.leader.session, 'POST', '/api/tasks', {
      programmeId: programme.id,
      parentId: parent.task.id,
      kind: 'shared',
      title: 'Khu 2 báo cáo mô hình',
      leadBodyId: f.bodies.mc1,
      weight: 2,
      assign: true,
      cooperators: [],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    await newTask({ title: 'Họp chi bộ định kỳ', dueDate: null, groupId: null, cooperators: [] });
    for (const query of [
      '',
      '&q=dan van',
      '&sort=due',
      `&parentId=${parent.task.id}`,
      '&topLevel=true&sort=progress',
      '&page=99',
    ]) {
      const r = await api(f.leader.session, 'GET', `/api/tasks?programmeId=${programme.id}${query}`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(taskPage.parse(body), query).toEqual(body);
    }
    const bad = await api(f.leader.session, 'GET', `/api/tasks?programmeId=${programme.id}&pageSize=0`);
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'pageSize']);
  });

  it('a task page is the documented task detail and nothing more, with every part filled (it is written without a second pass through the schema)', async () => {
    const parent = await newTask({ title: 'Nhân rộng mô hình dân vận khéo', targetValue: 12, targetUnit: 'mô hình' });
    const sub = await api(f.leader.session, 'POST', '/api/tasks', {
      programmeId: programme.id,
      parentId: parent.task.id,
      kind: 'shared',
      title: 'Khu 2 báo cáo mô hình',
      leadBodyId: f.bodies.mc1,
      weight: 2,
      dueDate: '2026-03-20',
      assign: true,
      cooperators: [{ bodyId: f.bodies.mc1Women, part: 'Phụ nữ' }],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const subId = sub.json().task.id;
    const up = await uploadFile(t().app, f.officer.session, 'bien-ban.png', PNG);
    expect(
      (
        await api(f.officer.session, 'POST', `/api/tasks/${subId}/progress`, {
          progress: 40,
          note: 'Đã họp dân',
          fileIds: [up.json().id],
        })
      ).statusCode,
    ).toBe(200);
    const loose = await uploadFile(t().app, f.officer.session, 'ke-hoach.png', PNG);
    expect(
      (await api(f.officer.session, 'POST', `/api/tasks/${subId}/files`, { fileId: loose.json().id })).statusCode,
    ).toBe(200);
    expect(
      (await api(f.officer.session, 'POST', `/api/tasks/${subId}/comments`, { note: 'Cần thêm ảnh' })).statusCode,
    ).toBe(200);
    expect(
      (
        await api(f.officer.session, 'POST', `/api/tasks/${subId}/extensions`, {
          requestedDueDate: '2026-04-15',
          reason: 'Chờ kinh phí',
        })
      ).statusCode,
    ).toBe(200);
    for (const [session, id] of [
      [f.leader.session, parent.task.id],
      [f.leader.session, subId],
      [f.women.session, subId],
      [f.officer.session, subId],
    ] as const) {
      const r = await api(session, 'GET', `/api/tasks/${id}`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(taskDetail.parse(body)).toEqual(body);
    }
    const page = (await api(f.leader.session, 'GET', `/api/tasks/${subId}`)).json();
    expect([
      page.parents.length,
      page.updates.length >= 3,
      page.files.length,
      page.updates.some((u: { files: unknown[] }) => u.files.length === 1),
      page.extensions.length,
      page.cooperators.length,
    ]).toEqual([1, true, 1, true, 1, 1]);
    expect((await api(f.leader.session, 'GET', `/api/tasks/${parent.task.id}`)).json().subtasks.length).toBe(1);
  });

  it('rolls progress up to the parent by subtask weight, the same in every view', async () => {
    const parent = await newTask({ title: 'Cuộc vận động xây dựng đô thị văn minh' });
    const mk = async (title: string, weight: number) =>
      (
        await api(f.leader.session, 'POST', '/api/tasks', {
          programmeId: programme.id,
          parentId: parent.task.id,
          kind: 'shared',
          title,
          leadBodyId: f.bodies.mc1,
          weight,
          assign: true,
          cooperators: [],
        })
      ).json().task;
    const a = await mk('Vườn mẫu', 3);
    const b = await mk('Hộ mẫu', 1);
    await api(f.officer.session, 'POST', `/api/tasks/${a.id}/progress`, { progress: 100 });
    await api(f.officer.session, 'POST', `/api/tasks/${b.id}/progress`, { progress: 20 });
    // (3×100 + 1×20) / 4 = 80
    const detail = (await api(f.leader.session, 'GET', `/api/tasks/${parent.task.id}`)).json();
    expect(detail.task.progress).toBe(80);
    const listed = (await api(f.leader.session, 'GET', `/api/tasks?programmeId=${programme.id}&q=van minh`)).json()
      .items;
    expect(listed.map((x: { progress: number }) => x.progress)).toEqual([80]);
    const onParent = await api(f.officer.session, 'POST', `/api/tasks/${parent.task.id}/progress`, { progress: 10 });
    expect([onParent.statusCode, onParent.json().error.field]).toEqual([400, 'progress']);
  });

  it('finds tasks ignoring diacritics, as a phrase', async () => {
    await newTask({ title: 'Hội thi người giới thiệu hay nhất về Móng Cái' });
    const r = (
      await api(f.leader.session, 'GET', `/api/tasks?programmeId=${programme.id}&q=${encodeURIComponent('mong cai')}`)
    ).json();
    expect(r.items.some((x: { title: string }) => x.title.includes('Móng Cái'))).toBe(true);
    const apart = (
      await api(f.leader.session, 'GET', `/api/tasks?programmeId=${programme.id}&q=${encodeURIComponent('cai mong')}`)
    ).json();
    expect(apart.total).toBe(0);
  });

  it('answers each list with its own filters, though the statement is built once per shape: the totals match the tasks table', async () => {
    await newTask({ title: 'Danh sách kiểm tra 1', assigneeAccountId: f.officer.id });
    await newTask({ title: 'Danh sách kiểm tra 2', assigneeAccountId: f.leader.id, groupId: programme.groups[1]!.id });
    await newTask({ title: 'Danh sách kiểm tra 3', assigneeAccountId: f.leader.id, assign: false });
    const truth = async (where: ReturnType<typeof sql>) =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from tasks t where t.programme_id = ${programme.id}::uuid and t.deleted_at is null and ${where}`.execute(
          t().db.db,
        )
      ).rows[0]!.n;
    const list = async (query: string) =>
      (await api(f.leader.session, 'GET', `/api/tasks?programmeId=${programme.id}&${query}`)).json();
    const cases: [string, ReturnType<typeof sql>][] = [
      [`assigneeAccountId=${f.officer.id}`, sql`t.assignee_account_id = ${f.officer.id}::uuid`],
      [`assigneeAccountId=${f.leader.id}`, sql`t.assignee_account_id = ${f.leader.id}::uuid`],
      [
        `assigneeAccountId=${f.leader.id}&status=draft`,
        sql`t.assignee_account_id = ${f.leader.id}::uuid and t.status = 'draft'`,
      ],
      [
        `assigneeAccountId=${f.leader.id}&status=assigned`,
        sql`t.assignee_account_id = ${f.leader.id}::uuid and t.status = 'assigned'`,
      ],
      ['status=draft&status=assigned', sql`t.status in ('draft', 'assigned')`],
      ['status=assigned&status=cancelled', sql`t.status in ('assigned', 'cancelled')`],
      [`groupId=${programme.groups[0]!.id}`, sql`t.group_id = ${programme.groups[0]!.id}::uuid`],
      [`groupId=${programme.groups[1]!.id}`, sql`t.group_id = ${programme.groups[1]!.id}::uuid`],
    ];
    for (const [query, where] of cases) {
      const r = await list(query);
      expect(r.total, query).toBe(await truth(where));
      expect(r.total, query).toBeGreaterThan(0);
      expect(r.items.length, query).toBe(Math.min(r.total, 25));
    }
    // Pages of one shape: each its own rows; past the end, no rows and the total still counted.
    const all = await truth(sql`true`);
    const p1 = await list('pageSize=2&page=1');
    const p2 = await list('pageSize=2&page=2');
    expect([p1.total, p2.total, p1.items.length, p2.items.length]).toEqual([all, all, 2, 2]);
    expect(p2.items.map((x: { id: string }) => x.id)).not.toContain(p1.items[0].id);
    const past = await list(`pageSize=2&page=${Math.ceil(all / 2) + 1}`);
    expect([past.total, past.items.length]).toEqual([all, 0]);
  });

  it('ranks a search: the words exactly as typed first, then at the start of a word, then inside one', async () => {
    for (const title of ['Phân loại Ultra cỏ', 'Kiểm tra cống hộp', 'Lễ hội Trà Cổ']) await newTask({ title });
    const titles = async (term: string, extra = '') => {
      const r = (
        await api(
          f.leader.session,
          'GET',
          `/api/tasks?programmeId=${programme.id}&q=${encodeURIComponent(term)}${extra}`,
        )
      ).json();
      return r.items.map((x: { title: string }) => x.title);
    };
    expect(await titles('Trà Cổ')).toEqual(['Lễ hội Trà Cổ', 'Kiểm tra cống hộp', 'Phân loại Ultra cỏ']);
    // Typed otherwise (capitals, no accents) the first two are alike (by number); the same three are found.
    expect(await titles('TRÀ CỔ')).toEqual(['Kiểm tra cống hộp', 'Lễ hội Trà Cổ', 'Phân loại Ultra cỏ']);
    expect(await titles('Tra Co')).toEqual(['Kiểm tra cống hộp', 'Lễ hội Trà Cổ', 'Phân loại Ultra cỏ']);
    // A chosen order wins over relevance.
    expect(await titles('Trà Cổ', '&sort=number')).toEqual([
      'Phân loại Ultra cỏ',
      'Kiểm tra cống hộp',
      'Lễ hội Trà Cổ',
    ]);
  });

  it('search follows each write to a task: a new title is found and the old one not, a new group, a deleted task gone (task_search, migration 0011)', async () => {
    const found = async (term: string, extra = '') =>
      (
        await api(
          f.leader.session,
          'GET',
          `/api/tasks?programmeId=${programme.id}&q=${encodeURIComponent(term)}${extra}`,
        )
      )
        .json()
        .items.map((x: { id: string }) => x.id);
    const d = await newTask({ title: 'Khảo sát nhà văn hóa khu 3' });
    expect(await found('nha van hoa khu 3')).toEqual([d.task.id]);
    const edited = await api(f.leader.session, 'PATCH', `/api/tasks/${d.task.id}`, {
      version: d.task.version,
      title: 'Sửa chữa nhà văn hóa khu 5',
      groupId: programme.groups[1]!.id,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await found('nha van hoa khu 3')).toEqual([]);
    expect(await found('Nhà văn hóa khu 5', `&groupId=${programme.groups[1]!.id}`)).toEqual([d.task.id]);
    expect(await found('Nhà văn hóa khu 5', `&groupId=${programme.groups[0]!.id}`)).toEqual([]);
    // With a filter on the task itself (status) the search still answers from the same rows.
    expect(await found('Nhà văn hóa khu 5', '&status=assigned')).toEqual([d.task.id]);
    expect(await found('Nhà văn hóa khu 5', '&status=accepted')).toEqual([]);
    await sql`update tasks set deleted_at = now() where id = ${d.task.id}::uuid`.execute(t().db.db);
    expect(await found('Nhà văn hóa khu 5')).toEqual([]);
    await sql`update tasks set deleted_at = null where id = ${d.task.id}::uuid`.execute(t().db.db);
    expect(await found('Nhà văn hóa khu 5')).toEqual([d.task.id]);
    // The copy holds exactly the tasks not deleted, with their titles, after every test so far.
    const apart = await sql<{ n: number }>`select count(*)::int as n from (
      (select id, programme_id, group_id, number, title, title_fold from tasks where deleted_at is null
       except select id, programme_id, group_id, number, title, title_fold from task_search)
      union all
      (select id, programme_id, group_id, number, title, title_fold from task_search
       except select id, programme_id, group_id, number, title, title_fold from tasks where deleted_at is null)) x`.execute(
      t().db.db,
    );
    expect(apart.rows[0]!.n).toBe(0);
  });

  it('the overview counts done, on time, late and overdue per group and body, with key tasks apart', async () => {
    await newTask({ kind: 'key', title: 'Phối hợp tổ chức bầu cử', dueDate: '2026-03-01', startDate: '2026-02-01' });
    const o = await api(f.leader.session, 'GET', `/api/programmes/${programme.id}/overview`);
    expect(o.statusCode, o.body).toBe(200);
    const body = o.json();
    expect(body.totals.total).toBeGreaterThan(5);
    expect(body.totals.overdue).toBeGreaterThanOrEqual(1);
    const key = body.apart.find((a: { kind: string }) => a.kind === 'key');
    expect(key.counts).toMatchObject({ total: 1, overdue: 1 });
    expect(key.tasks[0].title).toBe('Phối hợp tổ chức bầu cử');
    expect(body.bodies[0].bodyName).toBe('Ủy ban MTTQ Phường Móng Cái 1');
  });
});
