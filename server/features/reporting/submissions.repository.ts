import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { inForce } from '../../db/validity.ts';
import type { ReportingCaller } from './reporting.scope.ts';
import { submissionVisible } from './reporting.scope.repository.ts';

type Q = Database | Trx;

/** A submission with its form, as the services read it (not deleted). */
export function findSubmission(q: Q, id: string) {
  return q
    .selectFrom('report_submissions as s')
    .innerJoin('report_forms as f', 'f.id', 's.form_id')
    .select([
      's.id',
      's.form_id',
      's.form_version_id',
      's.period_id',
      's.first_month',
      's.last_month',
      's.period_start',
      's.period_end',
      's.unit_id',
      's.body_id',
      's.status',
      's.narrative',
      's.submitted_at',
      's.submitted_by',
      's.decided_at',
      's.return_reason',
      's.version',
      'f.code as form_code',
      'f.name as form_name',
      'f.period_type',
    ])
    .where('s.id', '=', id)
    .where('s.deleted_at', 'is', null)
    .executeTakeFirst();
}
export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

/** The indicators of `ids` that exist (not deleted). */
export async function liveIndicators(q: Q, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await q
    .selectFrom('indicators')
    .select('id')
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function bodyKindCodes(q: Q): Promise<Set<string>> {
  return new Set((await q.selectFrom('body_kinds').select('code').execute()).map((r) => r.code));
}

/** The submission of a form, period and reporter, if one exists. */
export function existingSubmission(q: Q, formId: string, periodId: string, unitId: string, bodyId: string | null) {
  return q
    .selectFrom('report_submissions')
    .select('id')
    .where('form_id', '=', formId)
    .where('period_id', '=', periodId)
    .where('unit_id', '=', unitId)
    .where((eb) => (bodyId ? eb('body_id', '=', bodyId) : eb('body_id', 'is', null)))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A new report: its form and version, period, and reporter. */
export type NewReport = {
  formId: string;
  formVersionId: string;
  periodId: string;
  firstMonth: number;
  lastMonth: number;
  periodStart: string;
  periodEnd: string;
  unitId: string;
  bodyId: string | null;
  createdBy: string | null;
};

export function insertSubmission(q: Q, v: NewReport & { createdBy: string }) {
  return q
    .insertInto('report_submissions')
    .values({
      form_id: v.formId,
      form_version_id: v.formVersionId,
      period_id: v.periodId,
      first_month: v.firstMonth,
      last_month: v.lastMonth,
      period_start: v.periodStart,
      period_end: v.periodEnd,
      unit_id: v.unitId,
      body_id: v.bodyId,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Changes a submission at the version read; undefined when the version is stale. */
export function updateSubmission(
  q: Q,
  id: string,
  readVersion: number,
  set: Partial<{
    status: string;
    narrative: string;
    submitted_at: Date | null;
    submitted_by: string | null;
    decided_at: Date | null;
    decided_by: string | null;
    return_reason: string | null;
  }>,
  now: Date,
) {
  return q
    .updateTable('report_submissions')
    .set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', readVersion)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export type StoredValue = { indicatorId: string; category: string; num: number | null; txt: string | null };

export async function valuesOf(q: Q, submissionId: string): Promise<(StoredValue & { counted: boolean })[]> {
  const rows = await q
    .selectFrom('report_values')
    .select(['indicator_id', 'category', 'num', 'txt', 'counted'])
    .where('submission_id', '=', submissionId)
    .orderBy('indicator_id')
    .orderBy('category')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    category: r.category,
    num: r.num === null ? null : Number(r.num),
    txt: r.txt,
    counted: r.counted,
  }));
}

/** Replaces a draft's values: those given are written (changed ones only), the others removed. One statement each,
 * so that the statement-level audit keeps one row per change of the set. */
export async function replaceValues(
  trx: Trx,
  s: { id: string; first_month: number; last_month: number; unit_id: string; body_id: string | null },
  values: readonly StoredValue[],
): Promise<void> {
  const keys = values.map((v) => `${v.indicatorId}/${v.category}`);
  await trx
    .deleteFrom('report_values')
    .where('submission_id', '=', s.id)
    .where('first_month', '=', s.first_month)
    .$if(keys.length > 0, (qb) =>
      qb.where(sql<SqlBool>`(indicator_id::text || '/' || category) <> all (${keys}::text[])`),
    )
    .execute();
  if (!values.length) return;
  await trx
    .insertInto('report_values')
    .values(
      values.map((v) => ({
        submission_id: s.id,
        indicator_id: v.indicatorId,
        category: v.category,
        num: v.num === null ? null : String(v.num),
        txt: v.txt,
        first_month: s.first_month,
        last_month: s.last_month,
        unit_id: s.unit_id,
        body_id: s.body_id,
        counted: false,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['submission_id', 'indicator_id', 'category', 'first_month'])
        .doUpdateSet((eb) => ({ num: eb.ref('excluded.num'), txt: eb.ref('excluded.txt') }))
        .where(sql<SqlBool>`(report_values.num, report_values.txt) is distinct from (excluded.num, excluded.txt)`),
    )
    .execute();
}

/**
 * The checks for a second value of a figure (approval, conflicts, reopening) start from the report's own values —
 * only the partition of its first month is read — and look each of their keys up in report_values_key_idx. The
 * lookups are fenced (`offset 0` keeps a subquery from being merged into the statement), so that the planner never
 * turns them around into a pass over every approved report's values, whatever the table's size.
 */
function ownValues(submissionId: string) {
  return sql`
    select v.submission_id, v.indicator_id, v.category, v.num, v.txt, v.counted, v.unit_id, v.first_month, v.last_month
      from report_values v
     where v.submission_id = ${submissionId}::uuid
       and v.first_month = (select s.first_month from report_submissions s where s.id = ${submissionId}::uuid)`;
}

/** The condition joining a value `o` of another report to a value `v` for the same indicator, unit and category over
 * overlapping months (the leading columns of report_values_key_idx, then the months). */
const sameFigure = (v: string, o: string) => {
  const [a, b] = [sql.raw(v), sql.raw(o)];
  return sql`${b}.unit_id = ${a}.unit_id and ${b}.indicator_id = ${a}.indicator_id and ${b}.category = ${a}.category
    and ${b}.first_month <= ${a}.last_month and ${b}.last_month >= ${a}.first_month and ${b}.submission_id <> ${a}.submission_id`;
};

/** The figure of `o` differs from that of `v`: a conflict. An equal one is a duplicate that agrees (not counted
 * twice, not flagged). */
const disagrees = (v: string, o: string) => sql.raw(`(${o}.num, ${o}.txt) is distinct from (${v}.num, ${v}.txt)`);

/** The other approved submissions' values (as `o`) of the same figure as a value `v` of the outer query, fenced. */
const rivalsOf = (v: string, extra = sql``, o = 'o') => {
  const r = (col: string) => sql.ref(`${o}.${col}`);
  return sql`
  select ${sql.join(['submission_id', 'indicator_id', 'category', 'num', 'txt', 'counted', 'unit_id', 'first_month', 'last_month'].map(r))}
    from report_values ${sql.raw(o)}
    join report_submissions os on os.id = ${r('submission_id')} and os.status = 'approved' and os.deleted_at is null
   where ${sameFigure(v, o)} ${extra}
  offset 0`;
};

/** The other approved submissions' values for the same indicator, unit and category over overlapping months, with
 * whether each disagrees with this submission's value. */
function overlapping(submissionId: string) {
  return sql`
    select v.indicator_id, v.category, v.num, v.counted, o.submission_id as other_id, o.num as other_num,
           o.counted as other_counted, ${disagrees('v', 'o')} as disagrees
      from (${ownValues(submissionId)}) v
      cross join lateral (${rivalsOf('v')}) o`;
}

/** The conflicts of a submission's values (another approved report's value for the same figure that disagrees), with
 * both sources and both values. */
export async function conflictsOf(q: Q, submissionId: string) {
  return (
    await sql<{
      indicator_id: string;
      category: string;
      num: string | null;
      counted: boolean;
      other_id: string;
      other_num: string | null;
      other_counted: boolean;
      form_name: string;
      unit_name: string;
      body_name: string | null;
    }>`select c.*, f.name as form_name, u.name as unit_name, b.name as body_name
        from (${overlapping(submissionId)}) c
        join report_submissions os on os.id = c.other_id
        join report_forms f on f.id = os.form_id
        join unit_tree u on u.unit_id = os.unit_id
         and (u.valid_from is null or u.valid_from <= os.period_end) and (u.valid_to is null or os.period_end < u.valid_to)
        left join bodies b on b.id = os.body_id
       where c.disagrees
       order by c.indicator_id, c.category, c.other_id`.execute(q)
  ).rows;
}

/** Makes the commands that change which values count (approve, reopen, a conflict choice) on one unit wait for each
 * other until commit, so that two reports of the same figure approved at once are not both counted. Other units'
 * approvals do not wait. */
export async function lockUnitFigures(trx: Trx, submissionId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('report_values:' || unit_id::text, 0))
    from report_submissions where id = ${submissionId}::uuid`.execute(trx);
}

/** On approval: a value is counted unless another approved submission already has a counted one for the same
 * indicator, unit, category and overlapping months (whether it agrees or not). One statement over this submission's
 * values, each key looked up in report_values_key_idx. */
export async function markCounted(trx: Trx, submissionId: string): Promise<void> {
  await sql`update report_values v set counted = not exists (${rivalsOf('v', sql`and o.counted`)})
      where v.submission_id = ${submissionId}::uuid
        and v.first_month = (select s.first_month from report_submissions s where s.id = ${submissionId}::uuid)`.execute(
    trx,
  );
}

export async function uncount(trx: Trx, submissionId: string): Promise<void> {
  await trx
    .updateTable('report_values')
    .set({ counted: false })
    .where('submission_id', '=', submissionId)
    .where('counted', '=', true)
    .execute();
}

/** Sets one value's `counted` flag (a conflict choice). */
export async function setCounted(
  trx: Trx,
  submissionId: string,
  indicatorId: string,
  category: string,
  counted: boolean,
): Promise<void> {
  await trx
    .updateTable('report_values')
    .set({ counted })
    .where('submission_id', '=', submissionId)
    .where('indicator_id', '=', indicatorId)
    .where('category', '=', category)
    .execute();
}

/** The other approved submissions holding the counted value for a key that overlaps one of this submission's. */
export async function countedRivals(trx: Trx, submissionId: string, indicatorId: string, category: string) {
  return (
    await sql<{ other_id: string }>`select distinct c.other_id from (${overlapping(submissionId)}) c
      where c.indicator_id = ${indicatorId}::uuid and c.category = ${category} and c.other_counted`.execute(trx)
  ).rows.map((r) => r.other_id);
}

/** Values of other approved submissions left uncounted because of this submission's counted ones, with no other
 * counted rival left once this submission's are taken out (on reopening it, they take its place). */
export async function orphanedByReopen(trx: Trx, submissionId: string) {
  return (
    await sql<{ submission_id: string; indicator_id: string; category: string }>`
      select distinct o.submission_id, o.indicator_id, o.category
        from (${ownValues(submissionId)}) v
        cross join lateral (${rivalsOf('v', sql`and not o.counted`)}) o
       where v.counted
         and not exists (
           select 1 from (${rivalsOf('o', sql`and x.counted`, 'x')}) x where x.submission_id <> ${submissionId}::uuid)`.execute(
      trx,
    )
  ).rows;
}

/** How many of each submission's values conflict with (disagree with) another approved submission's. */
export async function conflictCounts(q: Q, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = (
    await sql<{
      id: string;
      n: number;
    }>`select v.submission_id as id, count(distinct (v.indicator_id, v.category))::int as n
      from report_submissions s
      join report_values v on v.submission_id = s.id and v.first_month = s.first_month
     where s.id = any (${ids}::uuid[])
       and exists (${rivalsOf('v', sql`and ${disagrees('v', 'o')}`)})
     group by v.submission_id`.execute(q)
  ).rows;
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The approved submission of the same form and reporter for another period, with its values. */
export async function approvedValuesFor(
  q: Q,
  s: { form_id: string; unit_id: string; body_id: string | null },
  periodId: string,
) {
  const other = await q
    .selectFrom('report_submissions')
    .select('id')
    .where('form_id', '=', s.form_id)
    .where('period_id', '=', periodId)
    .where('unit_id', '=', s.unit_id)
    .where((eb) => (s.body_id ? eb('body_id', '=', s.body_id) : eb('body_id', 'is', null)))
    .where('status', '=', 'approved')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return other ? valuesOf(q, other.id) : null;
}

/** The validation rules of a form (its own and those of every form) over the indicators it asks. */
export function rulesFor(q: Q, formId: string, indicatorIds: readonly string[]) {
  if (!indicatorIds.length) return Promise.resolve([]);
  return q
    .selectFrom('report_rules')
    .select(['id', 'indicator_id', 'kind', 'op', 'other_indicator_id', 'constant', 'factor', 'severity', 'message'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('form_id', 'is', null), eb('form_id', '=', formId)]))
    .where('indicator_id', 'in', [...indicatorIds])
    .orderBy('created_at')
    .execute();
}
export type RuleRow = Awaited<ReturnType<typeof rulesFor>>[number];

/** The mean of each indicator over the reporter's last `count` approved periods of the same length before this one
 * (the whole, category ''), and how many periods it is over. */
export async function historyMeans(
  q: Q,
  s: { id: string; unit_id: string; body_id: string | null; first_month: number; last_month: number },
  indicatorIds: readonly string[],
  count = 6,
) {
  if (!indicatorIds.length) return new Map<string, { mean: number; periods: number }>();
  const rows = (
    await sql<{ indicator_id: string; mean: string; periods: number }>`
      select h.indicator_id, avg(h.num)::text as mean, count(*)::int as periods from (
        select v.indicator_id, v.num, row_number() over (partition by v.indicator_id order by v.first_month desc) as k
          from report_values v
          join report_submissions hs on hs.id = v.submission_id and hs.status = 'approved' and hs.deleted_at is null
         where v.unit_id = ${s.unit_id}::uuid and v.body_id is not distinct from ${s.body_id}::uuid
           and v.indicator_id = any (${indicatorIds}::uuid[]) and v.category = '' and v.num is not null
           and v.last_month < ${s.first_month} and v.last_month - v.first_month = ${s.last_month - s.first_month}
           and v.submission_id <> ${s.id}::uuid) h
       where h.k <= ${count}
       group by h.indicator_id`.execute(q)
  ).rows;
  return new Map(rows.map((r) => [r.indicator_id, { mean: Number(r.mean), periods: r.periods }]));
}

/** Whether a reopening in force on `day` covers a reporter's period (for the form's every reporter, or its unit). */
export async function reopenedUntil(
  q: Q,
  formId: string,
  periodId: string,
  unitId: string,
  day: string,
): Promise<string | null> {
  const r = await q
    .selectFrom('report_reopenings')
    .select((eb) => eb.fn.max('until').as('until'))
    .where('form_id', '=', formId)
    .where('period_id', '=', periodId)
    .where((eb) => eb.or([eb('unit_id', 'is', null), eb('unit_id', '=', unitId)]))
    .where('until', '>=', day)
    .executeTakeFirst();
  return (r?.until as string | null | undefined) ?? null;
}

export function insertReopening(
  q: Q,
  v: { formId: string; periodId: string; unitId: string | null; reason: string; until: string; by: string },
) {
  return q
    .insertInto('report_reopenings')
    .values({
      form_id: v.formId,
      period_id: v.periodId,
      unit_id: v.unitId,
      reason: v.reason,
      until: v.until,
      reopened_by: v.by,
    })
    .returning(['id', 'form_id', 'period_id', 'unit_id', 'reason', 'until'])
    .executeTakeFirstOrThrow();
}

/** The submissions the caller reads, newest period first, with the filters of the list. */
export async function listSubmissions(
  q: Q,
  c: ReportingCaller,
  f: {
    formId?: string;
    periodId?: string;
    status?: string;
    unitPath?: string | null;
    page: number;
    pageSize: number;
  },
) {
  let base = q.selectFrom('report_submissions as s').where('s.deleted_at', 'is', null).where(submissionVisible(c, 's'));
  if (f.formId) base = base.where('s.form_id', '=', f.formId);
  if (f.periodId) base = base.where('s.period_id', '=', f.periodId);
  if (f.status) base = base.where('s.status', '=', f.status);
  if (f.unitPath !== undefined)
    base = base.where(
      sql<SqlBool>`exists (select 1 from unit_tree lu where lu.unit_id = s.unit_id and lu.path <@ ${f.unitPath}::ltree
        and (lu.valid_from is null or lu.valid_from <= s.period_end) and (lu.valid_to is null or s.period_end < lu.valid_to))`,
    );
  const [ids, total] = await Promise.all([
    base
      .select('s.id')
      .orderBy('s.last_month', 'desc')
      .orderBy('s.updated_at', 'desc')
      .orderBy('s.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: ids.map((r) => r.id), total: Number(total.n) };
}

/** The summaries' facts of a set of submissions, in the order given. */
export async function summaries(q: Q, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await q
    .selectFrom('report_submissions as s')
    .innerJoin('report_forms as f', 'f.id', 's.form_id')
    .innerJoin('report_form_versions as fv', 'fv.id', 's.form_version_id')
    .innerJoin('unit_tree as u', (j) =>
      j
        .onRef('u.unit_id', '=', 's.unit_id')
        .on(
          sql<SqlBool>`(u.valid_from is null or u.valid_from <= s.period_end) and (u.valid_to is null or s.period_end < u.valid_to)`,
        ),
    )
    .leftJoin('bodies as b', 'b.id', 's.body_id')
    .select([
      's.id',
      's.form_id',
      'f.code as form_code',
      'f.name as form_name',
      's.period_id',
      's.first_month',
      's.last_month',
      's.period_start',
      's.period_end',
      's.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      's.body_id',
      'b.name as body_name',
      's.status',
      's.submitted_at',
      's.decided_at',
      's.return_reason',
      's.version',
      'fv.due_days',
      'fv.lock_days',
    ])
    .where('s.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
export type SummaryRow = Awaited<ReturnType<typeof summaries>>[number];

/** A unit's path in force on a day, by its code. */
export async function unitPathByCode(q: Q, code: string, day: string): Promise<string | null> {
  const r = await sql<{
    path: string;
  }>`select path::text as path from unit_tree u where u.code = ${code} and ${inForce('u', day)} limit 1`.execute(q);
  return r.rows[0]?.path ?? null;
}

/** The submissions of reporters for forms and periods (my reports), keyed form|period|unit|body. */
export async function submissionsOfReporters(
  q: Q,
  keys: readonly { formId: string; periodId: string; unitId: string; bodyId: string | null }[],
) {
  if (!keys.length) return [];
  return (
    await sql<{
      id: string;
      key: string;
    }>`select s.id, s.form_id || '|' || s.period_id || '|' || s.unit_id || '|' || coalesce(s.body_id::text, '') as key
      from report_submissions s
     where s.deleted_at is null
       and (s.form_id::text || '|' || s.period_id || '|' || s.unit_id || '|' || coalesce(s.body_id::text, '')) = any (${keys.map(
         (k) => `${k.formId}|${k.periodId}|${k.unitId}|${k.bodyId ?? ''}`,
       )}::text[])`.execute(q)
  ).rows;
}

/** The forms whose version in force on a day asks the given unit or body kinds, with that version. */
export function formsAsking(q: Q, day: string) {
  return q
    .selectFrom('report_forms as f')
    .innerJoin('report_form_versions as fv', 'fv.form_id', 'f.id')
    .select([
      'f.id',
      'f.code',
      'f.name',
      'f.period_type',
      'fv.id as version_id',
      'fv.submitter',
      'fv.unit_kinds',
      'fv.body_kinds',
      'fv.window_day',
      'fv.due_days',
      'fv.lock_days',
    ])
    .where('f.deleted_at', 'is', null)
    .where('fv.deleted_at', 'is', null)
    .where(inForce('fv', day))
    .orderBy('f.code')
    .execute();
}
