import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { statementShapes } from '../../db/statement-shapes.ts';
import { taskAccessQuery, type TaskAccessRow } from './task.access.repository.ts';
import { tasksQuery, type TaskRow } from './tasks.repository.ts';
import type * as s from './task.detail.schemas.ts';
import type { AccessMode, WorkCaller } from './work.scope.ts';

/** What taskDetail reads around a task, as PostgreSQL's JSON gives it (dates as text, timestamps as ISO text). */
export type TaskSurroundings = {
  programme: { id: string; title: string; year: number; body_id: string; name: string };
  parents: { id: string; number: number; title: string }[];
  cooperators: {
    id: string;
    body_id: string;
    body_name: string;
    part: string | null;
    person_id: string | null;
    full_name: string | null;
    reported_progress: number;
    version: number;
  }[];
  updates: {
    id: string;
    kind: z.infer<typeof s.taskDetail>['updates'][number]['kind'];
    cooperator_id: string | null;
    cooperator_body: string | null;
    progress: number | null;
    note: string | null;
    from_status: string | null;
    to_status: string | null;
    reported_by_person_id: string | null;
    reported_by: string | null;
    reported_on: string | null;
    entered_by: string | null;
    entered_by_name: string | null;
    created_at: string;
  }[];
  files: {
    update_id: string | null;
    id: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    created_at: string;
  }[];
  extensions: {
    id: string;
    requested_due_date: string;
    previous_due_date: string | null;
    reason: string;
    requested_by_name: string | null;
    requested_at: string;
    decision: 'granted' | 'refused' | null;
    decision_note: string | null;
    decided_by_name: string | null;
    decided_at: string | null;
    version: number;
  }[];
  conclusion: { id: string; briefing_id: string; title: string; held_on: string; text: string } | null;
};

export type TaskDetailRow = TaskSurroundings & { rows: TaskRow[]; access: TaskAccessRow | null };

type DetailShape = { admin: boolean; known: boolean; readable: boolean; access: AccessMode };
type DetailValues = {
  id: string;
  accountId: string;
  personId: string | null;
  today: string;
  readable: string[] | null;
};

/** taskDetail's one statement: the task, its subtasks and everything around them as JSON; the access check rides
 * along unless the caller has just made it (nothing is used unless it passes). Built once per shape. */
export const taskDetailStatement = statementShapes((db, shape: DetailShape, v: DetailValues) => {
  const c: WorkCaller = {
    accountId: v.accountId,
    isAdmin: shape.admin,
    personId: v.personId,
    today: v.today,
    ...(shape.readable ? { readableProgrammes: v.readable! } : {}),
  };
  const id = v.id;
  const rowsQuery = tasksQuery(db).where((eb) => eb.or([eb('t.id', '=', id), eb('t.parent_id', '=', id)]));
  const accessSql = shape.known
    ? sql`null`
    : sql`(select row_to_json(a) from (${taskAccessQuery(db, c, id, shape.access)}) a)`;
  return sql<TaskDetailRow>`
    with me as (select id, programme_id, parent_id from tasks where id = ${id}::uuid)
    select ${accessSql} as access,
      (select coalesce(json_agg(r order by r.number), '[]') from (${rowsQuery}) r) as rows,
      (select json_build_object('id', p.id, 'title', p.title, 'year', p.year, 'body_id', p.body_id, 'name', b.name)
         from programmes p join bodies b on b.id = p.body_id where p.id = (select programme_id from me)) as programme,
      (with recursive up as (select id, parent_id, number, title, 0 as depth from tasks where id = (select parent_id from me)
         union all select t.id, t.parent_id, t.number, t.title, up.depth + 1 from tasks t join up on t.id = up.parent_id where up.depth < 50)
       select coalesce(json_agg(json_build_object('id', id, 'number', number, 'title', title) order by depth desc), '[]') from up) as parents,
      (select coalesce(json_agg(x order by x.body_name collate "vi-x-icu"), '[]') from (
         select tc.id, tc.body_id, b.name as body_name, tc.part, tc.person_id, p.full_name, tc.reported_progress, tc.version
           from task_cooperators tc join bodies b on b.id = tc.body_id left join people p on p.id = tc.person_id
          where tc.task_id = (select id from me) and tc.deleted_at is null) x) as cooperators,
      (select coalesce(json_agg(x order by x.created_at desc, x.id), '[]') from (
         select u.id, u.kind, u.cooperator_id, cb.name as cooperator_body, u.progress, u.note, u.from_status, u.to_status, u.reported_by_person_id,
                rp.full_name as reported_by, u.reported_on, u.entered_by, ea.display_name as entered_by_name, u.created_at
           from task_updates u left join people rp on rp.id = u.reported_by_person_id left join accounts ea on ea.id = u.entered_by
           left join task_cooperators tc on tc.id = u.cooperator_id left join bodies cb on cb.id = tc.body_id
          where u.task_id = (select id from me)) x) as updates,
      (select coalesce(json_agg(x order by x.created_at), '[]') from (
         select tf.update_id, f.id, f.filename, f.content_type, f.size_bytes, f.created_at
           from task_files tf join files f on f.id = tf.file_id where tf.task_id = (select id from me) and tf.deleted_at is null) x) as files,
      (select coalesce(json_agg(x order by x.requested_at desc), '[]') from (
         select e.id, e.requested_due_date, e.previous_due_date, e.reason, ra.display_name as requested_by_name, e.requested_at, e.decision,
                e.decision_note, da.display_name as decided_by_name, e.decided_at, e.version
           from task_extensions e left join accounts ra on ra.id = e.requested_by left join accounts da on da.id = e.decided_by
          where e.task_id = (select id from me)) x) as extensions,
      (select json_build_object('id', bc.id, 'briefing_id', bc.briefing_id, 'title', b.title, 'held_on', b.held_on, 'text', bc.text)
         from briefing_conclusions bc join briefings b on b.id = bc.briefing_id where bc.task_id = (select id from me) and bc.deleted_at is null limit 1) as conclusion
  `;
});

/** Runs taskDetailStatement: the task's rows and everything around them, in one row. */
export async function taskDetailRow(db: Database, shape: DetailShape, values: DetailValues): Promise<TaskDetailRow> {
  return (await db.executeQuery(taskDetailStatement(db, shape, values))).rows[0]!;
}
