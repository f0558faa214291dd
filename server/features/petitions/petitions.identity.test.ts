import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { openApiDocument, operationsOf } from '../../../test/openapi.ts';
import { PNG, uploadFile } from '../../../test/work-fixture.ts';
import { intake, petitionsFixture, SEEDED, type PetitionsFixture } from './petitions.testkit.ts';

/**
 * Personal data, generated over the OpenAPI document: every route under /api/petitions, called by readers who may
 * not see identities (the province's leader — a higher level — and a ward officer not assigned to the case), answers
 * without the seeded petitioner's name, phone or id number; the receiving body's leader sees them. A route added
 * later is walked too: a write route needs a body below, or this fails.
 */
describe('petitioners’ identities', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: PetitionsFixture;
  beforeAll(async () => {
    f = await petitionsFixture(t());
  }, 120_000);

  /** A request body per write route for a case in the state it needs (prepared by `ready`). */
  const writes: Record<
    string,
    { state?: (id: string, s: Session) => Promise<void>; body: (ctx: { other: string }) => Record<string, unknown> }
  > = {
    'POST /api/petitions': { body: () => ({}) },
    'POST /api/petitions/duplicates': {
      body: () => ({
        content: 'đề nghị xem xét lại giá bồi thường đất ở khu 3',
        petitioners: [{ fullName: SEEDED.fullName }],
      }),
    },
    'PATCH /api/petitions/{id}': { body: () => ({ summary: 'Tóm tắt mới' }) },
    'PUT /api/petitions/{id}/officers': { body: () => ({ officerIds: [f.officer.id] }) },
    'POST /api/petitions/{id}/register': { state: async (id) => setState(id, 'received'), body: () => ({}) },
    'POST /api/petitions/{id}/classify': {
      body: () => ({ kind: 'denunciation', eligible: true, competence: 'state_admin' }),
    },
    'POST /api/petitions/{id}/split': {
      state: async (id) => setState(id, 'classified', 'mixed'),
      body: () => ({
        parts: [
          { kind: 'complaint', summary: 'A' },
          { kind: 'denunciation', summary: 'B' },
        ],
      }),
    },
    'POST /api/petitions/{id}/merge': { body: (c) => ({ intoId: c.other }) },
    ...Object.fromEntries(
      (['guide', 'file', 'propose'] as const).map((a) => [
        `POST /api/petitions/{id}/${a}`,
        { state: async (id: string) => setState(id, 'classified'), body: () => ({}) },
      ]),
    ),
    'POST /api/petitions/{id}/forward': {
      state: async (id) => setState(id, 'classified'),
      body: () => ({ toName: 'Thanh tra tỉnh' }),
    },
    'POST /api/petitions/{id}/decision': {
      state: async (id) => setState(id, 'forwarded'),
      body: () => ({ decidedOn: '2026-03-02' }),
    },
    'POST /api/petitions/{id}/reply': {
      state: async (id) => setState(id, 'forwarded'),
      body: () => ({ receivedOn: '2026-03-02', result: 'Kết quả' }),
    },
    'POST /api/petitions/{id}/publish': {
      state: async (id) => {
        await setState(id, 'result_received');
        await t()
          .db.db.insertInto('petition_replies')
          .values({ petition_id: id, received_on: '2026-03-02', result: 'Kết quả' })
          .execute();
      },
      body: () => ({ publishedText: 'Đã trả lời' }),
    },
    'POST /api/petitions/{id}/remind': { state: async (id) => setState(id, 'forwarded'), body: () => ({}) },
    'POST /api/petitions/{id}/supervise': {
      state: async (id) => setState(id, 'forwarded'),
      body: () => ({ note: 'Giám sát' }),
    },
    'POST /api/petitions/{id}/withdraw': { body: () => ({}) },
    'POST /api/petitions/{id}/suspend': { state: async (id) => setState(id, 'forwarded'), body: () => ({}) },
    'POST /api/petitions/{id}/resume': { state: async (id) => setState(id, 'suspended'), body: () => ({}) },
    'POST /api/petitions/{id}/close': { state: async (id) => setState(id, 'guided'), body: () => ({}) },
    // the notices (petitions-documents): a draft on the case; signing and issuing name a notice id the walk leaves unset
    'POST /api/petitions/{id}/documents': { body: () => ({ kind: 'receipt' }) },
    'POST /api/petitions/{id}/documents/{documentId}/sign': { body: () => ({ signerName: 'Nguyễn Văn Định' }) },
    'POST /api/petitions/{id}/documents/{documentId}/issue': { body: () => ({}) },
  };
  async function setState(id: string, state: string, kind = 'denunciation') {
    await t()
      .db.db.updateTable('petitions')
      .set({ state, kind, suspended_from: state === 'suspended' ? 'forwarded' : null })
      .where('id', '=', id)
      .execute();
  }

  const leaks = (body: string) => [SEEDED.fullName, SEEDED.phone, SEEDED.idNumber].filter((v) => body.includes(v));

  it('no route under /api/petitions shows a higher level or an unassigned officer who the petitioners are', async () => {
    const { app } = t();
    const doc = await openApiDocument(app);
    const ops = operationsOf(doc).filter((o) => o.path.startsWith('/api/petitions'));
    expect(ops.length).toBeGreaterThan(15);
    const checked: string[] = [];
    for (const reader of [f.provinceLeader.session, f.otherOfficer.session]) {
      for (const o of ops) {
        const key = `${o.method} ${o.path}`;
        // a denunciation of the ward, its petitioner seeded, handled by the ward's officer; the paper attached with it
        // bears the petitioner's name (a file's name is identity too)
        const paper = await uploadFile(app, f.officer.session, `CCCD ${SEEDED.fullName}.png`, PNG);
        const p = await intake(app, f.officer.session, f.bodies.mc1, {
          kind: 'denunciation',
          channel: 'in_person',
          fileIds: [paper.json<{ id: string }>().id],
        });
        const other = await intake(app, f.officer.session, f.bodies.mc1);
        const url = o.path.replace('{id}', p.id);
        let res;
        if (o.method === 'GET') {
          res = await call(app, {
            url: url + (o.path === '/api/petitions' ? `?q=${encodeURIComponent('nguyệt')}` : ''),
            session: reader,
          });
        } else {
          const w = writes[key];
          expect(w, `${key} has no body in petitions.identity.test.ts`).toBeDefined();
          await w!.state?.(p.id, reader);
          const version = (await call(app, { url: `/api/petitions/${p.id}`, session: f.officer.session })).json()
            .version;
          const body =
            key === 'POST /api/petitions'
              ? {
                  receivingBodyId: f.bodies.mc1,
                  receivedOn: '2026-03-02',
                  channel: 'post',
                  summary: 'Đơn của cấp trên nhập hộ',
                  content: 'Nội dung',
                  petitioners: [{ fullName: SEEDED.fullName, phone: SEEDED.phone, idNumber: SEEDED.idNumber }],
                  officerIds: [f.officer.id],
                }
              : { ...(o.path.includes('{id}') ? { version } : {}), ...w!.body({ other: other.id }) };
          res = await call(app, { method: o.method as 'POST', url, session: reader, body });
        }
        expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(500);
        expect(leaks(res.body), `${key} leaks an identity: ${res.body}`).toEqual([]);
        checked.push(key);
      }
    }
    // the list's search by a petitioner's name finds nothing for them, and everything for the case's leader
    const own = await call(app, { url: `/api/petitions?q=${encodeURIComponent('nguyệt')}`, session: f.leader.session });
    expect(own.json().items.length).toBeGreaterThan(0);
    expect(leaks(own.body).length).toBeGreaterThan(0);
    expect(checked.length).toBe(ops.length * 2);
  }, 300_000);
});
