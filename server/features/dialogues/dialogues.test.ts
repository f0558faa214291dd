import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { buildProgramme, uploadFile, workFixture, type WorkFixture } from '../../../test/work-fixture.ts';
import { buildHousehold, buildProject } from '../clearance/clearance.testkit.ts';

type Json = Record<string, unknown> & { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('dialogues with residents: attendees, outcomes and their tasks in one step', () => {
  const t = useTestApp({ start: '2026-03-12T02:00:00Z' });
  let f: WorkFixture;
  let programme: { id: string };
  let project: { id: string };
  let household: { id: string };

  beforeAll(async () => {
    f = await workFixture(t());
    programme = await buildProgramme(t().app, f.leader.session, f.bodies.mc1);
    project = (await buildProject(t(), f.leader.session, { bodyId: f.bodies.mc1 })).project;
    household = (await buildHousehold(t(), f.officer.session, project.id, { headName: 'Hộ ông Hoàng Văn Bảy' }))
      .household;
  }, 120_000);

  const api = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    call(t().app, { method, url, session, body });
  const count = async (table: 'tasks' | 'dialogues' | 'dialogue_outcomes') =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t().db.db)).rows[0]!.n);
  const dialogue = (over: Record<string, unknown> = {}) => ({
    bodyId: f.bodies.mc1,
    projectId: project.id,
    heldOn: '2026-03-10',
    title: 'Đối thoại với các hộ dân dự án đường dẫn cầu Bắc Luân II',
    place: 'Nhà văn hóa khu 3',
    chairPersonId: f.leader.personId,
    minutes: 'Các hộ nêu ý kiến về đơn giá bồi thường và vị trí tái định cư.',
    attendees: [
      { kind: 'official', personId: f.officer.personId, role: 'Cán bộ Mặt trận phường' },
      { kind: 'official', accountId: f.women.id },
      { kind: 'resident', householdId: household.id },
      { kind: 'resident', name: 'Bà Nguyễn Thị Tám', role: 'Đại diện 12 hộ khu 3' },
    ],
    outcomes: [
      {
        text: 'Đề nghị UBND phường rà soát lại đơn giá bồi thường đất vườn',
        task: { programmeId: programme.id, leadBodyId: f.bodies.mc1, dueDate: '2026-03-31', assign: true },
      },
      { text: 'Tổ chức đối thoại lần 2 sau khi có phương án tái định cư' },
    ],
    ...over,
  });

  it('records a dialogue and creates the tasks of its outcomes in the same step; the project counts it', async () => {
    const before = await count('tasks');
    const r = await api(f.officer.session, 'POST', '/api/dialogues', dialogue());
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json<Json>();
    expect(d.dialogue).toMatchObject({
      projectName: expect.stringContaining('Bắc Luân II'),
      chairName: 'Nguyễn Văn Định',
      attendeeCount: 4,
      residentCount: 2,
      outcomeCount: 2,
      taskCount: 1,
    });
    expect(d.attendees.map((a: Json) => [a.kind, a.name])).toEqual([
      ['official', 'Vũ Thị Lan'],
      ['official', expect.any(String)],
      ['resident', 'Hộ ông Hoàng Văn Bảy'],
      ['resident', 'Bà Nguyễn Thị Tám'],
    ]);
    const task = d.outcomes[0].task;
    expect(task).toMatchObject({
      title: 'Đề nghị UBND phường rà soát lại đơn giá bồi thường đất vườn',
      status: 'assigned',
      leadBodyName: 'Ủy ban MTTQ Phường Móng Cái 1',
      dueDate: '2026-03-31',
    });
    expect(d.outcomes[1].task).toBeNull();
    expect(await count('tasks')).toBe(before + 1);
    // The task is the work module's own.
    const w = await api(f.leader.session, 'GET', `/api/tasks/${task.id}`);
    expect(w.statusCode).toBe(200);
    expect(w.json().task.kind).toBe('specialised');
    // The project's summary counts the dialogue held.
    expect(
      (await api(f.leader.session, 'GET', `/api/key-projects/${project.id}`)).json().project.summary.dialogues,
    ).toBe(1);

    // Later, the second outcome becomes a task too; an outcome with a task cannot be removed.
    const edit = await api(f.officer.session, 'PATCH', `/api/dialogues/${d.dialogue.id}`, {
      version: d.dialogue.version,
      outcomes: [
        { id: d.outcomes[0].id, text: d.outcomes[0].text },
        {
          id: d.outcomes[1].id,
          text: d.outcomes[1].text,
          task: { programmeId: programme.id, leadBodyId: f.bodies.mc1Women, title: 'Chuẩn bị đối thoại lần 2' },
        },
      ],
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().outcomes[1].task).toMatchObject({ title: 'Chuẩn bị đối thoại lần 2', status: 'draft' });
    const removing = await api(f.officer.session, 'PATCH', `/api/dialogues/${d.dialogue.id}`, {
      version: edit.json().dialogue.version,
      outcomes: [],
    });
    expect([removing.statusCode, removing.json().error.field]).toEqual([400, 'outcomes']);
    const twice = await api(f.officer.session, 'PATCH', `/api/dialogues/${d.dialogue.id}`, {
      version: edit.json().dialogue.version,
      outcomes: [
        { id: d.outcomes[0].id, text: 'x', task: { programmeId: programme.id, leadBodyId: f.bodies.mc1 } },
        { id: d.outcomes[1].id, text: 'y' },
      ],
    });
    expect(twice.statusCode).toBe(409);
  });

  it('a task that cannot be created leaves neither the dialogue nor any task', async () => {
    const [tasks, dialogues, outcomes] = [
      await count('tasks'),
      await count('dialogues'),
      await count('dialogue_outcomes'),
    ];
    const r = await api(
      f.officer.session,
      'POST',
      '/api/dialogues',
      dialogue({
        outcomes: [
          { text: 'Việc hợp lệ', task: { programmeId: programme.id, leadBodyId: f.bodies.mc1 } },
          // Another ward's Front committee may not lead Móng Cái 1's work.
          { text: 'Việc giao sai', task: { programmeId: programme.id, leadBodyId: f.bodies.mc2 } },
        ],
      }),
    );
    expect([r.statusCode, r.json().error.field]).toEqual([404, 'outcomes.1.task.leadBodyId']);
    expect([await count('tasks'), await count('dialogues'), await count('dialogue_outcomes')]).toEqual([
      tasks,
      dialogues,
      outcomes,
    ]);
    // A due date before the start: refused naming the outcome's field, nothing written.
    const dates = await api(
      f.officer.session,
      'POST',
      '/api/dialogues',
      dialogue({
        outcomes: [
          {
            text: 'Sai ngày',
            task: {
              programmeId: programme.id,
              leadBodyId: f.bodies.mc1,
              startDate: '2026-04-01',
              dueDate: '2026-03-01',
            },
          },
        ],
      }),
    );
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.field).toMatch(/^outcomes\.0\.task\./);
    expect(await count('dialogues')).toBe(dialogues);
  });

  it('is read through its body’s scope; another ward neither reads nor records one for Móng Cái 1', async () => {
    const d = (await api(f.officer.session, 'POST', '/api/dialogues', dialogue({ outcomes: [] }))).json<Json>();
    expect((await api(f.sibling.session, 'GET', `/api/dialogues/${d.dialogue.id}`)).statusCode).toBe(404);
    const list = (await api(f.sibling.session, 'GET', '/api/dialogues')).json<Json>();
    expect(list.items.map((i: Json) => i.id)).not.toContain(d.dialogue.id);
    const mine = (await api(f.leader.session, 'GET', `/api/dialogues?projectId=${project.id}&q=bac luan`)).json<Json>();
    expect(mine.items.map((i: Json) => i.id)).toContain(d.dialogue.id);
    const create = await api(f.sibling.session, 'POST', '/api/dialogues', dialogue({ outcomes: [], attendees: [] }));
    expect([create.statusCode, create.json().error.field]).toEqual([404, 'bodyId']);
    const edit = await api(f.sibling.session, 'PATCH', `/api/dialogues/${d.dialogue.id}`, {
      version: d.dialogue.version,
      title: 'Sửa',
    });
    expect(edit.statusCode).toBe(404);
  });

  it('keeps the signed minutes as a file its readers open', async () => {
    const d = (await api(f.officer.session, 'POST', '/api/dialogues', dialogue({ outcomes: [] }))).json<Json>();
    const pdf = Buffer.from('%PDF-1.4\n%bien ban\n');
    const up = await uploadFile(
      t().app,
      f.officer.session,
      'bien-ban.pdf',
      pdf,
      `/api/dialogues/${d.dialogue.id}/minutes-file`,
    );
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().dialogue).toMatchObject({ minutesFileName: 'bien-ban.pdf' });
    const got = await api(f.leader.session, 'GET', up.json().dialogue.minutesFileUrl);
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await api(f.sibling.session, 'GET', up.json().dialogue.minutesFileUrl)).statusCode).toBe(404);
    const exe = await uploadFile(
      t().app,
      f.officer.session,
      'x.exe',
      Buffer.from('MZ'),
      `/api/dialogues/${d.dialogue.id}/minutes-file`,
    );
    expect(exe.statusCode).toBe(415);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const bad = async (body: unknown, status: number, field: string) => {
      const r = await api(f.officer.session, 'POST', '/api/dialogues', body);
      expect([r.statusCode, r.json().error.field], r.body).toEqual([status, field]);
    };
    await bad(dialogue({ heldOn: '2026-03-13' }), 400, 'heldOn');
    await bad(dialogue({ chairPersonId: null }), 400, 'chairName');
    await bad(dialogue({ place: '' }), 400, 'place');
    await bad(dialogue({ attendees: [{ kind: 'resident' }] }), 400, 'attendees.0.name');
    await bad(dialogue({ attendees: [{ kind: 'guest', name: 'A' }] }), 400, 'attendees.0.kind');
    await bad(
      dialogue({ projectId: null, attendees: [{ kind: 'resident', householdId: household.id }] }),
      404,
      'attendees.0.householdId',
    );
    await bad(dialogue({ outcomes: [{ text: '' }] }), 400, 'outcomes.0.text');
  });
});
