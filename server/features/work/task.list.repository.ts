import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { TaskStatus } from '../../db/schema.ts';
import { statementShapes } from '../../db/statement-shapes.ts';
import { fold } from '../../i18n/names.ts';
import { taskListQuery, type TaskListRow } from './tasks.repository.ts';
import type * as s from './task.list.schemas.ts';
import type { timeliness } from './task.schemas.ts';
import type { WorkCaller } from './work.scope.ts';
import { taskVisible } from './work.scope.repository.ts';

export type ListShape = {
  admin: boolean;
  readable: boolean;
  filters: string[];
  statuses: number;
  timeliness: z.infer<typeof timeliness> | null;
  search: boolean;
  sort: NonNullable<z.infer<typeof s.tasksQuery>['sort']>;
  pageSize: number;
};
export type ListValues = {
  accountId: string;
  readable?: string[];
  today: string;
  offset: number;
  programmeId?: string;
  groupId?: string;
  parentId?: string;
  bodyId?: string;
  assigneeAccountId?: string;
  kind?: string;
  dueFrom?: string;
  dueTo?: string;
  unit?: string;
  like?: string;
  exact?: string;
  wordStart?: string;
} & Record<`status${number}`, string>;

const VALUE_FILTERS = [
  'programmeId',
  'groupId',
  'parentId',
  'bodyId',
  'assigneeAccountId',
  'kind',
  'dueFrom',
  'dueTo',
  'unit',
] as const;

/** A list query as the shape of its statement (what it filters on, its order and page size) and its values. */
export function listShape(c: WorkCaller, q: z.infer<typeof s.tasksQuery>): [ListShape, ListValues] {
  const statuses = q.status ? (Array.isArray(q.status) ? q.status : [q.status]) : [];
  const needle = q.q ? fold(q.q) : null;
  const like = (text: string) => '%' + text.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
  const values: ListValues = {
    accountId: c.accountId,
    today: c.today,
    offset: (q.page - 1) * q.pageSize,
    ...(c.readableProgrammes ? { readable: c.readableProgrammes } : {}),
  };
  const filters: string[] = [];
  for (const f of VALUE_FILTERS) {
    const v = q[f];
    if (v) {
      values[f] = v;
      filters.push(f);
    }
  }
  if (q.topLevel === 'true') filters.push('topLevel');
  for (const [i, st] of statuses.entries()) values[`status${i}`] = st;
  if (needle !== null) {
    values.like = like(needle);
    // Relevance: the words exactly as typed, then the folded words at the start of a word.
    values.exact = like(q.q!.normalize('NFC'));
    values.wordStart = like(' ' + needle);
  }
  const shape: ListShape = {
    admin: c.isAdmin,
    readable: c.readableProgrammes !== undefined,
    filters,
    statuses: statuses.length,
    timeliness: q.timeliness ?? null,
    search: needle !== null,
    sort: q.sort ?? (needle !== null ? 'relevance' : 'number'),
    pageSize: q.pageSize,
  };
  return [shape, values];
}

/** The one statement behind a task list (the benchmark explains it as it is): the page's rows with the total. Built
 * once per shape (statement-shapes.ts). */
export function listTasksStatement(db: Database, c: WorkCaller, q: z.infer<typeof s.tasksQuery>) {
  return listStatement(db, ...listShape(c, q));
}
const listStatement = statementShapes((db, shape: ListShape, v: ListValues) => listStatements(db, shape, v).statement);

/** The rows of a list's page, each with the total of the matches. */
export async function listPageRows(db: Database, c: WorkCaller, q: z.infer<typeof s.tasksQuery>) {
  return (await db.executeQuery(listTasksStatement(db, c, q))).rows[0]!.rows;
}

/** How many tasks a list query matches (a page past the end has no row to carry the total). */
export async function countListMatches(db: Database, c: WorkCaller, q: z.infer<typeof s.tasksQuery>): Promise<number> {
  return (
    await listStatements(db, ...listShape(c, q))
      .matches.select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;
}

export function listStatements(db: Database, shape: ListShape, v: ListValues) {
  const c: WorkCaller = {
    accountId: v.accountId,
    isAdmin: shape.admin,
    personId: null,
    today: v.today,
    ...(shape.readable ? { readableProgrammes: v.readable! } : {}),
  };
  const has = (f: string) => shape.filters.includes(f);
  // The filters run on the tasks alone (and their group, for the order); the page's 25 rows then get their joins
  // and sub-selects. Building every column for every match before the limit cost 5–7 ms a list.
  // A search starts from task_search, the narrow copy of the titles (migration 0011): the tasks table joins only
  // when another filter or the order needs it (PostgreSQL drops an unused left join).
  const a = shape.search ? 's' : 't';
  const tasks = db
    .selectFrom('tasks as t')
    .leftJoin('task_groups as g', 'g.id', 't.group_id')
    .where('t.deleted_at', 'is', null);
  let query = shape.search
    ? (db
        .selectFrom('task_search as s')
        .leftJoin('tasks as t', 't.id', 's.id')
        .leftJoin('task_groups as g', 'g.id', 's.group_id') as unknown as typeof tasks)
    : tasks;
  const col = (name: string) => sql.ref(`${a}.${name}`);
  query = query.where(taskVisible(c, a));
  if (has('programmeId')) query = query.where(sql<SqlBool>`${col('programme_id')} = ${v.programmeId}::uuid`);
  if (has('groupId')) query = query.where(sql<SqlBool>`${col('group_id')} = ${v.groupId}::uuid`);
  if (has('parentId')) query = query.where('t.parent_id', '=', v.parentId!);
  if (has('topLevel')) query = query.where('t.parent_id', 'is', null);
  if (has('bodyId')) {
    const b = v.bodyId!;
    query = query.where((eb) =>
      eb.or([
        eb('t.lead_body_id', '=', b),
        sql<SqlBool>`exists (select 1 from task_cooperators tc where tc.task_id = ${col('id')} and tc.body_id = ${b}::uuid and tc.deleted_at is null)`,
      ]),
    );
  }
  if (has('assigneeAccountId')) query = query.where('t.assignee_account_id', '=', v.assigneeAccountId!);
  if (has('kind')) query = query.where('t.kind', '=', v.kind!);
  if (shape.statuses)
    query = query.where(
      't.status',
      'in',
      Array.from({ length: shape.statuses }, (_x, i) => v[`status${i}`] as TaskStatus),
    );
  if (has('dueFrom')) query = query.where('t.due_date', '>=', v.dueFrom!);
  if (has('dueTo')) query = query.where('t.due_date', '<=', v.dueTo!);
  if (shape.timeliness) query = query.where(timelinessSql(shape.timeliness, v.today));
  if (has('unit')) {
    query =
      query.where(sql<SqlBool>`exists (select 1 from unit_tree tu join unit_tree anc on anc.code = ${v.unit} and (anc.valid_from is null or anc.valid_from <= ${v.today}::date) and (anc.valid_to is null or ${v.today}::date < anc.valid_to)
      where tu.unit_id = t.unit_id and tu.path <@ anc.path)`);
  }
  if (shape.search) query = query.where(sql<SqlBool>`s.title_fold like ${v.like}`);
  // Sort keys, all ascending and never null (so that the page can carry them to the outer query).
  const byNumber = [sql`coalesce(g.position, 32767)`, sql`${col('number')}`];
  // Relevance (the default with a search): the words exactly as typed, accents and capitals included, first; then
  // the folded words at the start of a word ("Tra Co" → "Trà Cổ"); then inside one ("Kiểm tra cống"). Plain LIKE on
  // both: a Unicode lower() over every match cost a third of the search's speed.
  const relevance = shape.search
    ? [
        sql`case when s.title like ${v.exact} then 0 when (' ' || s.title_fold) like ${v.wordStart} then 1 else 2 end`,
        ...byNumber,
      ]
    : byNumber;
  const keys = {
    relevance,
    number: byNumber,
    due: [sql`coalesce(t.due_date, 'infinity'::date)`, sql`t.number`],
    status: [sql`t.status`, sql`t.number`],
    progress: [sql`-t.reported_progress`, sql`t.number`],
  }[shape.sort];
  // One statement: the matches with their sort keys, kept once (a CTE), counted and sorted to the page (a top-N
  // sort); then the page's rows. A window count over the matches cost 2 ms more for 7,000 of them.
  const matches = query.select([sql<string>`${col('id')}`.as('id'), ...keys.map((k, i) => k.as(`k${i}`))]);
  let page = db
    .with(
      (w) => w('m').materialized(),
      () => matches,
    )
    .selectFrom('m')
    .select([
      'm.id',
      sql<number>`(select count(*) from m)`.as('total_count'),
      ...keys.map((_k, i) => sql.ref(`m.k${i}`).as(`k${i}`)),
    ]);
  for (const [i] of keys.entries()) page = page.orderBy(sql.ref(`m.k${i}`));
  // The page size is written into the statement (a whole number of 1–1000, checked by the schema): as a parameter,
  // PostgreSQL's shared plan guessed a tenth of the matches, priced joining them all, and fell back to planning
  // each list afresh — 4.4 ms of planning for 2.8 ms of work (a group's tasks at 100,000).
  const paged = page
    .orderBy('m.id')
    .limit(sql.lit(shape.pageSize))
    .offset(sql<number>`${v.offset}`);
  const outer = taskListQuery(db)
    .innerJoin(paged.as('pg'), 'pg.id', 't.id')
    .select(['pg.total_count', ...keys.map((_k, i) => sql.ref(`pg.k${i}`).as(`k${i}`))]);
  // The page as one JSON value: the driver then parses one field, not forty for each of 25 rows (a full
  // page's rows cost Node more than the database spent finding them). taskDetail reads its rows the same way.
  const order = sql.join([...keys.map((_k, i) => sql.ref(`r.k${i}`)), sql.ref('r.id')]);
  const statement = sql<{
    rows: (TaskListRow & { total_count: number })[];
  }>`select coalesce(json_agg(r order by ${order}), '[]') as rows from (${outer}) r`;
  return { statement, matches: query };
}

/** The SQL form of timelinessOf (rollup.ts), for filters. */
export function timelinessSql(tl: z.infer<typeof timeliness>, today: string) {
  const soon = sql`(${today}::date + 7)`;
  const inTime = sql`(t.due_date is null or coalesce(t.reported_done_on, t.due_date) <= t.due_date)`;
  // Not accepted, not cancelled, and not reported done in time (that one waits for acceptance, not overdue).
  const pending = sql`t.status not in ('accepted', 'cancelled') and not (t.status = 'reported_done' and ${inTime})`;
  switch (tl) {
    case 'cancelled':
      return sql<SqlBool>`t.status = 'cancelled'`;
    case 'on_time':
      return sql<SqlBool>`t.status = 'accepted' and ${inTime}`;
    case 'late':
      return sql<SqlBool>`t.status = 'accepted' and t.due_date is not null and t.reported_done_on > t.due_date`;
    case 'awaiting_acceptance':
      return sql<SqlBool>`t.status = 'reported_done' and ${inTime}`;
    case 'no_due':
      return sql<SqlBool>`${pending} and t.due_date is null`;
    case 'overdue':
      return sql<SqlBool>`${pending} and t.due_date < ${today}::date`;
    case 'due_soon':
      return sql<SqlBool>`${pending} and t.due_date >= ${today}::date and t.due_date <= ${soon}`;
    case 'open':
      return sql<SqlBool>`${pending} and t.due_date > ${soon}`;
  }
}
