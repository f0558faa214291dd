import { expect } from 'vitest';
import { call, signIn, type Session, type TestApp } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { workFixture } from '../../../test/work-fixture.ts';
import { newTrackingCode } from './petitions.intake.service.ts';

/** Petitions' test world, on the work fixture (Móng Cái 1's Front committee, its leader and officer, Móng Cái 2's
 * officer, the province Front): plus a leader of the province (a higher level: reads the cases, not the
 * identities) and a second officer of Móng Cái 1 not assigned to the cases. */
export async function petitionsFixture(t: TestApp) {
  const f = await workFixture(t);
  const withRole = async (role: string, unitCode: string, bodyId: string | null = null) => {
    const a = await buildAccount(t.ctx);
    const r = await call(t.app, {
      method: 'POST',
      url: `/api/accounts/${a.id}/roles`,
      session: f.admin,
      body: { role, unitCode, bodyId },
    });
    expect(r.statusCode, r.body).toBe(201);
    return { id: a.id, session: await signIn(t.app, a.username, PASSWORD) };
  };
  const provinceLeader = await withRole('leader', '22');
  const otherOfficer = await withRole('officer', '06712');
  return { ...f, provinceLeader, otherOfficer };
}
export type PetitionsFixture = Awaited<ReturnType<typeof petitionsFixture>>;

/** A seeded petitioner whose identity the tests look for in answers. */
export const SEEDED = { fullName: 'Phạm Thị Nguyệt', phone: '0912345678', idNumber: '022190001234' };

let n = 0;
/** A petition received by Móng Cái 1's Front committee through the API (registered at once), as `session`. */
export async function intake(
  app: TestApp['app'],
  session: Session,
  bodyId: string,
  over: Record<string, unknown> = {},
) {
  n++;
  const r = await call(app, {
    method: 'POST',
    url: '/api/petitions',
    session,
    body: {
      receivingBodyId: bodyId,
      receivedOn: '2026-03-02',
      channel: 'post',
      summary: `Đơn số ${n} về việc bồi thường giải phóng mặt bằng`,
      content: `Nội dung đơn ${n}: đề nghị xem xét lại giá bồi thường đất ở khu 3 phường Móng Cái 1.`,
      petitioners: [
        { fullName: `${SEEDED.fullName}`, phone: SEEDED.phone, idNumber: SEEDED.idNumber, address: 'Khu 3' },
      ],
      ...over,
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<{ id: string; version: number; number: number; state: string; registerNumber: string }>();
}

/** Calls an action of a case with its current version. */
export async function act(
  app: TestApp['app'],
  session: Session,
  id: string,
  action: string,
  body: Record<string, unknown> = {},
  headers?: Record<string, string>,
) {
  const cur = await call(app, { url: `/api/petitions/${id}`, session });
  return call(app, {
    method: 'POST',
    url: `/api/petitions/${id}/${action}`,
    session,
    body: { version: cur.json().version, ...body },
    headers,
  });
}

/** A case written directly (any body, even one that ended; any state), as the scope matrix and references need. */
export async function seedPetition(
  db: TestApp['db']['db'],
  v: {
    bodyId: string;
    state?: string;
    kind?: string;
    receivedOn?: string;
    suspendedFrom?: string | null;
    /** With a result recorded unpublished (to publish). */
    reply?: boolean;
  },
) {
  const receivedOn = v.receivedOn ?? '2026-02-20';
  const p = await db
    .insertInto('petitions')
    .values({
      receiving_body_id: v.bodyId,
      register: 'letters',
      year: Number(receivedOn.slice(0, 4)),
      received_on: receivedOn,
      channel: 'post',
      kind: v.kind ?? 'mixed',
      summary: 'Đơn thử',
      content: 'Nội dung đơn thử',
      state: v.state ?? 'registered',
      suspended_from: v.suspendedFrom ?? null,
      tracking_code: newTrackingCode(),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  if (v.reply)
    await db
      .insertInto('petition_replies')
      .values({ petition_id: p.id, received_on: receivedOn, result: 'Kết quả' })
      .execute();
  return p;
}

type MatrixReq = { method: 'POST' | 'PATCH' | 'PUT'; url: string; body: Record<string, unknown> };

/** The scope matrix's fixtures of the petitions' scoped routes: a case of `own` (Móng Cái 1's Front committee), or
 * for `successor` of `predecessor` (Trà Cổ's, which ended), in the state the action starts from. */
export function matrixPetitions(
  t: () => TestApp,
  bodies: () => { own: string; predecessor: string },
): Record<string, (who: string) => Promise<MatrixReq>> {
  const bodyOf = (who: string) => (who === 'successor' ? bodies().predecessor : bodies().own);
  const seeded = async (who: string, state: string, suspendedFrom: string | null = null) =>
    seedPetition(t().db.db, {
      bodyId: bodyOf(who),
      state,
      suspendedFrom,
      receivedOn: who === 'successor' ? '2025-03-01' : '2026-02-20',
      reply: state === 'result_received',
    });
  const actions: [
    path: string,
    state: string,
    body: (who: string) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ][] = [
    ['register', 'received', () => ({})],
    ['classify', 'registered', () => ({ kind: 'complaint', eligible: true, competence: 'state_admin' })],
    [
      'split',
      'classified',
      () => ({
        parts: [
          { kind: 'complaint', summary: 'A' },
          { kind: 'proposal', summary: 'B' },
        ],
      }),
    ],
    ['merge', 'registered', async (who) => ({ intoId: (await seeded(who, 'registered')).id })],
    ['guide', 'classified', () => ({})],
    ['forward', 'classified', () => ({ toName: 'UBND' })],
    ['file', 'classified', () => ({})],
    ['propose', 'classified', () => ({})],
    ['decision', 'forwarded', (who) => ({ decidedOn: who === 'successor' ? '2025-03-02' : '2026-02-21' })],
    [
      'reply',
      'forwarded',
      (who) => ({ receivedOn: who === 'successor' ? '2025-03-02' : '2026-02-21', result: 'Kết quả' }),
    ],
    ['publish', 'result_received', () => ({ publishedText: 'Đã giải quyết' })],
    ['remind', 'forwarded', () => ({})],
    ['supervise', 'forwarded', () => ({ note: 'Giám sát' })],
    ['withdraw', 'registered', () => ({})],
    ['suspend', 'forwarded', () => ({})],
    ['resume', 'suspended', () => ({})],
    ['close', 'guided', () => ({})],
  ];
  return {
    'POST /api/petitions': (who) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/petitions',
        body: {
          receivingBodyId: bodyOf(who),
          receivedOn: who === 'successor' ? '2025-03-01' : '2026-02-20',
          channel: 'post',
          summary: 'Đơn ma trận',
          content: 'Nội dung',
          petitioners: [{ fullName: 'Người ma trận' }],
        },
      }),
    'PATCH /api/petitions/:id': async (who) => {
      const p = await seeded(who, 'registered');
      return { method: 'PATCH', url: `/api/petitions/${p.id}`, body: { version: p.version, summary: 'Sửa' } };
    },
    'PUT /api/petitions/:id/officers': async (who) => {
      const p = await seeded(who, 'registered');
      return { method: 'PUT', url: `/api/petitions/${p.id}/officers`, body: { version: p.version, officerIds: [] } };
    },
    ...Object.fromEntries(
      actions.map(([path, state, body]) => [
        `POST /api/petitions/:id/${path}`,
        async (who: string): Promise<MatrixReq> => {
          const p = await seeded(who, state, state === 'suspended' ? 'forwarded' : null);
          return {
            method: 'POST',
            url: `/api/petitions/${p.id}/${path}`,
            body: { version: p.version, ...(await body(who)) },
          };
        },
      ]),
    ),
  };
}

type RefReq = { method: 'POST' | 'PATCH' | 'PUT'; url: string; session: Session; body: Record<string, unknown> };

/** The references suite's base requests of the petitions' writes that name ids, each succeeding for Móng Cái 1's
 * leader with every id of its own scope: the receiving body, a body above it that forwarded the letter, a key
 * project of the ward, an officer, an upload, the case to merge into, the body to forward to. */
export function referencePetitions(w: {
  t: () => TestApp;
  leader: () => Session;
  officerId: () => string;
  bodies: () => { mc1: string; province: string };
  upload: () => Promise<string>;
  project: () => Promise<string>;
}): Record<string, () => Promise<RefReq>> {
  const seeded = (state: string) => seedPetition(w.t().db.db, { bodyId: w.bodies().mc1, state });
  return {
    'POST /api/petitions': async () => ({
      method: 'POST',
      url: '/api/petitions',
      session: w.leader(),
      body: {
        receivingBodyId: w.bodies().mc1,
        receivedOn: '2026-02-20',
        channel: 'forwarded_by_body',
        forwardedFromBodyId: w.bodies().province,
        summary: 'Đơn chuyển đến',
        content: 'Nội dung',
        projectId: await w.project(),
        petitioners: [{ fullName: 'Người gửi' }],
        officerIds: [w.officerId()],
        fileIds: [await w.upload()],
      },
    }),
    'PATCH /api/petitions/:id': async () => {
      const p = await seeded('registered');
      return {
        method: 'PATCH',
        url: `/api/petitions/${p.id}`,
        session: w.leader(),
        body: { version: p.version, projectId: await w.project() },
      };
    },
    'PUT /api/petitions/:id/officers': async () => {
      const p = await seeded('registered');
      return {
        method: 'PUT',
        url: `/api/petitions/${p.id}/officers`,
        session: w.leader(),
        body: { version: p.version, officerIds: [w.officerId()] },
      };
    },
    'POST /api/petitions/:id/merge': async () => {
      const [p, into] = [await seeded('registered'), await seeded('registered')];
      return {
        method: 'POST',
        url: `/api/petitions/${p.id}/merge`,
        session: w.leader(),
        body: { version: p.version, intoId: into.id },
      };
    },
    'POST /api/petitions/:id/forward': async () => {
      const p = await seeded('classified');
      return {
        method: 'POST',
        url: `/api/petitions/${p.id}/forward`,
        session: w.leader(),
        body: { version: p.version, toBodyId: w.bodies().province },
      };
    },
  };
}
