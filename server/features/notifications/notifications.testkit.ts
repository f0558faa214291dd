import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { TaskStatus } from '../../db/schema.ts';
import type { TestApp } from '../../../test/app.ts';
import { workFixture, type WorkFixture } from '../../../test/work-fixture.ts';

/** A programme of a body, by direct insert. */
export async function buildProgrammeRow(
  db: Database,
  bodyId: string,
  overrides: { year?: number; title?: string } = {},
): Promise<string> {
  const r = await db
    .insertInto('programmes')
    .values({
      body_id: bodyId,
      year: overrides.year ?? 2026,
      title: overrides.title ?? 'Chương trình công tác năm 2026',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export type TaskOverrides = {
  title?: string;
  status?: TaskStatus;
  dueDate?: string | null;
  assigneeAccountId?: string | null;
  responsiblePersonId?: string | null;
  cooperators?: { bodyId: string; personId?: string | null }[];
  /** who reported it done (a reported_done task's last status update): an account and/or a person */
  reportedBy?: { accountId?: string | null; personId?: string | null };
  deleted?: boolean;
};

/** A task row by direct SQL (its unit is the lead body's), with its cooperators. */
export async function buildTaskRow(
  db: Database,
  programmeId: string,
  leadBodyId: string,
  o: TaskOverrides = {},
): Promise<string> {
  const body = await db.selectFrom('bodies').select('unit_id').where('id', '=', leadBodyId).executeTakeFirstOrThrow();
  const number = (
    await sql<{
      n: number;
    }>`select coalesce(max(number), 0)::int + 1 as n from tasks where programme_id = ${programmeId}::uuid`.execute(db)
  ).rows[0]!.n;
  const task = await db
    .insertInto('tasks')
    .values({
      programme_id: programmeId,
      number,
      group_id: null,
      parent_id: null,
      kind: 'shared',
      title: o.title ?? `Nhiệm vụ số ${number}`,
      description: null,
      lead_body_id: leadBodyId,
      unit_id: body.unit_id,
      responsible_person_id: o.responsiblePersonId ?? null,
      assignee_account_id: o.assigneeAccountId ?? null,
      start_date: null,
      due_date: o.dueDate === undefined ? '2026-03-31' : o.dueDate,
      original_due_date: null,
      target_value: null,
      target_unit: null,
      result_value: null,
      status: o.status ?? 'assigned',
      status_reason: null,
      reported_done_on: o.status === 'reported_done' ? '2026-03-01' : null,
      accepted_on: null,
      accepted_by: null,
      recurrence: null,
      series_id: null,
      occurrence: null,
      created_by: null,
      deleted_at: o.deleted ? new Date('2026-03-01T00:00:00Z') : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const c of o.cooperators ?? []) {
    await db
      .insertInto('task_cooperators')
      .values({ task_id: task.id, body_id: c.bodyId, person_id: c.personId ?? null, part: null })
      .execute();
  }
  if (o.reportedBy) {
    await db
      .insertInto('task_updates')
      .values({
        task_id: task.id,
        kind: 'status',
        from_status: 'in_progress',
        to_status: 'reported_done',
        progress: 100,
        entered_by: o.reportedBy.accountId ?? null,
        reported_by_person_id: o.reportedBy.personId ?? null,
        reported_on: '2026-03-01',
      })
      .execute();
  }
  return task.id;
}

/**
 * The reminder scenario on 2 March 2026 (work-fixture's units, bodies and accounts; a programme of Phường Móng Cái
 * 1's Front committee):
 * - `soon`: in progress, due 04/03 — assignee the officer, responsible the village reporter's person, the Women's
 *   Union cooperating through its officer's person (the Youth Union without a person);
 * - `late`: assigned, due 27/02 — assignee the village reporter, responsible a person without an account;
 * - `done`: reported done by the officer, due 03/03 — for the leader (work.accept) to accept;
 * - `selfDone`: reported done by the leader, due 01/03 — nobody else may accept it, so nobody is reminded;
 * - `far`: in progress, due 20/03 — the village reporter responsible (only with a longer due-soon setting);
 * - draft, suspended, cancelled, accepted and deleted tasks due 03/03 with the officer as assignee, and one
 *   without a due date: never reminded.
 */
export async function reminderScenario(t: TestApp) {
  const f: WorkFixture = await workFixture(t);
  const db = t.db.db;
  const programmeId = await buildProgrammeRow(db, f.bodies.mc1);
  const task = (o: TaskOverrides) => buildTaskRow(db, programmeId, f.bodies.mc1, o);
  const tasks = {
    soon: await task({
      title: 'Tuyên truyền bầu cử đại biểu Quốc hội khóa XVI',
      status: 'in_progress',
      dueDate: '2026-03-04',
      assigneeAccountId: f.officer.id,
      responsiblePersonId: f.village.personId,
      cooperators: [{ bodyId: f.bodies.mc1Women, personId: f.women.personId }, { bodyId: f.bodies.mc1Youth }],
    }),
    late: await task({
      title: 'Rà soát hộ nghèo, cận nghèo khu 3',
      status: 'assigned',
      dueDate: '2026-02-27',
      assigneeAccountId: f.village.id,
      responsiblePersonId: f.villageHead,
    }),
    done: await task({
      title: 'Hội nghị đại biểu nhân dân khu phố',
      status: 'reported_done',
      dueDate: '2026-03-03',
      responsiblePersonId: f.officer.personId,
      reportedBy: { accountId: f.officer.id, personId: f.officer.personId },
    }),
    selfDone: await task({
      title: 'Báo cáo sơ kết quý I',
      status: 'reported_done',
      dueDate: '2026-03-01',
      assigneeAccountId: f.leader.id,
      reportedBy: { accountId: f.leader.id },
    }),
    far: await task({
      title: 'Ngày hội Đại đoàn kết toàn dân tộc',
      status: 'in_progress',
      dueDate: '2026-03-20',
      responsiblePersonId: f.village.personId,
    }),
  };
  for (const status of ['draft', 'suspended', 'cancelled', 'accepted'] as const)
    await task({ status, dueDate: '2026-03-03', assigneeAccountId: f.officer.id });
  await task({ status: 'in_progress', dueDate: '2026-03-03', assigneeAccountId: f.officer.id, deleted: true });
  await task({ status: 'in_progress', dueDate: null, assigneeAccountId: f.officer.id });
  return { f, programmeId, tasks };
}

export type ReminderScenario = Awaited<ReturnType<typeof reminderScenario>>;

/** The notifications of a day as sorted "account kind task" keys, with names instead of ids. */
export async function notificationKeys(db: Database, day: string, names: Record<string, string>): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select(['account_id', 'kind', 'task_id'])
    .where('day', '=', day)
    .execute();
  return rows
    .map((r) => `${names[r.account_id] ?? r.account_id} ${r.kind} ${r.task_id ? (names[r.task_id] ?? r.task_id) : '-'}`)
    .sort();
}

/** Names for the scenario's accounts and tasks (for readable expectations). */
export function scenarioNames(s: ReminderScenario): Record<string, string> {
  const names: Record<string, string> = {};
  for (const who of ['leader', 'officer', 'sibling', 'women', 'village'] as const) names[s.f[who].id] = who;
  names[s.f.admin.accountId] = 'admin';
  for (const [k, v] of Object.entries(s.tasks)) names[v] = k;
  return names;
}
