import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { buildProgramme, workFixture, type WorkFixture } from '../../../test/work-fixture.ts';
import { officeSkipReason, officeText, removeOfficeProfile } from '../../documents/office.testkit.ts';

describe('briefings: conclusions, tasks made from them, the conclusions notice', () => {
  const t = useTestApp({ start: '2026-03-12T02:00:00Z' });
  let f: WorkFixture;
  let programme: { id: string; groups: { id: string }[] };

  beforeAll(async () => {
    f = await workFixture(t());
    programme = await buildProgramme(t().app, f.leader.session, f.bodies.mc1);
  }, 120_000);
  afterAll(removeOfficeProfile);

  const api = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    call(t().app, { method, url, session, body });
  const record = async (over: Record<string, unknown> = {}, session = f.officer.session) => {
    const r = await api(session, 'POST', '/api/briefings', {
      bodyId: f.bodies.mc1,
      programmeId: programme.id,
      heldOn: '2026-03-10',
      title: 'Giao ban tháng 3/2026',
      chairPersonId: f.leader.personId,
      agenda: 'Đánh giá kết quả tháng 2, triển khai nhiệm vụ tháng 3.',
      attendees: [{ personId: f.women.personId, bodyId: f.bodies.mc1Women }, { name: 'Lê Văn Khách' }],
      conclusions: [
        'Tổ chức tuyên truyền bầu cử đại biểu Quốc hội tại các khu phố',
        'Rà soát hộ nghèo, cận nghèo trước ngày 30/4',
      ],
      ...over,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };

  it('a ward officer records a briefing with attendees and conclusions; a sibling ward neither sees nor changes it', async () => {
    const d = await record();
    expect(d.briefing).toMatchObject({
      bodyName: 'Ủy ban MTTQ Phường Móng Cái 1',
      unitName: 'Phường Móng Cái 1',
      heldOn: '2026-03-10',
      chairName: 'Nguyễn Văn Định',
      conclusionCount: 2,
      linkedCount: 0,
      notice: null,
      version: 1,
    });
    expect(d.attendees.map((a: { name: string; bodyName: string | null }) => [a.name, a.bodyName])).toEqual([
      ['Lê Văn Khách', null],
      ['Trần Thị Hoa', 'Hội LHPN Phường Móng Cái 1'],
    ]);
    expect(d.conclusions.map((c: { position: number; task: unknown }) => [c.position, c.task])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(d.permissions.manage).toBe(true);

    const mine = (
      await api(f.officer.session, 'GET', '/api/briefings?q=giao%20ban%20thang%203&from=2026-03-01&to=2026-03-31')
    ).json();
    expect(mine.items.map((b: { id: string }) => b.id)).toContain(d.briefing.id);
    expect(
      (await api(f.officer.session, 'GET', '/api/briefings?to=2026-03-09'))
        .json()
        .items.map((b: { id: string }) => b.id),
    ).not.toContain(d.briefing.id);
    expect((await api(f.sibling.session, 'GET', '/api/briefings')).json()).toEqual({ items: [], total: 0 });
    expect((await api(f.sibling.session, 'GET', `/api/briefings/${d.briefing.id}`)).statusCode).toBe(404);
    expect(
      (await api(f.sibling.session, 'PATCH', `/api/briefings/${d.briefing.id}`, { version: 1, title: 'Sửa' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await api(f.sibling.session, 'POST', '/api/briefings', {
          bodyId: f.bodies.mc1,
          heldOn: '2026-03-10',
          title: 'X',
        })
      ).statusCode,
    ).toBe(404);
    // A body narrowed role (Women's Union) reads the Front committee's briefing only if its line covers it: it does not.
    expect((await api(f.women.session, 'GET', `/api/briefings/${d.briefing.id}`)).statusCode).toBe(404);
    const audit = await t()
      .db.db.selectFrom('audit_log')
      .select(['action', 'actor_account_id'])
      .where('table_name', '=', 'briefings')
      .where('record_id', '=', d.briefing.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_account_id: f.officer.id }]);
  });

  it('refuses bad input with a clear 4xx naming the field', async () => {
    const base = { bodyId: f.bodies.mc1, heldOn: '2026-03-10', title: 'Giao ban' };
    const post = (body: unknown) => api(f.officer.session, 'POST', '/api/briefings', body);
    const cases: [unknown, number, string][] = [
      [{ ...base, bodyId: '00000000-0000-4000-8000-000000000009' }, 404, 'bodyId'],
      [{ ...base, heldOn: '2026-02-30' }, 400, 'heldOn'],
      [{ ...base, heldOn: '10/03/2026' }, 400, 'heldOn'],
      [{ ...base, attendees: [{}] }, 400, 'attendees.0.name'],
      [{ ...base, attendees: [{ personId: '00000000-0000-4000-8000-000000000009' }] }, 404, 'attendees.0.personId'],
      [{ ...base, conclusions: ['  '] }, 400, 'conclusions.0'],
      [{ ...base, title: '' }, 400, 'title'],
      [{ ...base, chairPersonId: '00000000-0000-4000-8000-000000000009' }, 404, 'chairPersonId'],
      [{ ...base, programmeId: '00000000-0000-4000-8000-000000000009' }, 404, 'programmeId'],
      [{ ...base, heldOn: '2025-01-10' }, 400, 'heldOn'],
    ];
    for (const [body, status, field] of cases) {
      const r = await post(body);
      expect([r.statusCode, r.json().error.field], JSON.stringify(body)).toEqual([status, field]);
    }
    const vi = await post({ ...base, attendees: [{}] });
    expect(vi.json().error.issues[0].message).toBe('Người dự họp cần có cán bộ trong danh sách hoặc họ tên.');
  });

  it('edits a briefing at the version read: conclusions added, edited, reordered and removed; a stale version is 409', async () => {
    const d = await record({ title: 'Giao ban sửa' });
    const [c1, c2] = d.conclusions as { id: string; text: string }[];
    const r = await api(f.officer.session, 'PATCH', `/api/briefings/${d.briefing.id}`, {
      version: 1,
      title: 'Giao ban tháng 3 (bổ sung)',
      attendees: [{ name: 'Phạm Thị Dự' }],
      conclusions: [
        { id: c2!.id, text: c2!.text },
        { id: c1!.id, text: 'Tuyên truyền bầu cử đến từng hộ' },
        { text: 'Chuẩn bị sơ kết quý I' },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    const u = r.json();
    expect(u.briefing).toMatchObject({ title: 'Giao ban tháng 3 (bổ sung)', version: 2, conclusionCount: 3 });
    expect(u.attendees.map((a: { name: string }) => a.name)).toEqual(['Phạm Thị Dự']);
    expect(u.conclusions.map((c: { text: string }) => c.text)).toEqual([
      'Rà soát hộ nghèo, cận nghèo trước ngày 30/4',
      'Tuyên truyền bầu cử đến từng hộ',
      'Chuẩn bị sơ kết quý I',
    ]);
    const stale = await api(f.officer.session, 'PATCH', `/api/briefings/${d.briefing.id}`, { version: 1, title: 'Cũ' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'CONFLICT']);
    const removed = await api(f.officer.session, 'PATCH', `/api/briefings/${d.briefing.id}`, {
      version: 2,
      conclusions: [{ id: u.conclusions[0].id, text: u.conclusions[0].text }],
    });
    expect(removed.json().conclusions).toHaveLength(1);
    const foreign = await api(f.officer.session, 'PATCH', `/api/briefings/${d.briefing.id}`, {
      version: 3,
      conclusions: [{ id: c1!.id, text: 'x' }],
    });
    expect([foreign.statusCode, foreign.json().error.field]).toEqual([404, 'conclusions.0.id']);
  });

  it('turns a conclusion into a task, linked both ways; a second time is 409 and the linked conclusion cannot be removed', async () => {
    const d = await record({ title: 'Giao ban giao việc' });
    const c = d.conclusions[0];
    const r = await api(f.officer.session, 'POST', `/api/briefing-conclusions/${c.id}/task`, {
      kind: 'shared',
      leadBodyId: f.bodies.mc1Women,
      groupId: programme.groups[0]!.id,
      dueDate: '2026-04-30',
      cooperators: [{ bodyId: f.bodies.mc1Youth }],
      assign: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    const task = r.json();
    expect(task.task).toMatchObject({
      title: c.text,
      leadBodyName: 'Hội LHPN Phường Móng Cái 1',
      status: 'assigned',
      dueDate: '2026-04-30',
      programmeId: programme.id,
    });
    expect(task.conclusion).toMatchObject({ id: c.id, briefingId: d.briefing.id, text: c.text, heldOn: '2026-03-10' });
    const again = await api(f.officer.session, 'POST', `/api/briefing-conclusions/${c.id}/task`, {
      kind: 'shared',
      leadBodyId: f.bodies.mc1,
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ALREADY_LINKED']);
    expect(again.json().error.message).toBe('Kết luận này đã được giao thành nhiệm vụ.');
    const titled = await api(f.officer.session, 'POST', `/api/briefing-conclusions/${d.conclusions[1].id}/task`, {
      kind: 'key',
      title: 'Rà soát hộ nghèo',
      leadBodyId: f.bodies.mc1,
    });
    expect(titled.json().task.title).toBe('Rà soát hộ nghèo');

    const after = (await api(f.officer.session, 'GET', `/api/briefings/${d.briefing.id}`)).json();
    expect(after.briefing.linkedCount).toBe(2);
    expect(after.conclusions[0].task).toMatchObject({
      id: task.task.id,
      number: task.task.number,
      title: c.text,
      status: 'assigned',
      leadBodyName: 'Hội LHPN Phường Móng Cái 1',
      dueDate: '2026-04-30',
    });
    const drop = await api(f.officer.session, 'PATCH', `/api/briefings/${d.briefing.id}`, {
      version: after.briefing.version,
      conclusions: [],
    });
    expect([drop.statusCode, drop.json().error.field]).toEqual([400, 'conclusions']);

    // Without a programme on the briefing nor in the request, the task has nowhere to go; the sibling may not.
    const bare = await record({ programmeId: null, title: 'Giao ban không chương trình' });
    const noProgramme = await api(
      f.officer.session,
      'POST',
      `/api/briefing-conclusions/${bare.conclusions[0].id}/task`,
      { kind: 'shared', leadBodyId: f.bodies.mc1 },
    );
    expect([noProgramme.statusCode, noProgramme.json().error.field]).toEqual([400, 'programmeId']);
    expect(
      (
        await api(f.sibling.session, 'POST', `/api/briefing-conclusions/${bare.conclusions[0].id}/task`, {
          programmeId: programme.id,
          kind: 'shared',
          leadBodyId: f.bodies.mc1,
        })
      ).statusCode,
    ).toBe(403);

    // Deleting the briefing keeps the task; the task no longer names the conclusion.
    const del = await api(f.officer.session, 'POST', `/api/briefings/${d.briefing.id}/delete`, {
      version: after.briefing.version,
    });
    expect(del.json()).toEqual({ ok: true });
    expect((await api(f.officer.session, 'GET', `/api/briefings/${d.briefing.id}`)).statusCode).toBe(404);
    const kept = (await api(f.officer.session, 'GET', `/api/tasks/${task.task.id}`)).json();
    expect(kept.conclusion).toBeNull();
  });

  it('issues the notice number once from the body’s counter; the Word notice has the Decree 30 layout', async () => {
    const a = await record({ title: 'Giao ban thông báo' });
    const task = await api(f.officer.session, 'POST', `/api/briefing-conclusions/${a.conclusions[0].id}/task`, {
      kind: 'shared',
      leadBodyId: f.bodies.mc1Women,
      dueDate: '2026-04-30',
    });
    expect(task.statusCode, task.body).toBe(201);
    const version = (await api(f.officer.session, 'GET', `/api/briefings/${a.briefing.id}`)).json().briefing.version;
    const issued = await api(f.officer.session, 'POST', `/api/briefings/${a.briefing.id}/notice`, { version });
    expect(issued.statusCode, issued.body).toBe(200);
    const n1 = issued.json().briefing.notice;
    expect(n1).toMatchObject({ symbol: 'TB-MTTQ', issuedOn: '2026-03-12' });
    const again = await api(f.officer.session, 'POST', `/api/briefings/${a.briefing.id}/notice`, {
      version: issued.json().briefing.version,
    });
    expect(again.json().briefing.notice).toEqual(n1);
    const b = await record({ title: 'Giao ban thông báo 2' });
    const n2 = (await api(f.officer.session, 'POST', `/api/briefings/${b.briefing.id}/notice`, { version: 1 })).json()
      .briefing.notice;
    expect(n2.number).toBe(n1.number + 1);
    const empty = await record({ title: 'Giao ban chưa kết luận', conclusions: [] });
    const none = await api(f.officer.session, 'POST', `/api/briefings/${empty.briefing.id}/notice`, { version: 1 });
    expect([none.statusCode, none.json().error.field]).toEqual([400, 'conclusions']);
    // Before it is issued, the notice is a draft without a number.
    const draft = await api(f.officer.session, 'GET', `/api/briefings/${empty.briefing.id}/notice.docx`);
    expect([draft.statusCode, draft.rawPayload.subarray(0, 2).toString()]).toEqual([200, 'PK']);

    const doc = await api(f.officer.session, 'GET', `/api/briefings/${a.briefing.id}/notice.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(doc.headers['content-disposition']).toContain("filename*=UTF-8''Th%C3%B4ng%20b%C3%A1o");
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await api(f.sibling.session, 'GET', `/api/briefings/${a.briefing.id}/notice.docx`)).statusCode).toBe(404);
    (globalThis as { noticeDocx?: Buffer }).noticeDocx = doc.rawPayload;
    (globalThis as { noticeLabel?: string }).noticeLabel = n1.label;
  });

  it.skipIf(officeSkipReason !== null)(
    `the notice converts with LibreOffice and reads as a Vietnamese notice${officeSkipReason ? ` (skipped: ${officeSkipReason})` : ''}`,
    async () => {
      const data = (globalThis as { noticeDocx?: Buffer }).noticeDocx;
      expect(data, 'the previous test made the notice').toBeDefined();
      const text = await officeText(data!, 'docx');
      for (const expected of [
        'ỦY BAN MTTQ PHƯỜNG MÓNG CÁI 1',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        `Số: ${(globalThis as { noticeLabel?: string }).noticeLabel}`,
        'Móng Cái 1, ngày 12 tháng 3 năm 2026',
        'THÔNG BÁO',
        'Kết luận của đồng chí Nguyễn Văn Định',
        'tại cuộc họp giao ban ngày 10/03/2026',
        '1. Tổ chức tuyên truyền bầu cử đại biểu Quốc hội tại các khu phố',
        'Chủ trì: Hội LHPN Phường Móng Cái 1; thời hạn: 30/04/2026',
        '2. Rà soát hộ nghèo, cận nghèo trước ngày 30/4',
        'Nơi nhận:',
        'Lưu: VT.',
      ])
        expect(text).toContain(expected);
    },
    180_000,
  );
});
