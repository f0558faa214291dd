import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { buildProgramme, workFixture, type WorkFixture } from '../../../test/work-fixture.ts';

/** What a task may name (migration 0017): its lead body, responsible person and assignee from the programme owner's
 * subtree, narrowed to the caller's scope; cooperating bodies also from above in the line and from outside the bloc
 * at or above the owner's unit; a copy keeps only what the new programme may name. */
describe('what a task may name', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: WorkFixture;
  let programme: { id: string; groups: { id: string }[] };
  const committees = { province: '', ward: '', sibling: '' };
  const api = async (session: Session, method: 'GET' | 'POST', url: string, body?: unknown) =>
    call(t().app, { method, url, session, body });
  const create = (session: Session, over: Record<string, unknown>) =>
    api(session, 'POST', '/api/tasks', {
      programmeId: programme.id,
      kind: 'shared',
      title: 'Việc',
      leadBodyId: f.bodies.mc1,
      cooperators: [],
      ...over,
    });
  const refused = (res: Awaited<ReturnType<typeof api>>, field: string) => {
    expect([res.statusCode, res.json().error.code, res.json().error.field], res.body).toEqual([
      404,
      'NOT_FOUND',
      field,
    ]);
  };

  beforeAll(async () => {
    f = await workFixture(t());
    programme = await buildProgramme(t().app, f.leader.session, f.bodies.mc1);
    const db = t().db.db;
    const unitOf = async (bodyId: string) =>
      (await db.selectFrom('bodies').select('unit_id').where('id', '=', bodyId).executeTakeFirstOrThrow()).unit_id;
    const committee = async (bodyId: string, name: string) =>
      (
        await db
          .insertInto('bodies')
          .values({ unit_id: await unitOf(bodyId), kind: 'peoples_committee', name })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    committees.province = await committee(f.bodies.province, 'UBND tỉnh Quảng Ninh');
    committees.ward = await committee(f.bodies.mc1, 'UBND Phường Móng Cái 1');
    committees.sibling = await committee(f.bodies.mc2, 'UBND Phường Móng Cái 2');
  }, 120_000);

  it('takes cooperating bodies from the ward, from above in the line and from outside the bloc at or above the ward', async () => {
    for (const bodyId of [f.bodies.mc1Women, f.bodies.province, committees.ward, committees.province]) {
      const r = await create(f.leader.session, { cooperators: [{ bodyId }] });
      expect(r.statusCode, r.body).toBe(201);
    }
    refused(
      await create(f.leader.session, { cooperators: [{ bodyId: f.bodies.mc1Women }, { bodyId: committees.sibling }] }),
      'cooperators.1.bodyId',
    );
    refused(await create(f.leader.session, { cooperators: [{ bodyId: f.bodies.mc2 }] }), 'cooperators.0.bodyId');
  });

  it('takes the lead body, the responsible person and the assignee from the ward only', async () => {
    refused(await create(f.leader.session, { leadBodyId: f.bodies.province }), 'leadBodyId');
    refused(await create(f.leader.session, { leadBodyId: committees.sibling }), 'leadBodyId');
    refused(await create(f.leader.session, { assigneeAccountId: f.sibling.id }), 'assigneeAccountId');
    const outsider = (
      await t()
        .db.db.insertInto('people')
        .values({ full_name: 'Người phường bạn' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await t()
      .db.db.insertInto('positions')
      .values({ person_id: outsider, body_id: f.bodies.mc2, title: 'Ủy viên' })
      .execute();
    refused(await create(f.leader.session, { responsiblePersonId: outsider }), 'responsiblePersonId');
    const ok = await create(f.leader.session, {
      leadBodyId: committees.ward,
      responsiblePersonId: f.officer.personId,
      assigneeAccountId: f.officer.id,
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('offers in the body lists the bodies a task may name, as lead or as cooperating body', async () => {
    const names = async (rule: string) =>
      (await api(f.leader.session, 'GET', `/api/bodies?namedBy=${f.bodies.mc1}&rule=${rule}`))
        .json<{ id: string }[]>()
        .map((b) => b.id);
    const lead = await names('lead');
    expect(lead).toEqual(expect.arrayContaining([f.bodies.mc1, f.bodies.mc1Women, committees.ward]));
    expect(lead).not.toContain(f.bodies.province);
    expect(lead).not.toContain(f.bodies.mc2);
    const near = await names('near');
    expect(near).toEqual(
      expect.arrayContaining([f.bodies.mc1Women, f.bodies.province, committees.province, committees.ward]),
    );
    expect(near).not.toContain(f.bodies.mc2);
    expect(near).not.toContain(committees.sibling);
  });

  it('narrows a subtask of a higher programme to the creator’s own ward', async () => {
    const province = await buildProgramme(t().app, f.admin, f.bodies.province, 2027);
    const parent = await api(f.admin, 'POST', '/api/tasks', {
      programmeId: province.id,
      kind: 'shared',
      title: 'Việc của tỉnh giao phường',
      leadBodyId: f.bodies.mc1,
      assign: true,
      cooperators: [],
    });
    expect(parent.statusCode, parent.body).toBe(201);
    const sub = (over: Record<string, unknown>) =>
      api(f.leader.session, 'POST', '/api/tasks', {
        programmeId: province.id,
        parentId: parent.json().task.id,
        kind: 'shared',
        title: 'Phần của phường',
        leadBodyId: f.bodies.mc1,
        cooperators: [],
        ...over,
      });
    // Móng Cái 2 lies in the province programme's scope, not in the ward leader's.
    refused(await sub({ assigneeAccountId: f.sibling.id }), 'assigneeAccountId');
    refused(await sub({ leadBodyId: f.bodies.mc2 }), 'leadBodyId');
    const own = await sub({ assigneeAccountId: f.officer.id });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('copies only the tasks the caller reads, and of those only what the new programme may name', async () => {
    const province = await buildProgramme(t().app, f.admin, f.bodies.province, 2025);
    const mine = await api(f.admin, 'POST', '/api/tasks', {
      programmeId: province.id,
      kind: 'shared',
      title: 'Phường Móng Cái 1 thực hiện',
      leadBodyId: f.bodies.mc1,
      assigneeAccountId: f.officer.id,
      cooperators: [{ bodyId: f.bodies.mc2 }, { bodyId: f.bodies.mc1Women }],
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const theirs = await api(f.admin, 'POST', '/api/tasks', {
      programmeId: province.id,
      kind: 'shared',
      title: 'Phường Móng Cái 2 thực hiện',
      leadBodyId: f.bodies.mc2,
      assigneeAccountId: f.sibling.id,
      cooperators: [],
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const copy = await api(f.leader.session, 'POST', '/api/programmes', {
      bodyId: f.bodies.mc1,
      year: 2028,
      title: 'Chép từ tỉnh',
      copyFromId: province.id,
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const rows = await sql<{
      title: string;
      lead: string;
      assignee: string | null;
      cooperators: string[];
    }>`select t.title, t.lead_body_id as lead, t.assignee_account_id as assignee,
        array(select body_id::text from task_cooperators c where c.task_id = t.id and c.deleted_at is null order by 1) as cooperators
      from tasks t where t.programme_id = ${copy.json().id}::uuid order by t.number`.execute(t().db.db);
    expect(rows.rows).toEqual([
      {
        title: 'Phường Móng Cái 1 thực hiện',
        lead: f.bodies.mc1,
        assignee: f.officer.id,
        cooperators: [f.bodies.mc1Women],
      },
    ]);
  });

  it('refuses a copy from a programme the caller cannot read exactly as one that does not exist, before writing anything', async () => {
    const other = await buildProgramme(t().app, f.admin, f.bodies.mc2, 2026);
    const a = await buildAccount(t().ctx);
    expect(
      (await api(f.admin, 'POST', `/api/accounts/${a.id}/roles`, { role: 'leader', unitCode: '06712' })).statusCode,
    ).toBe(201);
    const leader = await signIn(t().app, a.username, PASSWORD);
    const before = (await sql<{ n: number }>`select count(*)::int as n from programmes`.execute(t().db.db)).rows[0]!.n;
    const unreadable = await api(leader, 'POST', '/api/programmes', {
      bodyId: f.bodies.mc1,
      year: 2029,
      title: 'Chép',
      copyFromId: other.id,
    });
    const missing = await api(leader, 'POST', '/api/programmes', {
      bodyId: f.bodies.mc1,
      year: 2029,
      title: 'Chép',
      copyFromId: '00000000-0000-4000-8000-000000000009',
    });
    expect({ ...unreadable.json().error, requestId: 0 }).toEqual({ ...missing.json().error, requestId: 0 });
    expect([missing.statusCode, missing.json().error.field]).toEqual([404, 'copyFromId']);
    expect((await sql<{ n: number }>`select count(*)::int as n from programmes`.execute(t().db.db)).rows[0]!.n).toBe(
      before,
    );
  });
});
