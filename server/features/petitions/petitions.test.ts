import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { PNG, uploadFile } from '../../../test/work-fixture.ts';
import { call, useTestApp } from '../../../test/app.ts';
import { act, intake, petitionsFixture, SEEDED, type PetitionsFixture } from './petitions.testkit.ts';
import {
  openPetitionCountsByProject,
  passOpenCasesToSuccessors,
  periodCounts,
  registerRows,
  runPetitionSweep,
} from './index.ts';

describe('petitions', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: PetitionsFixture;
  beforeAll(async () => {
    f = await petitionsFixture(t());
  }, 120_000);

  it('an officer’s intake is registered at once, numbered per register, body and year without gaps', async () => {
    const { app } = t();
    const a = await intake(app, f.officer.session, f.bodies.mc1, { receivedOn: '2026-02-27' });
    const b = await intake(app, f.officer.session, f.bodies.mc1);
    expect([a.state, b.state]).toEqual(['registered', 'registered']);
    expect(b.number).toBe(a.number + 1);
    // a refused intake (a key project nobody has) takes no number
    const refused = await call(app, {
      method: 'POST',
      url: '/api/petitions',
      session: f.officer.session,
      body: {
        receivingBodyId: f.bodies.mc1,
        receivedOn: '2026-03-02',
        channel: 'post',
        summary: 'Đơn bị từ chối',
        content: 'Nội dung',
        projectId: '00000000-0000-4000-8000-00000000beef',
        petitioners: [{ fullName: 'Lê Văn A' }],
      },
    });
    expect(refused.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'projectId' });
    const c = await intake(app, f.officer.session, f.bodies.mc1);
    expect(c.number).toBe(b.number + 1);
    // another year, another register, another body: their own counters
    const lastYear = await intake(app, f.officer.session, f.bodies.mc1, { receivedOn: '2025-12-30' });
    expect(lastYear.registerNumber).toBe('01/2025');
    const reception = await intake(app, f.officer.session, f.bodies.mc1, { channel: 'in_person' });
    expect(reception).toMatchObject({ register: 'reception', number: 1 });
    const other = await intake(app, f.sibling.session, f.bodies.mc2);
    expect(other.number).toBe(1);
    // the sibling ward neither reads nor acts on Móng Cái 1's cases
    expect((await call(app, { url: `/api/petitions/${a.id}`, session: f.sibling.session })).statusCode).toBe(404);
    const list = await call(app, { url: '/api/petitions?pageSize=200', session: f.sibling.session });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([other.id]);
  });

  it('refuses bad intakes with the field at fault', async () => {
    const { app } = t();
    const base = {
      receivingBodyId: f.bodies.mc1,
      receivedOn: '2026-03-02',
      channel: 'in_person',
      summary: 'Đơn',
      content: 'Nội dung',
    };
    const people = (k: number, reps: number) =>
      Array.from({ length: k }, (_, i) => ({ fullName: `Người ${i}`, isRepresentative: i < reps }));
    const bad = async (body: Record<string, unknown>) =>
      (
        await call(app, {
          method: 'POST',
          url: '/api/petitions',
          session: f.officer.session,
          body: { ...base, ...body },
        })
      ).json().error;
    expect(await bad({ petitioners: people(6, 0) })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'petitioners' });
    expect(await bad({ petitioners: people(8, 3) })).toMatchObject({ field: 'petitioners' });
    expect(await bad({ petitioners: people(12, 6) })).toMatchObject({ field: 'petitioners' });
    expect(await bad({ petitioners: [] })).toMatchObject({ field: 'petitioners' });
    expect(await bad({ anonymous: true, petitioners: people(1, 0) })).toMatchObject({ field: 'petitioners' });
    expect(await bad({ petitioners: people(1, 0), receivedOn: '2026-03-03' })).toMatchObject({ field: 'receivedOn' });
    expect(await bad({ petitioners: [{ fullName: 'A', idNumber: '12' }] })).toMatchObject({
      field: 'petitioners.0.idNumber',
    });
    expect(await bad({ petitioners: people(1, 0), forwardedFromName: 'UBND' })).toMatchObject({
      field: 'forwardedFromBodyId',
    });
    expect(await bad({ petitioners: people(1, 0), addressUnitCode: '99999' })).toMatchObject({
      field: 'addressUnitCode',
    });
    // 12 people with 5 representatives, and 7 with 2, are fine
    for (const list of [people(12, 5), people(7, 2)]) {
      const ok = await call(app, {
        method: 'POST',
        url: '/api/petitions',
        session: f.officer.session,
        body: { ...base, petitioners: list },
      });
      expect(ok.statusCode, ok.body).toBe(201);
    }
  });

  it('an address in a ward that ended is mapped to its successor', async () => {
    const p = await intake(t().app, f.officer.session, f.bodies.mc1, { addressUnitCode: '06721' });
    const d = (await call(t().app, { url: `/api/petitions/${p.id}`, session: f.officer.session })).json();
    expect(d.addressUnit.name).toBe('Phường Móng Cái 1');
  });

  it('classifies, refuses an eligible anonymous denunciation, and splits a mixed letter into parts with their own paths', async () => {
    const { app } = t();
    const anon = await intake(app, f.officer.session, f.bodies.mc1, { anonymous: true, petitioners: [] });
    const refused = await act(app, f.officer.session, anon.id, 'classify', {
      kind: 'denunciation',
      eligible: true,
      competence: 'state_admin',
    });
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'eligible' });
    const info = await act(app, f.officer.session, anon.id, 'classify', {
      kind: 'denunciation',
      eligible: false,
      eligibilityReason: 'Tố cáo nặc danh: tiếp nhận như thông tin',
      competence: 'state_admin',
    });
    expect(info.json()).toMatchObject({ state: 'classified', eligible: false, kind: 'denunciation' });
    // information only: nothing to transfer, so no transfer deadline
    const transfer = (res: { json(): { deadlines: { rule: string }[] } }) =>
      res.json().deadlines.find((d) => d.rule === 'denunciation.transfer');
    expect(transfer(info)).toBeUndefined();
    // a signed denunciation outside the Front's competence: 05 working days to transfer it, from its receipt (Mon 2/3)
    const signed = await intake(app, f.officer.session, f.bodies.mc1);
    const classify = (kind: string) =>
      act(app, f.officer.session, signed.id, 'classify', { kind, eligible: true, competence: 'state_admin' });
    const owed = await classify('denunciation');
    expect(transfer(owed)).toMatchObject({ due: '2026-03-09', dayKind: 'working', status: 'open' });
    // classified again as a proposal, it owes no transfer any more
    expect(transfer(await classify('proposal'))).toMatchObject({ status: 'cancelled' });

    const mixed = await intake(app, f.officer.session, f.bodies.mc1);
    expect(
      (
        await act(app, f.officer.session, mixed.id, 'split', {
          parts: [
            { kind: 'complaint', summary: 'A' },
            { kind: 'proposal', summary: 'B' },
          ],
        })
      ).json().error,
    ).toMatchObject({ code: 'INVALID_TRANSITION' });
    await act(app, f.officer.session, mixed.id, 'classify', {
      kind: 'mixed',
      eligible: true,
      competence: 'state_admin',
    });
    const notMixedSplit = await intake(app, f.officer.session, f.bodies.mc1);
    await act(app, f.officer.session, notMixedSplit.id, 'classify', {
      kind: 'proposal',
      eligible: true,
      competence: 'state_admin',
    });
    expect(
      (
        await act(app, f.officer.session, notMixedSplit.id, 'split', {
          parts: [
            { kind: 'complaint', summary: 'A' },
            { kind: 'proposal', summary: 'B' },
          ],
        })
      ).json().error,
    ).toMatchObject({ field: 'parts' });
    const split = await act(app, f.officer.session, mixed.id, 'split', {
      parts: [
        { kind: 'complaint', summary: 'Khiếu nại quyết định thu hồi đất' },
        { kind: 'denunciation', summary: 'Tố cáo cán bộ địa chính', content: 'Cán bộ địa chính nhận tiền.' },
      ],
    });
    expect(split.json().state).toBe('split');
    expect(split.json().parts).toHaveLength(2);
    const part = (
      await call(app, { url: `/api/petitions/${split.json().parts[1].id}`, session: f.officer.session })
    ).json();
    expect(part).toMatchObject({
      state: 'registered',
      kind: 'denunciation',
      parentId: mixed.id,
      content: 'Cán bộ địa chính nhận tiền.',
    });
    expect(part.petitioners[0].fullName).toBe(SEEDED.fullName);
    // each part goes its own way
    await act(app, f.officer.session, part.id, 'classify', {
      kind: 'denunciation',
      eligible: true,
      competence: 'state_admin',
    });
    expect((await act(app, f.officer.session, part.id, 'forward', { toName: 'Thanh tra tỉnh' })).statusCode).toBe(200);
    const other = split.json().parts[0].id;
    await act(app, f.officer.session, other, 'classify', {
      kind: 'complaint',
      eligible: false,
      eligibilityReason: 'Quá thời hiệu',
      competence: 'state_admin',
    });
    expect((await act(app, f.officer.session, other, 'file', {})).json().state).toBe('filed');
  });

  it('shows possible duplicates before saving: same petitioner or similar content, diacritics-insensitive, no identity leak', async () => {
    const { app } = t();
    const p = await intake(app, f.officer.session, f.bodies.mc1, {
      summary: 'Phản ánh tiếng ồn của xưởng gỗ khu 5',
      content: 'Xưởng gỗ ở khu 5 phường Móng Cái 1 hoạt động ban đêm gây tiếng ồn, bụi.',
      petitioners: [{ fullName: 'Đặng Văn Hùng', address: 'Số 4, khu 5', phone: '0987654321' }],
    });
    const check = async (session: typeof f.officer.session, body: Record<string, unknown>) =>
      (await call(app, { method: 'POST', url: '/api/petitions/duplicates', session, body })).json();
    // another matter of the same place shares many syllables, yet is not called similar
    const lights = await intake(app, f.officer.session, f.bodies.mc1, {
      summary: 'Đèn chiếu sáng khu 5 hỏng',
      content: 'Đèn chiếu sáng khu 5 phường Móng Cái 1 hỏng nhiều tháng, ban đêm đi lại khó khăn.',
      petitioners: [{ fullName: 'Lý Thị Mai', address: 'Số 9, khu 5' }],
    });
    // similar wording without diacritics
    const similar = await check(f.officer.session, {
      content: 'xuong go o khu 5 phuong mong cai 1 hoat dong ban dem gay on',
    });
    expect(similar.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(similar.items.map((i: { id: string }) => i.id)).not.toContain(lights.id);
    expect(similar.items.find((i: { id: string }) => i.id === p.id).reasons).toContain('content');
    // the same person, typed without diacritics
    const same = await check(f.officer.session, {
      petitioners: [{ fullName: 'dang van hung', address: 'so 4, khu 5' }],
    });
    expect(same.items[0]).toMatchObject({ id: p.id, reasons: ['petitioner'], petitionerNames: ['Đặng Văn Hùng'] });
    // a higher level reads the case but not who sent it: the content hint carries no name, and a name finds nothing
    const higher = await check(f.provinceLeader.session, {
      content: 'xuong go o khu 5 phuong mong cai 1 hoat dong ban dem gay on',
    });
    const hint = higher.items.find((i: { id: string }) => i.id === p.id);
    expect(hint.petitionerNames).toEqual(['(ẩn)']);
    expect(JSON.stringify(higher)).not.toContain('Hùng');
    expect((await check(f.provinceLeader.session, { petitioners: [{ fullName: 'Đặng Văn Hùng' }] })).items).toEqual([]);
    // the sibling ward sees nothing of it
    const sibling = await check(f.sibling.session, {
      content: 'xuong go o khu 5 phuong mong cai 1 hoat dong ban dem gay on',
    });
    expect(sibling.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    // a duplicate merges into the first and shares its content group: forwarded once for both
    const dup = await intake(app, f.officer.session, f.bodies.mc1, {
      summary: 'Phản ánh tiếng ồn xưởng gỗ',
      content: 'Xưởng gỗ khu 5 phường Móng Cái 1 gây tiếng ồn ban đêm.',
      petitioners: [{ fullName: 'Trần Văn Nam', address: 'Số 6, khu 5' }],
    });
    const ofDup = (await call(app, { url: `/api/petitions/${dup.id}/duplicates`, session: f.officer.session })).json();
    expect(ofDup.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const merged = await act(app, f.officer.session, dup.id, 'merge', { intoId: p.id });
    expect(merged.json()).toMatchObject({ state: 'merged', mergedIntoId: p.id });
  });

  it('forwards a content once: a retry with the same key is the same forward, a new one is refused, also at the same moment', async () => {
    const { app } = t();
    const p = await intake(app, f.officer.session, f.bodies.mc1);
    await act(app, f.officer.session, p.id, 'classify', {
      kind: 'complaint',
      eligible: true,
      competence: 'state_admin',
    });
    const cur = (await call(app, { url: `/api/petitions/${p.id}`, session: f.officer.session })).json();
    const forward = (key: string) =>
      call(app, {
        method: 'POST',
        url: `/api/petitions/${p.id}/forward`,
        session: f.officer.session,
        body: { version: cur.version, toName: 'UBND phường Móng Cái 1' },
        headers: { 'idempotency-key': key },
      });
    const first = await forward('chuyen-don-lan-1-abcdef');
    expect(first.statusCode, first.body).toBe(200);
    const retry = await forward('chuyen-don-lan-1-abcdef');
    expect(retry.statusCode).toBe(200);
    expect(retry.json().forwards).toHaveLength(1);
    const forwards = await t()
      .db.db.selectFrom('petition_forwards')
      .select('id')
      .where('petition_id', '=', p.id)
      .execute();
    expect(forwards).toHaveLength(1);
    // the same content again, through a merged duplicate forwarded on its own: refused, naming the earlier forward
    const q = await intake(app, f.officer.session, f.bodies.mc1);
    await t()
      .db.db.updateTable('petitions')
      .set({ content_group_id: sql`(select content_group_id from petitions where id = ${p.id}::uuid)` })
      .where('id', '=', q.id)
      .execute();
    await act(app, f.officer.session, q.id, 'classify', {
      kind: 'complaint',
      eligible: true,
      competence: 'state_admin',
    });
    const again = await act(app, f.officer.session, q.id, 'forward', { toName: 'UBND tỉnh' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_FORWARDED');
    expect(again.json().error.issues[0].message).toContain('UBND phường Móng Cái 1');

    // two officers forwarding two cases of one content at the same moment: exactly one forward
    const [x, y] = [
      await intake(app, f.officer.session, f.bodies.mc1),
      await intake(app, f.leader.session, f.bodies.mc1),
    ];
    await t()
      .db.db.updateTable('petitions')
      .set({ content_group_id: sql`(select content_group_id from petitions where id = ${x.id}::uuid)` })
      .where('id', '=', y.id)
      .execute();
    for (const [id, s] of [
      [x.id, f.officer.session],
      [y.id, f.leader.session],
    ] as const)
      await act(app, s, id, 'classify', { kind: 'denunciation', eligible: true, competence: 'state_admin' });
    const vx = (await call(app, { url: `/api/petitions/${x.id}`, session: f.officer.session })).json().version;
    const vy = (await call(app, { url: `/api/petitions/${y.id}`, session: f.leader.session })).json().version;
    const results = await Promise.all([
      call(app, {
        method: 'POST',
        url: `/api/petitions/${x.id}/forward`,
        session: f.officer.session,
        body: { version: vx, toName: 'Thanh tra tỉnh' },
      }),
      call(app, {
        method: 'POST',
        url: `/api/petitions/${y.id}/forward`,
        session: f.leader.session,
        body: { version: vy, toName: 'Thanh tra tỉnh' },
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('ALREADY_FORWARDED');
  });

  it('follows a forwarded complaint: its result is owed 07 days after the decision; a reply met on time closes it', async () => {
    const { app } = t();
    const p = await intake(app, f.officer.session, f.bodies.mc1);
    const reply = p as unknown as { deadlines: { rule: string; due: string; basis: string; ruleVersion: number }[] };
    // told within 10 working days of receipt (Mon 2/3 → Mon 16/3), with its basis and rule version
    expect(reply.deadlines.find((d) => d.rule === 'petition.reply_citizen')).toMatchObject({
      due: '2026-03-16',
      ruleVersion: 1,
    });
    expect(reply.deadlines[0]!.basis).toContain('Điều 28');
    await act(app, f.officer.session, p.id, 'classify', {
      kind: 'complaint',
      eligible: true,
      competence: 'state_admin',
    });
    const fw = await act(app, f.officer.session, p.id, 'forward', { toBodyId: f.bodies.province });
    expect(fw.statusCode, fw.body).toBe(200);
    expect(fw.json().deadlines.find((d: { rule: string }) => d.rule === 'petition.reply_citizen').status).toBe('met');
    const dec = await act(app, f.officer.session, p.id, 'decision', { decidedOn: '2026-03-02' });
    expect(dec.json().state).toBe('awaiting_result');
    expect(dec.json().deadlines.find((d: { rule: string }) => d.rule === 'complaint.front_result')).toMatchObject({
      due: '2026-03-09',
      status: 'open',
    });
    expect((await act(app, f.officer.session, p.id, 'remind', { note: 'Gọi điện đôn đốc' })).json().state).toBe(
      'awaiting_result',
    );
    const sup = await act(app, f.officer.session, p.id, 'supervise', { note: 'Chậm trả lời, đề nghị giám sát' });
    expect(sup.json().links).toMatchObject([{ kind: 'supervision', targetId: null }]);
    const rep = await act(app, f.officer.session, p.id, 'reply', {
      decidedOn: '2026-03-02',
      receivedOn: '2026-03-02',
      result: 'Giữ nguyên quyết định',
      publish: true,
      publishedText: 'UBND đã trả lời bằng văn bản.',
    });
    expect(rep.json()).toMatchObject({ state: 'result_received', public: true });
    expect(rep.json().deadlines.find((d: { rule: string }) => d.rule === 'complaint.front_result').status).toBe('met');
    const closed = await act(app, f.officer.session, p.id, 'close', {});
    expect(closed.json()).toMatchObject({ state: 'closed', closedOn: '2026-03-02', actions: [] });
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'classify',
      'forward',
      'record_decision',
      'remind',
      'supervise',
      'record_reply',
      'close',
    ]);
  });

  it('warns the assigned officers before a deadline and the leaders after it, never naming the petitioner', async () => {
    const { app, ctx, clock, db } = t();
    const p = await intake(app, f.officer.session, f.bodies.mc1, { receivedOn: '2026-03-02' });
    clock.set('2026-03-13T01:00:00Z'); // Fri 13/3: the reply is due Mon 16/3
    try {
      await runPetitionSweep(ctx);
      clock.set('2026-03-17T01:00:00Z');
      await runPetitionSweep(ctx);
      await runPetitionSweep(ctx); // once a day
    } finally {
      clock.set('2026-03-02T02:00:00Z');
    }
    const notes = await db.db.selectFrom('notifications').selectAll().where('kind', 'like', 'petition_%').execute();
    const soon = notes.filter((x) => x.kind === 'petition_due_soon' && x.account_id === f.officer.id);
    const late = notes.filter(
      (x) => x.kind === 'petition_overdue' && x.account_id === f.leader.id && x.day === '2026-03-17',
    );
    expect(soon).toHaveLength(1);
    expect(late).toHaveLength(1);
    expect(soon[0]!.body).toContain(p.registerNumber);
    expect(late[0]!.body).toContain('16/03/2026');
    expect(notes.filter((x) => x.kind === 'petition_overdue' && x.account_id === f.officer.id)).toHaveLength(0);
    expect(JSON.stringify(notes)).not.toContain(SEEDED.fullName);
    expect(JSON.stringify(notes)).not.toContain(SEEDED.phone);
    const overdueList = await call(app, {
      url: '/api/petitions?overdue=true&pageSize=200',
      session: f.officer.session,
    });
    expect(overdueList.statusCode).toBe(200);
  });

  it('keeps identities out of the audit log and logs every view of a denouncer’s identity', async () => {
    const { app, db } = t();
    // the paper attached bears the petitioner's name: the file's name is identity too
    const paper = (await uploadFile(app, f.officer.session, `Đơn ${SEEDED.fullName}.png`, PNG)).json<{ id: string }>();
    const p = await intake(app, f.officer.session, f.bodies.mc1, { fileIds: [paper.id] });
    await act(app, f.officer.session, p.id, 'classify', { kind: 'denunciation', eligible: true, competence: 'front' });
    const audit = await db.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('table_name', 'in', ['petitioners', 'files', 'petition_attachments'])
      .execute();
    expect(audit.length).toBeGreaterThan(2);
    const text = JSON.stringify(audit);
    for (const v of [SEEDED.fullName, SEEDED.phone, SEEDED.idNumber, 'pham thi nguyet']) expect(text).not.toContain(v);
    expect(text).toContain('[redacted]');
    // nor does the audit page name the file
    const page = await call(app, { url: `/api/audit?table=files&record=${paper.id}`, session: f.admin });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.length).toBeGreaterThan(0);
    expect(page.body).not.toContain(SEEDED.fullName);
    const views = () =>
      db.db
        .selectFrom('petition_identity_views')
        .select(['account_id', 'via'])
        .where('petition_id', '=', p.id)
        .execute();
    const before = (await views()).length;
    const seen = await call(app, { url: `/api/petitions/${p.id}`, session: f.leader.session });
    expect(seen.json().petitioners[0].fullName).toBe(SEEDED.fullName);
    expect((await views()).length).toBe(before + 1);
    expect((await views()).at(-1)).toMatchObject({ account_id: f.leader.id, via: 'detail' });
    // who may not see it leaves no view: the other officer of the ward, not assigned, sees the marker
    const hidden = await call(app, { url: `/api/petitions/${p.id}`, session: f.otherOfficer.session });
    expect(hidden.json().petitioners[0]).toMatchObject({
      fullName: '(ẩn)',
      phone: null,
      idNumber: null,
      address: null,
    });
    expect((await views()).length).toBe(before + 1);
  });

  it('passes the open cases of a body that ended to its successor', async () => {
    const { app, ctx, db } = t();
    const old = await db.db
      .insertInto('bodies')
      .values({
        unit_id: (
          await db.db.selectFrom('bodies').select('unit_id').where('id', '=', f.bodies.mc1).executeTakeFirstOrThrow()
        ).unit_id,
        kind: 'front',
        name: 'Ủy ban MTTQ cũ',
        valid_from: '2020-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const open = await intake(app, f.leader.session, old.id);
    const done = await intake(app, f.leader.session, old.id);
    await act(app, f.leader.session, done.id, 'withdraw', {});
    await db.db.updateTable('bodies').set({ valid_to: '2026-03-01' }).where('id', '=', old.id).execute();
    await db.db
      .insertInto('body_links')
      .values({ from_body_id: old.id, to_body_id: f.bodies.mc1, link_date: '2026-03-01' })
      .execute();
    expect(await passOpenCasesToSuccessors(ctx)).toBe(1);
    expect(await passOpenCasesToSuccessors(ctx)).toBe(0);
    const d = (await call(app, { url: `/api/petitions/${open.id}`, session: f.officer.session })).json();
    expect(d.receivingBody.id).toBe(f.bodies.mc1);
    expect(d.registerNumber).toBe(open.registerNumber);
    expect(d.events.at(-1).action).toBe('pass_over');
    const w = (await call(app, { url: `/api/petitions/${done.id}`, session: f.leader.session })).json();
    expect(w.receivingBody.id).toBe(old.id);
  });

  it('gives phase 2 the registers, the six-monthly counts and the open counts per key project', async () => {
    const { app, ctx } = t();
    const reader = {
      app: { db: ctx.db },
      caller: { accountId: f.provinceLeader.id, isAdmin: false, today: '2026-03-02' },
    };
    const rows = await registerRows(reader, { bodyId: f.bodies.mc1, year: 2026, register: 'letters' });
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    expect(JSON.stringify(rows)).not.toContain(SEEDED.fullName);
    const counts = await periodCounts(reader, { bodyId: f.bodies.mc1, from: '2026-01-01', to: '2026-06-30' });
    expect(counts.byChannel.post).toBeGreaterThan(0);
    expect(counts.byAction.forward).toBeGreaterThan(0);
    expect(await openPetitionCountsByProject(ctx.db, [])).toEqual(new Map());
    void app;
  });
});
