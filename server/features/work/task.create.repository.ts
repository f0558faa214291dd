import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { actorSettings, type Actor, type Trx } from '../../db/tx.ts';
import type { InsertObject } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { firstRefusedSql } from '../../http/references.ts';
import { programmeOwnerUnit } from './programmes.repository.ts';
import { taskReferenceChecks } from './task.references.ts';
import type { WorkCaller } from './work.scope.ts';
import { taskVisible } from './work.scope.repository.ts';

type Q = Database | Trx;

/** What a new task names, as the create statement reads it (task.create.service.ts checks it). */
export type NewTaskRefs = {
  programme: { id: string; body_id: string; year: number } | null;
  kind_ok: boolean;
  grp: { programme_id: string } | null;
  parent: { programme_id: string; group_id: string | null } | null;
  bodies: { id: string; unit_id: string; valid_to: string | null }[];
  people: string[];
  account: { disabled_at: string | null } | null;
  /** The first field naming a record the task may not name (missing, or outside the scope), or null. */
  refused: string | null;
};

/** The ids a new task names. */
export type TaskNames = {
  programmeId: string;
  kind: string;
  groupId?: string | null;
  parentId?: string | null;
  leadBodyId: string;
  responsiblePersonId?: string | null;
  assigneeAccountId?: string | null;
  cooperators: readonly { bodyId: string; personId?: string | null }[];
};

/** What a new task names, as the columns of one select: one round trip however many cooperators it has. A parent
 * must be one `by` reads. */
function refsColumns(input: TaskNames, by: WorkCaller) {
  const bodyIds = [input.leadBodyId, ...input.cooperators.map((co) => co.bodyId)];
  const personIds = [input.responsiblePersonId, ...input.cooperators.map((co) => co.personId)].filter(
    (x): x is string => Boolean(x),
  );
  return sql`(select json_build_object('id', id, 'body_id', body_id, 'year', year) from programmes where id = ${input.programmeId}::uuid and deleted_at is null) as programme,
      exists (select 1 from task_kinds where code = ${input.kind} and deleted_at is null) as kind_ok,
      (select json_build_object('programme_id', programme_id) from task_groups where id = ${input.groupId ?? null}::uuid and deleted_at is null) as grp,
      (select json_build_object('programme_id', programme_id, 'group_id', group_id) from tasks pt where pt.id = ${input.parentId ?? null}::uuid and pt.deleted_at is null and ${taskVisible(by, 'pt')}) as parent,
      (select coalesce(json_agg(json_build_object('id', id, 'unit_id', unit_id, 'valid_to', valid_to)), '[]') from bodies where id = any (${bodyIds}::uuid[]) and deleted_at is null) as bodies,
      (select coalesce(json_agg(id), '[]') from people where id = any (${personIds}::uuid[]) and deleted_at is null) as people,
      (select json_build_object('disabled_at', disabled_at) from accounts where id = ${input.assigneeAccountId ?? null}::uuid and deleted_at is null) as account,
      ${firstRefusedSql(by, programmeOwnerUnit(input.programmeId), taskReferenceChecks(input))} as refused`;
}

/** What a new task names, read in the transaction it is written in. */
export async function readTaskRefs(q: Q, input: TaskNames, by: WorkCaller): Promise<NewTaskRefs> {
  return (await sql<NewTaskRefs>`select ${refsColumns(input, by)}`.execute(q)).rows[0]!;
}

/** In one statement: whether the programme exists and the caller reads it, whether it may add a task there (a
 * manager of the owner body, or for a subtask of the parent's lead body), the programme's next number when it may,
 * and what the task names. The number's commit does not wait for the disk (synchronous_commit off for this
 * statement, which must not run in a transaction): the task's own commit, which does wait, flushes the log up to
 * itself and so this earlier record too; a crash between them loses only a number no task has. */
export async function takeNumberAndRefs(q: Database, c: WorkCaller, input: TaskNames) {
  if (q.isTransaction) throw new Error('takeNumberAndRefs runs in its own statement, outside a transaction');
  const holds = (alias: string) =>
    c.isAdmin
      ? sql<boolean>`true`
      : sql<boolean>`(select h.ok from holds_rows(${c.accountId}::uuid, ${c.today}::date, 'work.manage', ${sql.ref(alias + '.unit_id')}, ${sql.ref(alias + '.id')}) h)`;
  // canReadProgramme's rule, cheapest test first.
  const readable = c.isAdmin
    ? sql<boolean>`true`
    : sql<boolean>`case when p.id = any (${c.readableProgrammes ?? []}::uuid[]) then true
        when programme_readable(${c.accountId}::uuid, ${c.today}::date, p.id) then true
        else exists (select 1 from tasks t where t.programme_id = p.id and ${taskVisible(c)}) end`;
  return (
    await sql<{ found: boolean; may: boolean | null; number: number | null } & NewTaskRefs>`with chk as (
        select (${holds('pb')} or coalesce((select ${holds('lb')} from tasks pt join bodies lb on lb.id = pt.lead_body_id where pt.id = ${input.parentId ?? null}::uuid and pt.deleted_at is null), false)) as may
          from programmes p join bodies pb on pb.id = p.body_id where p.id = ${input.programmeId}::uuid and p.deleted_at is null and ${readable}),
      n as (update programmes set task_counter = task_counter + 1 where id = ${input.programmeId}::uuid and deleted_at is null and (select may from chk) returning task_counter)
      select set_config('synchronous_commit', 'off', true) is not null and exists (select 1 from chk) as found, (select may from chk) as may, (select task_counter from n) as number,
        ${refsColumns(input, c)}`.execute(q)
  ).rows[0]!;
}

/** Takes the next task number of a programme (locks the programme row for the transaction); null when it is gone. */
export async function nextTaskNumber(trx: Q, programmeId: string): Promise<number | null> {
  const r = await trx
    .updateTable('programmes')
    .set((eb) => ({ task_counter: eb('task_counter', '+', 1) }))
    .where('id', '=', programmeId)
    .where('deleted_at', 'is', null)
    .returning('task_counter')
    .executeTakeFirst();
  return r?.task_counter ?? null;
}

/** The task, its cooperating bodies and its first history line in one statement (data-modifying CTEs; the foreign
 * keys are checked at its end). The actor is set in the same statement: its AFTER triggers write the audit rows once
 * it has run, and the fast create's transaction is this statement alone. */
export async function insertTaskRows(
  q: Q,
  actor: Actor,
  task: InsertObject<DB, 'tasks'>,
  cooperators: InsertObject<DB, 'task_cooperators'>[],
  history: InsertObject<DB, 'task_updates'>[],
): Promise<void> {
  await q
    .with('actor', (db) => db.selectNoFrom(actorSettings(actor).as('set')))
    .with('new_task', (db) => db.insertInto('tasks').values(task).returning('id'))
    .with('new_cooperators', (db) =>
      cooperators.length
        ? db.insertInto('task_cooperators').values(cooperators).returning('id')
        : db.selectNoFrom(sql<string>`null::uuid`.as('id')),
    )
    .with('new_history', (db) =>
      history.length
        ? db.insertInto('task_updates').values(history).returning('id')
        : db.selectNoFrom(sql<string>`null::uuid`.as('id')),
    )
    .selectFrom(['new_task', 'actor'])
    .select('new_task.id')
    .where('actor.set', '=', true)
    .execute();
}
