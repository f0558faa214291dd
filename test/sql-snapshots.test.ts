import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { format } from 'sql-formatter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../server/db/database.ts';
import type { DB } from '../server/db/schema.ts';
import { allowedReferences, assertReferences } from '../server/http/references.ts';
import { listPage as auditPage } from '../server/features/audit/audit.repository.ts';
import { loadProgramme } from '../server/features/work-exports/exports.service.ts';
import { createTaskBody, insertTask, type WorkCaller } from '../server/features/work/index.ts';
import { myWorkPage } from '../server/features/work/my-work.repository.ts';
import { takeNumberAndRefs } from '../server/features/work/task.create.repository.ts';
import { taskDetailStatement } from '../server/features/work/task.detail.repository.ts';
import { listTasksStatement } from '../server/features/work/task.list.repository.ts';
import { progressOf, taskRowsByIds } from '../server/features/work/tasks.repository.ts';
import * as s from '../server/features/work/task.list.schemas.ts';
import type { Trx } from '../server/db/tx.ts';
import { oneTotal } from '../server/features/reporting/totals.one.repository.ts';
import { totalsOf } from '../server/features/reporting/totals.repository.ts';
import { addToTotals } from '../server/features/reporting/totals.write.repository.ts';

// The SQL of the statements every task request runs, kept as formatted .sql files (test/__sql__) so that a change to
// it shows in review as a diff of SQL. Nothing here reaches a database: the statements are compiled, or recorded by
// a driver that answers with the rows each test gives. After a deliberate change: npx vitest run
// test/sql-snapshots.test.ts -u, and read the diff. In CI (CI=true) a missing or different file fails.

const ID = {
  account: '0a000000-0000-4000-8000-000000000001',
  person: '0b000000-0000-4000-8000-000000000001',
  otherPerson: '0b000000-0000-4000-8000-000000000002',
  programme: '0c000000-0000-4000-8000-000000000001',
  otherProgramme: '0c000000-0000-4000-8000-000000000002',
  ownerBody: '0d000000-0000-4000-8000-000000000001',
  leadBody: '0d000000-0000-4000-8000-000000000002',
  coopBody: '0d000000-0000-4000-8000-000000000003',
  unit: '0e000000-0000-4000-8000-000000000001',
  task: '0f000000-0000-4000-8000-000000000001',
  newTask: '0f000000-0000-4000-8000-000000000002',
} as const;
const TODAY = '2025-03-14';

/** An officer as a request sees it after withRememberedScope: the programmes it reads whole and its grants (none
 * narrowed to a body), so task rights are read from grants. The most common caller. */
const officer: WorkCaller = {
  accountId: ID.account,
  isAdmin: false,
  personId: ID.person,
  today: TODAY,
  readableProgrammes: [ID.programme, ID.otherProgramme],
  grants: [{ path: '1.2', bodyId: null, perms: ['work.manage', 'work.accept', 'work.report'] }],
};

/** Thrown by the recording driver when a statement comes for which the test gave no answer: the flow stops there. */
class NoMoreAnswers extends Error {}

/** A Kysely instance with PostgreSQL's compiler whose driver records each statement and answers with the next rows
 * of `answers`; once they run out, it records the statement and stops the flow (NoMoreAnswers). */
function recording(answers: unknown[][]) {
  const statements: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
      statements.push(q);
      const rows = answers.shift();
      if (!rows) return Promise.reject(new NoMoreAnswers());
      return Promise.resolve({ rows: rows as R[] });
    },
    streamQuery: () => {
      throw new Error('not recorded');
    },
  };
  const none = () => Promise.resolve();
  const driver: Driver = {
    init: none,
    acquireConnection: () => Promise.resolve(connection),
    beginTransaction: none,
    commitTransaction: none,
    rollbackTransaction: none,
    releaseConnection: none,
    destroy: none,
  };
  const db: Database = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, statements };
}

/** Runs `flow` against a recording database and returns the statements it ran (with, last, one it ran after the
 * answers ran out: snapshotFlow then fails on it). */
async function record(answers: unknown[][], flow: (db: Database) => Promise<unknown>): Promise<CompiledQuery[]> {
  const { db, statements } = recording(answers);
  await flow(db).catch((err: unknown) => {
    if (!(err instanceof NoMoreAnswers)) throw err;
  });
  return statements;
}

/** A statement as its snapshot file: what it is, its parameters, then the SQL formatted. */
function sqlFile(title: string, q: CompiledQuery): string {
  const params = q.parameters.length
    ? q.parameters.map((p, i) => `--   $${i + 1} = ${JSON.stringify(p)}`)
    : ['--   (none)'];
  const text = format(q.sql, { language: 'postgresql', tabWidth: 2 });
  return [`-- ${title}`, '-- Parameters:', ...params, '', `${text};`, ''].join('\n');
}

const written = new Set<string>();
const snapshot = (name: string, title: string, q: CompiledQuery) => {
  written.add(`${name}.sql`);
  return expect(sqlFile(title, q)).toMatchFileSnapshot(`./__sql__/${name}.sql`);
};

/** Snapshots each statement of a flow under `<flow>.<n>-<step>.sql`; the flow must run exactly these steps. */
async function snapshotFlow(
  flow: string,
  statements: readonly CompiledQuery[],
  steps: readonly (readonly [step: string, title: string])[],
) {
  expect(statements.map((_q, i) => steps[i]?.[0] ?? `unexpected statement ${i + 1}`)).toEqual(
    steps.map(([step]) => step),
  );
  for (const [i, [step, title]] of steps.entries()) await snapshot(`${flow}.${i + 1}-${step}`, title, statements[i]!);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the SQL of the hot statements', () => {
  it('task list: one programme’s top-level tasks, by number', async () => {
    const { db } = recording([]);
    const q = listTasksStatement(db, officer, s.tasksQuery.parse({ programmeId: ID.programme, topLevel: 'true' }));
    await snapshot(
      'task-list.programme',
      'Task list (listTasksStatement): an officer lists a programme’s top-level tasks, page 1 of 50, by number.',
      q,
    );
  });

  it('task list: a search with a status filter, by relevance', async () => {
    const { db } = recording([]);
    const q = listTasksStatement(
      db,
      officer,
      s.tasksQuery.parse({ q: 'kiểm tra', status: ['assigned', 'in_progress'], page: '2', pageSize: '25' }),
    );
    await snapshot(
      'task-list.search',
      'Task list (listTasksStatement): an officer searches "kiểm tra" among assigned and in-progress tasks, page 2 of 25, by relevance.',
      q,
    );
  });

  it('task detail: the task, its subtasks and surroundings with the access check', async () => {
    const { db } = recording([]);
    // The shape taskDetail gives it for this officer (grants remembered, the access not yet checked).
    const q = taskDetailStatement(
      db,
      { admin: false, known: false, readable: true, access: 'grants' },
      { id: ID.task, accountId: ID.account, personId: ID.person, today: TODAY, readable: officer.readableProgrammes! },
    );
    await snapshot(
      'task-detail',
      'Task page (taskDetailStatement): an officer with remembered grants opens a task; the access check rides along.',
      q,
    );
  });

  it('my work: the page, its rows, the rollup of parents', async () => {
    const page = { counts: { total: 1, overdue: 0, due_soon: 1 }, page: [{ id: ID.task, is_lead: true }] };
    const statements = [
      ...(await record([[page]], (db) => myWorkPage(db, officer, s.myWorkQuery.parse({})))),
      ...(await record([[{ rows: [] }]], (db) => taskRowsByIds(db, [ID.task]))),
      ...(await record([[]], (db) => progressOf(db, [ID.task]))),
    ];
    await snapshotFlow('my-work', statements, [
      [
        'page',
        'My work, statement 1 (myWorkPage): the officer’s open tasks in every role, counted by section, page 1 of 100.',
      ],
      ['rows', 'My work, statement 2 (taskRowsByIds): the page’s rows.'],
      [
        'progress',
        'My work, statement 3 (progressOf): the descendants of the page’s tasks that have subtasks, for the rollup (lists and task pages run it too).',
      ],
    ]);
  });

  it('task create: the number and what the task names, then the insert', async () => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue(ID.newTask);
    const refs = {
      programme: { id: ID.programme, body_id: ID.ownerBody, year: 2025 },
      kind_ok: true,
      grp: null,
      parent: null,
      bodies: [
        { id: ID.leadBody, unit_id: ID.unit, valid_to: null },
        { id: ID.coopBody, unit_id: ID.unit, valid_to: null },
      ],
      people: [ID.person, ID.otherPerson],
      account: { disabled_at: null },
      refused: null,
    };
    const input = createTaskBody.parse({
      programmeId: ID.programme,
      kind: 'shared',
      title: 'Kiểm tra công tác dân vận',
      leadBodyId: ID.leadBody,
      responsiblePersonId: ID.person,
      assigneeAccountId: ID.account,
      dueDate: '2025-06-30',
      cooperators: [{ bodyId: ID.coopBody, part: 'Tổng hợp số liệu', personId: ID.otherPerson }],
      assign: true,
    });
    const actor = { accountId: ID.account, label: 'web', requestId: 'req-1', ip: '203.0.113.7' };
    // The fast path of a create (the officer reads the programme whole): the number and the checks in one
    // statement, then the insert as a transaction by itself; the answer is then the task page's statement.
    const statements = [
      ...(await record([[{ found: true, may: true, number: 12, ...refs }]], (db) =>
        takeNumberAndRefs(db, officer, input),
      )),
      ...(await record([[]], (db) =>
        insertTask(db, actor, TODAY, { ...input, refsFor: officer }, { number: 12, refs }),
      )),
    ];
    await snapshotFlow('task-create', statements, [
      [
        'number-and-refs',
        'Task create, statement 1 (takeNumberAndRefs): may the officer add the task, the programme’s next number, what the task names and the reference checks.',
      ],
      [
        'insert',
        'Task create, statement 2 (insertTask): the task, its cooperator and its first history line, the actor set in the same statement.',
      ],
    ]);
  });

  it('programme export: the programme, its groups and every task (tasksQuery) for the rollup', async () => {
    const header = {
      id: ID.programme,
      year: 2025,
      title: 'Chương trình công tác năm 2025',
      body_id: ID.ownerBody,
      body_name: 'Ban Thường trực',
      superior_name: null,
      unit_name: 'Tỉnh A',
    };
    const answers = [
      [{ id: ID.programme }],
      [{ body_id: ID.ownerBody }],
      [{ ok: true }],
      [header],
      [{ ok: true }],
      [],
      [],
    ];
    const statements = await record(answers, (db) => loadProgramme(db, officer, ID.programme));
    await snapshotFlow('programme-export', statements, [
      ['exists', 'Programme export (loadProgramme), statement 1: the programme exists (assertProgrammeReadable).'],
      ['owner', 'Programme export, statement 2: its owner body (canReadProgramme).'],
      ['readable', 'Programme export, statement 3: the officer reads the programme (programme_readable).'],
      ['header', 'Programme export, statement 4: the programme with its body, superior body and unit.'],
      [
        'reads-whole',
        'Programme export, statement 5: the officer reads the owner body’s records (holdsOverBody), so every task is shown.',
      ],
      ['groups', 'Programme export, statement 6: the programme’s groups.'],
      [
        'tasks',
        'Programme export, statement 7 (tasksQuery): every task of the programme, for the table and the rollup.',
      ],
    ]);
  });

  it('references: the first refused id, and the ids a copy may name', async () => {
    const checks = [
      { field: 'leadBodyId', rule: 'lead', id: ID.leadBody },
      { field: 'responsiblePersonId', rule: 'person', id: ID.person },
      { field: 'assigneeAccountId', rule: 'account', id: ID.account },
      { field: 'cooperators.0.bodyId', rule: 'near', id: ID.coopBody },
      { field: 'cooperators.0.personId', rule: 'nearPerson', id: ID.otherPerson },
    ] as const;
    const first = await record([[{ refused: null }]], (db) => assertReferences(db, officer, ID.unit, checks));
    const allowed = await record([[]], (db) =>
      allowedReferences(db, officer, ID.unit, 'near', [ID.leadBody, ID.coopBody]),
    );
    await snapshotFlow(
      'references',
      [...first, ...allowed],
      [
        [
          'first-refused',
          'References (assertReferences): the first field whose id the officer may not name in a write about the unit (reference_roots, reference_ok: migration 0017).',
        ],
        ['allowed', 'References (allowedReferences): which of the bodies may take part in a write about the unit.'],
      ],
    );
  });

  it('audit log: a page of entries, each with the values that name its record', async () => {
    const [page] = await record([[]], (db) => auditPage(db, { from: TODAY }, { offset: 50, limit: 50 }));
    await snapshot(
      'audit-page',
      'Audit log (listPage): page 2 of 50 entries since a day, newest first, cut before each is labelled from its record.',
      page!,
    );
  });

  it('reporting: a total of a subtree, and the approval that adds into every ancestor', async () => {
    const read = await record([[]], (db) =>
      totalsOf(db, { indicatorIds: [ID.task], nodeKind: 'unit', nodeIds: [ID.unit], first: 24252, last: 24262 }),
    );
    await snapshot(
      'reporting-totals.read',
      'Reporting totals (totalsOf): one indicator over a unit, 2021..202111, the stripes added up per period.',
      read[0]!,
    );
    const one = await record([[{}]], (db) =>
      oneTotal(
        db,
        { accountId: ID.account, isAdmin: false, today: TODAY },
        {
          indicator: 'HS_TRUC_TUYEN',
          unit: '06838',
          asOf: '2021-11-30',
          first: 24252,
          last: 24262,
          from: '2021-01-01',
          to: '2021-11-30',
        },
      ),
    );
    await snapshot(
      'reporting-totals.one',
      'GET /totals in one statement (oneTotal): the indicator, the unit with the read scope, its totals or own ' +
        'values, its target and the reporters each form expects, for an officer.',
      one[0]!,
    );
    // after the shared lock that settling months waits for: the statement that adds
    const write = await record([[], []], (db) => addToTotals(db as unknown as Trx, ID.newTask, 1));
    await snapshot(
      'reporting-totals.approve',
      'Reporting totals (addToTotals +1): an approved report’s counted values added into every ancestor row.',
      write[1]!,
    );
  });

  it('keeps no snapshot that no statement writes any more', () => {
    const files = fs.readdirSync(path.join(import.meta.dirname, '__sql__')).filter((f) => f.endsWith('.sql'));
    expect(files.filter((f) => !written.has(f))).toEqual([]);
  });
});
