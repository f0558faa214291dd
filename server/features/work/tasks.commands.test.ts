import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildProgramme, PNG, uploadFile, type WorkFixture } from '../../../test/work-fixture.ts';
import { createDueOccurrences } from './task.recurrence.service.ts';
import { useTaskTests } from './tasks.testkit.ts';

describe('tasks: rights, extensions, cascades, recurrence, handover, files', () => {
  const { t, api, newTask, shared } = useTaskTests();
  let f: WorkFixture;
  let programme: { id: string; groups: { id: string }[] };

  beforeAll(() => {
    f = shared.f;
    programme = shared.programme;
  });

  it('rights read from remembered grants are the rights the database gives, for every caller and task (narrowed, cooperating, outside)', async () => {
    const { taskAccess } = await import('./task.access.ts');
    const { taskDetail } = await import('./task.detail.service.ts');
    const { callerOf, withRememberedScope } = await import('./work.scope.ts');
    const province = await buildProgramme(t().app, f.admin, f.bodies.province, 2029);
    const ids: string[] = [
      (await newTask()).task.id,
      (
        await newTask({
          leadBodyId: f.bodies.mc1Women,
          cooperators: [{ bodyId: f.bodies.mc1Youth }, { bodyId: f.bodies.province, personId: f.village.personId }],
        })
      ).task.id,
    ];
    for (const [pid, lead, coop] of [
      [province.id, f.bodies.mc2, f.bodies.mc1Women],
      [province.id, f.bodies.mc1, f.bodies.mc2],
      [province.id, f.bodies.province, f.bodies.mc1Youth],
    ] as const) {
      const r = await api(f.admin, 'POST', '/api/tasks', {
        programmeId: pid,
        kind: 'shared',
        title: 'Giám sát công trình',
        leadBodyId: lead,
        assign: true,
        cooperators: [{ bodyId: coop, part: 'Phối hợp' }],
      });
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().task.id);
    }
    const db = t().db.db;
    const now = new Date('2026-03-02T02:00:00Z');
    const answers = async (c: Awaited<ReturnType<typeof callerOf>>, id: string) => {
      const a = await taskAccess(db, c, id).then(
        ({ facts: _f, ...rest }) => rest,
        (e: { code?: string }) => e.code,
      );
      const d = await taskDetail({ app: { db }, caller: c, lang: 'vi' }, id).then(
        (x) => x.permissions,
        (e: { code?: string }) => e.code,
      );
      return { a, d };
    };
    let compared = 0;
    for (const who of [f.leader, f.officer, f.sibling, f.women, f.village]) {
      const plain = await callerOf(db, { me: { id: who.id, isAdmin: false } }, '2026-03-02');
      const remembered = await withRememberedScope(db, plain, now);
      expect(remembered.grants).toBeDefined();
      for (const id of ids) {
        const bySql = await answers(plain, id);
        expect(await answers(remembered, id), `${who.id} ${id}`).toEqual(bySql);
        compared++;
      }
    }
    expect(compared).toBe(25);
    // The narrowed officer of the Women's Union reports on its own body's part only, by its grant.
    const women = await withRememberedScope(
      db,
      await callerOf(db, { me: { id: f.women.id, isAdmin: false } }, '2026-03-02'),
      now,
    );
    expect(women.grants!.map((g) => g.bodyId)).toEqual([f.bodies.mc1Women]);
    expect((await taskAccess(db, women, ids[1]!)).report).toBe(true);
  });

  it('a deadline extension is requested with a reason and granted by the owner; the original due date is kept', async () => {
    const d = await newTask({ dueDate: '2026-03-10' });
    const req = await api(f.officer.session, 'POST', `/api/tasks/${d.task.id}/extensions`, {
      requestedDueDate: '2026-04-15',
      reason: 'Chờ kinh phí',
    });
    expect(req.statusCode, req.body).toBe(200);
    const ext = req.json().extensions[0];
    expect(
      (
        await api(f.officer.session, 'POST', `/api/task-extensions/${ext.id}/decide`, {
          version: ext.version,
          decision: 'granted',
        })
      ).statusCode,
    ).toBe(200); // an officer manages in its ward
    const after = (await api(f.leader.session, 'GET', `/api/tasks/${d.task.id}`)).json();
    expect([after.task.dueDate, after.task.originalDueDate]).toEqual(['2026-04-15', '2026-03-10']);
    expect(
      (
        await api(f.leader.session, 'POST', `/api/task-extensions/${ext.id}/decide`, {
          version: ext.version + 1,
          decision: 'refused',
        })
      ).statusCode,
    ).toBe(409);
    const earlier = await api(f.officer.session, 'POST', `/api/tasks/${d.task.id}/extensions`, {
      requestedDueDate: '2026-04-01',
      reason: 'x',
    });
    expect(earlier.statusCode).toBe(400);
  });

  it('concurrent edits: a stale version is 409', async () => {
    const d = await newTask({ assign: false });
    const first = await api(f.leader.session, 'PATCH', `/api/tasks/${d.task.id}`, {
      version: d.task.version,
      title: 'Tên mới',
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await api(f.officer.session, 'PATCH', `/api/tasks/${d.task.id}`, {
      version: d.task.version,
      title: 'Tên khác',
    });
    expect(second.statusCode).toBe(409);
  });

  it('cascades a province task to every ward: one subtask per same-line body, skipping wards without one', async () => {
    const prov = await api(f.admin, 'POST', '/api/programmes', {
      bodyId: f.bodies.province,
      year: 2026,
      title: 'Chương trình công tác năm 2026 của Ủy ban MTTQ tỉnh',
      groups: ['Tuyên truyền'],
    });
    expect(prov.statusCode, prov.body).toBe(201);
    const task = await api(f.admin, 'POST', '/api/tasks', {
      programmeId: prov.json().id,
      kind: 'shared',
      title: 'Ra mắt mô hình tổ dân cư tự quản',
      leadBodyId: f.bodies.province,
      dueDate: '2026-06-30',
      assign: true,
      cooperators: [],
    });
    const c = await api(f.admin, 'POST', `/api/tasks/${task.json().task.id}/cascade`, {});
    expect(c.statusCode, c.body).toBe(200);
    expect(
      c
        .json()
        .created.map((x: { bodyName: string }) => x.bodyName)
        .sort(),
    ).toEqual(['Ủy ban MTTQ Phường Móng Cái 1', 'Ủy ban MTTQ Phường Móng Cái 2']);
    expect(c.json().skipped.length).toBeGreaterThan(40);
    const again = await api(f.admin, 'POST', `/api/tasks/${task.json().task.id}/cascade`, { unitCodes: ['06712'] });
    expect(again.json()).toMatchObject({ created: [], skipped: [{ unitCode: '06712', reason: 'already' }] });
    // Each ward sees its own subtask and, read-only, the parent; not the sibling's.
    const mine = (await api(f.officer.session, 'GET', `/api/tasks?parentId=${task.json().task.id}`)).json();
    expect(mine.items.map((x: { leadBodyName: string }) => x.leadBodyName)).toEqual(['Ủy ban MTTQ Phường Móng Cái 1']);
    const parent = (await api(f.officer.session, 'GET', `/api/tasks/${task.json().task.id}`)).json();
    expect(parent.permissions.manage).toBe(false);
    // The ward breaks its subtask down in the province's programme, which it does not read whole: a part it leads
    // itself is made; a part led by the sibling ward, which it could not read, is refused and nothing of it is kept.
    const own = mine.items[0];
    const part = await api(f.leader.session, 'POST', '/api/tasks', {
      programmeId: prov.json().id,
      parentId: own.id,
      kind: 'shared',
      title: 'Khu 1 ra mắt tổ tự quản',
      leadBodyId: f.bodies.mc1,
      assign: true,
      cooperators: [],
    });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().task.parentId).toBe(own.id);
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from tasks where programme_id = ${prov.json().id}::uuid`.execute(t().db.db);
    const outside = await api(f.leader.session, 'POST', '/api/tasks', {
      programmeId: prov.json().id,
      parentId: own.id,
      kind: 'shared',
      title: 'Phường bạn ra mắt tổ tự quản',
      leadBodyId: f.bodies.mc2,
      assign: true,
      cooperators: [],
    });
    expect([outside.statusCode, outside.json().error.field]).toEqual([404, 'leadBodyId']);
    const after = await sql<{
      n: number;
    }>`select count(*)::int as n from tasks where programme_id = ${prov.json().id}::uuid`.execute(t().db.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const bad = await api(f.admin, 'POST', `/api/tasks/${task.json().task.id}/cascade`, { unitCodes: ['99999'] });
    expect([bad.statusCode, bad.json().error.field]).toEqual([404, 'unitCodes.0']);
  });

  it('a monthly task creates its next occurrence by itself once accepted or past due, once', async () => {
    const d = await newTask({
      title: 'Giao ban tháng',
      recurrence: 'monthly',
      startDate: '2026-02-01',
      dueDate: '2026-02-28',
      cooperators: [],
    });
    const { ctx } = t();
    expect(await createDueOccurrences(ctx, '2026-03-02')).toBeGreaterThanOrEqual(1);
    expect(await createDueOccurrences(ctx, '2026-03-02')).toBe(0);
    const series = (
      await api(f.leader.session, 'GET', `/api/tasks?programmeId=${programme.id}&q=giao ban thang&sort=due`)
    ).json().items;
    expect(
      series.map((x: { occurrence: number; startDate: string; dueDate: string; status: string }) => [
        x.occurrence,
        x.startDate,
        x.dueDate,
        x.status,
      ]),
    ).toEqual([
      [1, '2026-02-01', '2026-02-28', 'assigned'],
      [2, '2026-03-01', '2026-03-28', 'assigned'],
    ]);
    expect(d.task.recurrence).toBe('monthly');
  });

  it('hands the tasks an account follows over to another', async () => {
    const d = await newTask({ assigneeAccountId: f.officer.id });
    const open = await api(f.admin, 'GET', `/api/accounts/${f.officer.id}/open-work`);
    expect(open.json().items.find((i: { key: string }) => i.key === 'tasks').open).toBeGreaterThanOrEqual(1);
    const h = await api(f.admin, 'POST', `/api/accounts/${f.officer.id}/handover`, { toAccountId: f.leader.id });
    expect(h.statusCode, h.body).toBe(200);
    expect((await api(f.leader.session, 'GET', `/api/tasks/${d.task.id}`)).json().task.assigneeAccountId).toBe(
      f.leader.id,
    );
  });

  it('evidence files: type and size checked, linked to the report, readable only by those who read the task', async () => {
    const d = await newTask();
    const bad = await uploadFile(t().app, f.officer.session, 'virus.exe', Buffer.from('MZ....'));
    expect(bad.statusCode).toBe(415);
    const big = await uploadFile(
      t().app,
      f.officer.session,
      'lon.png',
      Buffer.concat([PNG, Buffer.alloc(21 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    const up = await uploadFile(t().app, f.officer.session, 'ảnh họp.png', PNG);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json();
    expect(file.contentType).toBe('image/png');
    // Before it is linked, only its uploader reads it.
    expect((await api(f.women.session, 'GET', file.url)).statusCode).toBe(404);
    const rep = await api(f.officer.session, 'POST', `/api/tasks/${d.task.id}/progress`, {
      progress: 30,
      fileIds: [file.id],
    });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json().updates[0].files.map((x: { filename: string }) => x.filename)).toEqual(['ảnh họp.png']);
    expect((await api(f.women.session, 'GET', file.url)).statusCode).toBe(200);
    expect((await api(f.sibling.session, 'GET', file.url)).statusCode).toBe(404);
    const reuse = await api(f.officer.session, 'POST', `/api/tasks/${d.task.id}/files`, { fileId: file.id });
    expect([reuse.statusCode, reuse.json().error.field]).toEqual([400, 'fileId']);
    const other = await uploadFile(t().app, f.leader.session, 'ke-hoach.png', PNG);
    const stolen = await api(f.officer.session, 'POST', `/api/tasks/${d.task.id}/files`, { fileId: other.json().id });
    expect(stolen.statusCode).toBe(404);
  });

  it('a leader narrowed to the owner body reads and accepts tasks led by another body of its programme', async () => {
    const { buildAccount, PASSWORD } = await import('../../../test/factories.ts');
    const { signIn } = await import('../../../test/app.ts');
    const a = await buildAccount(t().ctx);
    expect(
      (
        await api(f.admin, 'POST', `/api/accounts/${a.id}/roles`, {
          role: 'leader',
          unitCode: '06712',
          bodyId: f.bodies.mc1,
        })
      ).statusCode,
    ).toBe(201);
    const narrowed = await signIn(t().app, a.username, PASSWORD);
    const created = await api(narrowed, 'POST', '/api/tasks', {
      programmeId: programme.id,
      kind: 'specialised',
      title: 'Tuyên truyền phòng, chống bạo lực gia đình',
      leadBodyId: f.bodies.mc1Women,
      assign: true,
      cooperators: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const done = await api(f.women.session, 'POST', `/api/tasks/${created.json().task.id}/transition`, {
      version: created.json().task.version,
      action: 'report_done',
    });
    expect(done.statusCode, done.body).toBe(200);
    const ok = await api(narrowed, 'POST', `/api/tasks/${created.json().task.id}/transition`, {
      version: done.json().task.version,
      action: 'accept',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // A subtask led by a body outside the creator's scope is refused and nothing is written.
    const before = (await api(f.admin, 'GET', `/api/tasks?programmeId=${programme.id}&pageSize=1`)).json().total;
    const outside = await api(f.women.session, 'POST', '/api/tasks', {
      programmeId: programme.id,
      parentId: created.json().task.id,
      kind: 'shared',
      title: 'Phần của phường bạn',
      leadBodyId: f.bodies.mc2,
      cooperators: [],
    });
    expect([outside.statusCode, outside.json().error.field]).toEqual([404, 'leadBodyId']);
    expect((await api(f.admin, 'GET', `/api/tasks?programmeId=${programme.id}&pageSize=1`)).json().total).toBe(before);
  });

  it('tells who may create a programme', async () => {
    expect((await api(f.leader.session, 'GET', '/api/work/permissions')).json()).toEqual({ createProgramme: true });
    expect((await api(f.village.session, 'GET', '/api/work/permissions')).json()).toEqual({ createProgramme: false });
    // A body it does not read is refused as a missing one; one it reads without the right, as forbidden.
    expect(
      (await api(f.village.session, 'POST', '/api/programmes', { bodyId: f.bodies.mc1, year: 2030, title: 'Thử' }))
        .statusCode,
    ).toBe(404);
    const { buildAccount, PASSWORD } = await import('../../../test/factories.ts');
    const { signIn } = await import('../../../test/app.ts');
    const a = await buildAccount(t().ctx);
    expect(
      (await api(f.admin, 'POST', `/api/accounts/${a.id}/roles`, { role: 'viewer', unitCode: '06712' })).statusCode,
    ).toBe(201);
    expect(
      (
        await api(await signIn(t().app, a.username, PASSWORD), 'POST', '/api/programmes', {
          bodyId: f.bodies.mc1,
          year: 2030,
          title: 'Thử',
        })
      ).statusCode,
    ).toBe(403);
  });
});
