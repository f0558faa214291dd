/**
 * Where a task create's time goes, phase by phase, measured in the bench's process on one connection of its own:
 *   validate — the request body through the route's zod schema;
 *   scope + number — one statement: the caller's permission over the programme, the next number and the checks of
 *     every id the task names (task.create.repository.ts takeNumberAndRefs; one round trip by design);
 *   insert — the task, its cooperating bodies and first history line in one statement, without its triggers;
 *   audit — the audit_row() trigger's own time in that statement; search — the search index's trigger;
 *   present — the answer: the task's page (taskDetail);
 *   whole — createTask called as the route calls it, for the sum to be compared with.
 * The trigger times come from pg_stat_user_functions with track_functions = 'pl' in this session only.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../server/db/database.ts';
import type { Actor } from '../server/db/tx.ts';
import { createTask, createTaskBody, insertTask, type WorkCaller } from '../server/features/work/index.ts';
import { takeNumberAndRefs } from '../server/features/work/task.create.repository.ts';
import { taskDetail } from '../server/features/work/task.detail.service.ts';
import { stats } from './bench-kit.ts';

type Phase = 'validate' | 'scope + number' | 'insert' | 'audit' | 'search' | 'present' | 'whole';
export type CreatePhases = {
  n: number;
  medians: Record<Phase, number>;
  p95: Record<Phase, number>;
  triggerCalls: { audit: number; search: number };
};

type TriggerTimes = { audit_ms: number; audit_calls: number; search_ms: number; search_calls: number };

async function triggerTimes(conn: Database): Promise<TriggerTimes> {
  // Pending statistics reach shared memory when the backend next goes idle: flush, let this statement end, then read.
  await sql`select pg_stat_force_next_flush()`.execute(conn);
  await sql`select pg_stat_clear_snapshot()`.execute(conn);
  const r = await sql<TriggerTimes>`
    select coalesce(sum(self_time) filter (where funcname = 'audit_row'), 0)::float8 as audit_ms,
           coalesce(sum(calls) filter (where funcname = 'audit_row'), 0)::int as audit_calls,
           coalesce(sum(self_time) filter (where funcname <> 'audit_row'), 0)::float8 as search_ms,
           coalesce(sum(calls) filter (where funcname <> 'audit_row'), 0)::int as search_calls
      from pg_stat_user_functions
     where funcname = 'audit_row' or funcname = 'task_search_sync'`.execute(conn);
  return r.rows[0]!;
}

export async function measureCreatePhases(
  db: Database,
  opts: { caller: WorkCaller; actor: Actor & { accountId: string }; body: () => Record<string, unknown>; n: number },
): Promise<CreatePhases> {
  return db.connection().execute(async (conn) => {
    await sql`set track_functions = 'pl'`.execute(conn);
    const times: Record<Phase, number[]> = {
      validate: [],
      'scope + number': [],
      insert: [],
      audit: [],
      search: [],
      present: [],
      whole: [],
    };
    const r = {
      app: { db: conn, clock: { now: () => new Date() } },
      actor: opts.actor,
      caller: opts.caller,
      lang: 'vi' as const,
    };
    let calls = { audit: 0, search: 0 };
    for (let i = 0; i < opts.n; i++) {
      const raw = opts.body();
      let t = performance.now();
      const input = { ...createTaskBody.parse(raw), refsFor: opts.caller };
      times.validate.push(performance.now() - t);

      t = performance.now();
      const found = await takeNumberAndRefs(conn, opts.caller, input);
      times['scope + number'].push(performance.now() - t);
      if (!found.found || !found.may || found.number === null)
        throw new Error('create phases: the caller may not create in this programme');
      const { found: _f, may: _m, number, ...refs } = found;

      const before = await triggerTimes(conn);
      t = performance.now();
      const id = await insertTask(conn, opts.actor, opts.caller.today, input, { number, refs });
      const insertMs = performance.now() - t;
      const after = await triggerTimes(conn);
      const audit = after.audit_ms - before.audit_ms;
      const search = after.search_ms - before.search_ms;
      calls = {
        audit: calls.audit + after.audit_calls - before.audit_calls,
        search: calls.search + after.search_calls - before.search_calls,
      };
      times.audit.push(audit);
      times.search.push(search);
      times.insert.push(insertMs - audit - search);

      t = performance.now();
      await taskDetail(r, id);
      times.present.push(performance.now() - t);

      t = performance.now();
      await createTask(r, { ...createTaskBody.parse(opts.body()) });
      times.whole.push(performance.now() - t);
    }
    const phases = Object.keys(times) as Phase[];
    return {
      n: opts.n,
      medians: Object.fromEntries(phases.map((p) => [p, stats(times[p]).p50])) as Record<Phase, number>,
      p95: Object.fromEntries(phases.map((p) => [p, stats(times[p]).p95])) as Record<Phase, number>,
      triggerCalls: calls,
    };
  });
}

/** One line of the results: each phase's median (p95) in ms, and the sum against the whole create. */
export function describeCreatePhases(p: CreatePhases): string {
  const f = (x: number) => x.toFixed(2);
  const parts = (['validate', 'scope + number', 'insert', 'audit', 'search', 'present'] as const).map(
    (k) => `${k} ${f(p.medians[k])} (${f(p.p95[k])})`,
  );
  const sum = (['validate', 'scope + number', 'insert', 'audit', 'search', 'present'] as const).reduce(
    (a, k) => a + p.medians[k],
    0,
  );
  return `create, phase by phase (${p.n} creates on one connection, median (p95) ms): ${parts.join(', ')}; sum of medians ${f(sum)}, createTask whole ${f(p.medians.whole)} (${f(p.p95.whole)}); trigger calls per create: audit ${(p.triggerCalls.audit / p.n).toFixed(1)}, search ${(p.triggerCalls.search / p.n).toFixed(1)}`;
}

/** A create body like the load's (bench/work.lua): a generated title in the programme, a lead body, a group, an assignee. */
export function createBodyMaker(
  programmeId: string,
  bodies: readonly string[],
  groups: readonly string[],
  accounts: readonly string[],
) {
  const pick = <T>(a: readonly T[]) => a[crypto.randomInt(a.length)]!;
  let counter = 0;
  return () => {
    const month = 1 + crypto.randomInt(12);
    const mm = String(month).padStart(2, '0');
    return {
      programmeId,
      kind: 'shared',
      title: `${pick(['Kiểm tra', 'Sửa chữa', 'Lắp đặt'])} ${pick(['đèn đường', 'biển báo', 'camera'])} (phases ${++counter})`,
      description: 'Tạo bởi bench:work – đo từng bước.',
      leadBodyId: pick(bodies),
      groupId: pick(groups),
      assigneeAccountId: pick(accounts),
      startDate: `2026-${mm}-01`,
      dueDate: `2026-${mm}-${String(2 + crypto.randomInt(27)).padStart(2, '0')}`,
    };
  };
}
