/**
 * The work benchmark's data, generated set-based: Quảng Ninh's units, five bodies on Phường Móng Cái 1, 20 officers,
 * one programme of 2026 with 15 task groups and N tasks with their cooperating bodies and history.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../server/context.ts';
import type { Database } from '../server/db/database.ts';
import { importCatalogue } from '../server/features/units/catalogue.import.ts';
import { loadBuiltInCatalogue } from '../server/features/units/catalogue.plan.ts';
import { fold } from '../server/i18n/names.ts';
import { systemClock, localDate } from '../server/clock.ts';
import { actingAs, createAccount } from '../server/features/accounts/accounts.service.ts';
import { DETAILS, GROUPS, OBJECTS, PEOPLE, PLACES, STATUS_BAG, VERBS } from './work.words.ts';

export const actor = { accountId: null, label: 'bench' };

/** A seeded generator, so two sittings generate the same data (mulberry32). */
export function seededRandom(start: number) {
  let seed = start >>> 0;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  return { rand, pick };
}
export type Random = ReturnType<typeof seededRandom>;

const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

export type Officer = { accountId: string; personId: string; username: string };

/** Everything generated, with the password of the officers' accounts and the titles (as written and folded). */
export type WorkData = Awaited<ReturnType<typeof generateWork>>;

export async function generateWork(ctx: AppContext, random: Random, tasks: number) {
  const { db } = ctx;
  const { pick } = random;
  await importCatalogue(db, actor, loadBuiltInCatalogue(), { provinces: ['22'] });
  const today = localDate(systemClock.now());
  const unitId = (
    await sql<{
      unit_id: string;
    }>`select unit_id from unit_tree where code = '06712' and (valid_to is null or valid_to > ${today}::date) and (valid_from is null or valid_from <= ${today}::date)`.execute(
      db,
    )
  ).rows[0]!.unit_id;
  const body = async (kind: string, name: string) =>
    (
      await db
        .insertInto('bodies')
        .values({ unit_id: unitId, kind, name, valid_from: '2025-07-01' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const owner = await body('front', 'Ủy ban MTTQ Phường Móng Cái 1');
  const bodies = [
    owner,
    await body('womens_union', 'Hội LHPN Phường Móng Cái 1'),
    await body('youth_union', 'Đoàn TN Phường Móng Cái 1'),
    await body('farmers_union', 'Hội Nông dân Phường Móng Cái 1'),
    await body('veterans', 'Hội Cựu chiến binh Phường Móng Cái 1'),
  ];
  const password = `bench-${crypto.randomBytes(6).toString('hex')}`;
  const officers: Officer[] = [];
  for (const [i, name] of PEOPLE.entries()) {
    const personId = (
      await db.insertInto('people').values({ full_name: name }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const username = `canbo${String(i + 1).padStart(2, '0')}`;
    const a = await createAccount(actingAs(ctx, actor), {
      username,
      displayName: name,
      password,
      isAdmin: false,
      mustChangePassword: false,
      personId,
    });
    await db.insertInto('role_assignments').values({ account_id: a.id, role: 'officer', unit_id: unitId }).execute();
    officers.push({ accountId: a.id, personId, username });
  }
  const programmeId = (
    await db
      .insertInto('programmes')
      .values({
        body_id: owner,
        year: 2026,
        title: 'Chương trình công tác năm 2026 của Ủy ban MTTQ Phường Móng Cái 1',
        created_by: officers[0]!.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const groups: string[] = [];
  for (const [i, name] of GROUPS.entries())
    groups.push(
      (
        await db
          .insertInto('task_groups')
          .values({ programme_id: programmeId, position: i + 1, name, lead_body_id: pick(bodies) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const refs = { unitId, programmeId, bodies, officers, groups };
  const { titles, folded } = await insertTasks(db, random, refs, tasks);
  await insertHistory(db, programmeId, today);
  await db.updateTable('programmes').set({ task_counter: tasks }).where('id', '=', programmeId).execute();
  await sql`vacuum analyze`.execute(db);
  await sql`checkpoint`.execute(db).catch(() => undefined);
  const counts = (
    await sql<{
      tasks: number;
      coops: number;
      updates: number;
    }>`select (select count(*)::int from tasks) as tasks, (select count(*)::int from task_cooperators) as coops, (select count(*)::int from task_updates) as updates`.execute(
      db,
    )
  ).rows[0]!;
  return { ...refs, today, password, titles, folded, counts };
}

/** The tasks, in batches of 5,000 rows sent as arrays; returns their titles as written and folded. */
async function insertTasks(
  db: Database,
  { rand, pick }: Random,
  refs: { unitId: string; programmeId: string; bodies: string[]; officers: Officer[]; groups: string[] },
  tasks: number,
) {
  const { unitId, programmeId, bodies, officers, groups } = refs;
  const TASKS_TITLES: string[] = [];
  const TASKS_FOLDED: string[] = [];
  const BATCH = 5000;
  for (let from = 0; from < tasks; from += BATCH) {
    const cols = {
      number: [] as number[],
      group: [] as string[],
      kind: [] as string[],
      title: [] as string[],
      fold: [] as string[],
      description: [] as string[],
      lead: [] as string[],
      person: [] as string[],
      assignee: [] as string[],
      start: [] as string[],
      due: [] as string[],
      priority: [] as string[],
      status: [] as string[],
      progress: [] as number[],
      doneOn: [] as (string | null)[],
    };
    const coops: [number, string][] = [];
    for (let n = from + 1; n <= Math.min(tasks, from + BATCH); n++) {
      const title = `${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)}`;
      const start = Math.floor(rand() * 300);
      const due = start + 1 + Math.floor(rand() * 60);
      const status = pick(STATUS_BAG);
      const lead = pick(bodies);
      const officer = pick(officers);
      cols.number.push(n);
      cols.group.push(pick(groups));
      cols.kind.push(rand() < 0.8 ? 'shared' : 'specialised');
      cols.title.push(title);
      cols.fold.push(fold(title));
      TASKS_TITLES.push(title);
      TASKS_FOLDED.push(fold(title));
      cols.description.push(`${pick(DETAILS)} ${pick(DETAILS)}`);
      cols.lead.push(lead);
      cols.person.push(pick(officers).personId);
      cols.assignee.push(officer.accountId);
      cols.start.push(day(start));
      cols.due.push(day(due));
      cols.priority.push(pick(['high', 'normal', 'normal', 'low']));
      cols.status.push(status);
      cols.progress.push(
        status === 'accepted' || status === 'reported_done'
          ? 100
          : status === 'cancelled'
            ? 0
            : pick([0, 10, 30, 50, 80]),
      );
      cols.doneOn.push(
        status === 'accepted' || status === 'reported_done'
          ? day(Math.max(start, due - Math.floor(rand() * 10)))
          : null,
      );
      const others = bodies.filter((b) => b !== lead);
      const k = Math.floor(rand() * 3);
      for (let j = 0; j < k; j++) coops.push([n, others.splice(Math.floor(rand() * others.length), 1)[0]!]);
    }
    await sql`
      insert into tasks (programme_id, number, group_id, kind, title, title_fold, description, lead_body_id, unit_id, responsible_person_id, assignee_account_id,
                         start_date, due_date, original_due_date, priority, status, reported_progress, reported_done_on, accepted_on, accepted_by, created_by)
      select ${programmeId}::uuid, u.number, u.group_id, u.kind, u.title, u.title_fold, u.description, u.lead, ${unitId}::uuid, u.person, u.assignee,
             u.start_date, u.due_date, u.due_date, u.priority, u.status, u.progress, u.done_on,
             case when u.status = 'accepted' then u.done_on end, case when u.status = 'accepted' then ${officers[0]!.accountId}::uuid end, ${officers[0]!.accountId}::uuid
        from unnest(${cols.number}::int[], ${cols.group}::uuid[], ${cols.kind}::text[], ${cols.title}::text[], ${cols.fold}::text[], ${cols.description}::text[],
                    ${cols.lead}::uuid[], ${cols.person}::uuid[], ${cols.assignee}::uuid[], ${cols.start}::date[], ${cols.due}::date[], ${cols.priority}::text[],
                    ${cols.status}::text[], ${cols.progress}::smallint[], ${cols.doneOn}::date[])
          as u(number, group_id, kind, title, title_fold, description, lead, person, assignee, start_date, due_date, priority, status, progress, done_on)`.execute(
      db,
    );
    if (coops.length)
      await sql`
        insert into task_cooperators (task_id, body_id)
        select t.id, c.body_id from unnest(${coops.map((c) => c[0])}::int[], ${coops.map((c) => c[1])}::uuid[]) as c(number, body_id)
          join tasks t on t.programme_id = ${programmeId}::uuid and t.number = c.number`.execute(db);
  }
  return { titles: TASKS_TITLES, folded: TASKS_FOLDED };
}

/** History as the service writes it: the assignment, then the latest progress report of tasks under way. */
async function insertHistory(db: Database, programmeId: string, today: string) {
  await sql`insert into task_updates (task_id, kind, from_status, to_status, entered_by, created_at)
    select id, 'status', 'draft', 'assigned', created_by, (start_date::timestamp + interval '8 hours') at time zone 'Asia/Ho_Chi_Minh' from tasks where programme_id = ${programmeId}::uuid`.execute(
    db,
  );
  await sql`insert into task_updates (task_id, kind, progress, note, reported_by_person_id, reported_on, entered_by, created_at)
    select id, 'progress', reported_progress, 'Đã triển khai theo kế hoạch.', responsible_person_id, least(coalesce(reported_done_on, start_date + 1), ${today}::date), assignee_account_id,
           (least(coalesce(reported_done_on, start_date + 1), ${today}::date)::timestamp + interval '16 hours') at time zone 'Asia/Ho_Chi_Minh'
      from tasks where programme_id = ${programmeId}::uuid and status <> 'assigned' and reported_progress > 0`.execute(
    db,
  );
}

/** The programme's tasks in random order, for wrk's show route. */
export async function shuffledTaskIds(db: Database, programmeId: string) {
  return (
    await sql<{ id: string }>`select id from tasks where programme_id = ${programmeId}::uuid order by random()`.execute(
      db,
    )
  ).rows.map((r) => r.id);
}

/** Back to the generated tasks between runs: the tasks the create route made are removed, the counter reset. */
export async function removeCreatedTasks(db: Database, programmeId: string, tasks: number) {
  await sql`delete from task_updates where task_id in (select id from tasks where programme_id = ${programmeId}::uuid and number > ${tasks})`.execute(
    db,
  );
  await sql`delete from task_cooperators where task_id in (select id from tasks where programme_id = ${programmeId}::uuid and number > ${tasks})`.execute(
    db,
  );
  await sql`delete from tasks where programme_id = ${programmeId}::uuid and number > ${tasks}`.execute(db);
  await db.updateTable('programmes').set({ task_counter: tasks }).where('id', '=', programmeId).execute();
  await sql`vacuum analyze`.execute(db);
  await sql`checkpoint`.execute(db).catch(() => undefined);
}

/** After the server has closed (no create still committing), in one snapshot: the tasks created beyond the
 * generated ones and the audit rows of their creation. */
export async function createdTasks(db: Database, tasks: number) {
  return (
    await sql<{ created: number; audited: number }>`select
      (select count(*)::int from tasks where number > ${tasks}) as created,
      (select count(*)::int from audit_log where table_name = 'tasks' and action = 'create' and record_id in (select id::text from tasks where number > ${tasks})) as audited`.execute(
      db,
    )
  ).rows[0]!;
}
