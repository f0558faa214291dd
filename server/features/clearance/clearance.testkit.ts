import { sql } from 'kysely';
import { expect } from 'vitest';
import { call, type Session, type TestApp } from '../../../test/app.ts';
import type { WorkFixture } from '../../../test/work-fixture.ts';

/** The id of the unit with this code on 2 March 2026. */
export async function unitIdOf(t: TestApp, code: string, day = '2026-03-02') {
  return (
    await sql<{
      unit_id: string;
    }>`select unit_id from unit_tree where code = ${code} and (valid_from is null or valid_from <= ${day}::date) and (valid_to is null or ${day}::date < valid_to)`.execute(
      t.db.db,
    )
  ).rows[0]!.unit_id;
}

let n = 0;

/** A key project through the API (201 expected), of Móng Cái 1's Front committee by default. */
export async function buildProject(
  t: TestApp,
  session: Session,
  over: Record<string, unknown> & { bodyId: string },
): Promise<{ project: { id: string; version: number; summary: Record<string, unknown> } }> {
  const r = await call(t.app, {
    method: 'POST',
    url: '/api/key-projects',
    session,
    body: {
      code: `DA-${++n}`,
      name: `Đường dẫn cầu Bắc Luân II (${n})`,
      investor: 'UBND thành phố Móng Cái',
      householdTotal: 10,
      startDate: '2026-01-01',
      plannedCompletionDate: '2026-06-30',
      ...over,
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

/** A household of the project through the API (201 expected). */
export async function buildHousehold(
  t: TestApp,
  session: Session,
  projectId: string,
  over: Record<string, unknown> = {},
): Promise<{ household: { id: string; number: number; version: number } }> {
  const r = await call(t.app, {
    method: 'POST',
    url: `/api/key-projects/${projectId}/households`,
    session,
    body: { headName: `Hộ ông Nguyễn Văn ${++n}`, address: `Khu ${n}, Phường Móng Cái 1`, ...over },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

/** A project of Móng Cái 1 with one household, for the generated suites (scope matrix, references). */
export async function clearanceRecords(t: TestApp, session: Session, f: Pick<WorkFixture, 'bodies'>) {
  const { project } = await buildProject(t, session, { bodyId: f.bodies.mc1 });
  const { household } = await buildHousehold(t, session, project.id);
  return { project, household };
}

type RefReq = { method: 'POST' | 'PATCH'; url: string; body: Record<string, unknown>; session: Session };

/** Another ward's (Móng Cái 2's) records of the kinds clearance and dialogues name, for test/references.test.ts. */
export async function otherClearanceRecords(t: TestApp, admin: Session, f: Pick<WorkFixture, 'bodies'>) {
  const { project, household } = await clearanceRecords(t, admin, { bodies: { ...f.bodies, mc1: f.bodies.mc2 } });
  const r = await call(t.app, {
    method: 'POST',
    url: '/api/dialogues',
    session: admin,
    body: {
      bodyId: f.bodies.mc2,
      heldOn: '2026-02-20',
      title: 'Đối thoại phường bạn',
      place: 'Phường Móng Cái 2',
      chairName: 'Chủ tịch',
      outcomes: [{ text: 'Kết quả' }],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return {
    keyProject: project.id,
    household: household.id,
    dialogueOutcome: r.json<{ outcomes: { id: string }[] }>().outcomes[0]!.id,
  };
}

/** Base requests of every clearance and dialogue write that names ids, each naming records of Móng Cái 1 the ward's
 * leader may name (test/references.test.ts). Read lazily: the fixture exists once the suite has started. */
export function referenceClearance(w: {
  t: () => TestApp;
  f: () => WorkFixture;
  programme: () => string;
  task: () => string;
  unitId: () => string;
}): Record<string, () => Promise<RefReq>> {
  const leader = () => w.f().leader.session;
  const own = () => clearanceRecords(w.t(), leader(), w.f());
  const taskSpec = () => ({
    programmeId: w.programme(),
    leadBodyId: w.f().bodies.mc1Women,
    responsiblePersonId: w.f().officer.personId,
    assigneeAccountId: w.f().officer.id,
  });
  const dialogueBody = async () => {
    const { project, household } = await own();
    return {
      bodyId: w.f().bodies.mc1,
      heldOn: '2026-02-20',
      title: `Đối thoại ${++n}`,
      place: 'Khu 1',
      projectId: project.id,
      chairPersonId: w.f().leader.personId,
      attendees: [
        { kind: 'official', personId: w.f().officer.personId, accountId: w.f().officer.id, householdId: household.id },
      ],
      outcomes: [{ text: 'Kết quả', task: taskSpec() }],
    };
  };
  return {
    'POST /api/key-projects': () =>
      Promise.resolve({
        method: 'POST',
        url: '/api/key-projects',
        session: leader(),
        body: {
          bodyId: w.f().bodies.mc1,
          code: `REF-DA-C${++n}`,
          name: 'Dự án',
          startDate: '2026-01-01',
          plannedCompletionDate: '2026-12-31',
          taskId: w.task(),
          affectedUnitIds: [w.unitId()],
        },
      } as const),
    'PATCH /api/key-projects/:id': async () => {
      const { project } = await own();
      return {
        method: 'PATCH',
        url: `/api/key-projects/${project.id}`,
        session: leader(),
        body: { version: project.version, taskId: w.task(), affectedUnitIds: [w.unitId()] },
      };
    },
    'POST /api/key-projects/:id/households': async () => ({
      method: 'POST',
      url: `/api/key-projects/${(await own()).project.id}/households`,
      session: leader(),
      body: { headName: `Hộ ${++n}`, unitId: w.unitId() },
    }),
    'PATCH /api/key-households/:id': async () => {
      const { household } = await own();
      return {
        method: 'PATCH',
        url: `/api/key-households/${household.id}`,
        session: leader(),
        body: { version: household.version, unitId: w.unitId() },
      };
    },
    'POST /api/key-projects/:id/visits': async () => {
      const { project, household } = await own();
      return {
        method: 'POST',
        url: `/api/key-projects/${project.id}/visits`,
        session: leader(),
        body: {
          householdId: household.id,
          visitedOn: '2026-03-01',
          outcome: 'Vận động',
          members: [{ personId: w.f().villageHead }],
        },
      };
    },
    'POST /api/dialogues': async () => ({
      method: 'POST',
      url: '/api/dialogues',
      session: leader(),
      body: await dialogueBody(),
    }),
    'PATCH /api/dialogues/:id': async () => {
      const r = await call(w.t().app, {
        method: 'POST',
        url: '/api/dialogues',
        session: leader(),
        body: { ...(await dialogueBody()), outcomes: [{ text: 'Kết quả' }] },
      });
      expect(r.statusCode, r.body).toBe(201);
      const d = r.json<{ dialogue: { id: string; version: number }; outcomes: { id: string }[] }>();
      const { project, household } = await own();
      return {
        method: 'PATCH',
        url: `/api/dialogues/${d.dialogue.id}`,
        session: leader(),
        body: {
          version: d.dialogue.version,
          projectId: project.id,
          chairPersonId: w.f().leader.personId,
          attendees: [
            {
              kind: 'official',
              personId: w.f().officer.personId,
              accountId: w.f().officer.id,
              householdId: household.id,
            },
          ],
          outcomes: [{ id: d.outcomes[0]!.id, text: 'Kết quả sửa', task: taskSpec() }],
        },
      };
    },
  };
}
