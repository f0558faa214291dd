import { beforeAll, expect } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { buildProgramme, workFixture, type WorkFixture } from '../../../test/work-fixture.ts';

/** What the task tests share: a test app on 2 March 2026, the work fixture, a ward programme of the leader's, and
 * helpers to call the API and to create a task (in the programme's first group, led by the ward, with two
 * cooperating bodies, assigned) with any field changed. */
export function useTaskTests() {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  const shared = {} as { f: WorkFixture; programme: { id: string; groups: { id: string }[] } };

  beforeAll(async () => {
    shared.f = await workFixture(t());
    shared.programme = await buildProgramme(t().app, shared.f.leader.session, shared.f.bodies.mc1);
  }, 120_000);

  const api = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
    call(t().app, { method, url, session, body });
  const newTask = async (over: Record<string, unknown> = {}, session = shared.f.leader.session) => {
    const r = await api(session, 'POST', '/api/tasks', {
      programmeId: shared.programme.id,
      groupId: shared.programme.groups[0]!.id,
      kind: 'shared',
      title: 'Tuyên truyền bầu cử đại biểu Quốc hội',
      leadBodyId: shared.f.bodies.mc1,
      responsiblePersonId: shared.f.officer.personId,
      startDate: '2026-03-01',
      dueDate: '2026-03-31',
      cooperators: [
        { bodyId: shared.f.bodies.mc1Women, part: 'Vận động hội viên phụ nữ', personId: shared.f.women.personId },
        { bodyId: shared.f.bodies.mc1Youth, part: 'Đội thanh niên tình nguyện' },
      ],
      assign: true,
      ...over,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  return { t, api, newTask, shared };
}
