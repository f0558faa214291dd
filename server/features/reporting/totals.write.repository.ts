import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../db/tx.ts';

/**
 * Keeps report_totals equal to the counted values of approved submissions, per ancestor (see migration 0018):
 * for the value's unit, its units of levels 1–3 in the tree epoch in force on the submission's period_end (the unit
 * itself when its level is 3 or less; a village's total is read from its values), and for a body's report each body
 * of its line. Rows of units above level 3 are striped (0–7) by the submission's commune — the village's parent in
 * that epoch, or the unit itself when its level is 3 or less — so that concurrent approvals under one province do
 * not wait on one row (approvals in one commune wait on the commune's row anyway); rows of communes and bodies have
 * stripe 0 and hold everything. Striping by commune rather than by submission lets a rebuild sum each commune once.
 * Months before the settled month (report_totals_settled, moved forward by the daily job) are not striped: their
 * approvals are rare, and a year's national pivot then reads one row per month and node instead of eight. A value
 * is added into and taken out of the row the rule names at that moment; the rule changes only under an exclusive
 * lock that every write holds shared, and the change folds the stripes it ends (settleMonths).
 *
 * A value is counted as stored: a breakdown by organisation is one value per body kind code, and the whole is its
 * own value under category '' (the submission stores both); text values (num null) are never in the totals.
 */

/** The commune a unit_tree row stripes by (its parent for a village), and that commune's stripe. abs() of a bigint:
 * hashtext may give −2^31. */
const baseOf = (ut: string) =>
  sql`(case when ${sql.ref(ut)}.level > 3 then ${sql.ref(ut)}.parent_id else ${sql.ref(ut)}.unit_id end)`;
const stripeOf = (base: RawBuilder<unknown>) => sql`(abs(hashtext(${base}::text)::bigint) % 8)`;

/** Held shared by every write of the totals, exclusive while months are settled. */
const SETTLING = sql`hashtext('khoi.report_totals_settled')`;
const holdSettling = (trx: Trx) => sql`select pg_advisory_xact_lock_shared(${SETTLING})`.execute(trx);
/** Whether a unit `a` of that level is striped for a value of the month `firstMonth` (an expression). */
const stripedSql = (a: string, firstMonth: RawBuilder<unknown>) =>
  sql`(${sql.ref(a)}.level < 3 and ${firstMonth} >= (select month from report_totals_settled))`;

/** The totals nodes of the submissions of `subs` (a relation with id, unit_id, body_id, period_end, first_month):
 * node_kind, node_id, stripe, and whether the node is striped (its rows hold only submissions of its stripe). */
function nodesOf(subs: RawBuilder<unknown>) {
  const striped = stripedSql('a', sql`s.first_month`);
  return sql`
    select s.id as submission_id, 'unit'::text as node_kind, a.id as node_id, ${striped} as striped,
           (case when ${striped} then ${stripeOf(baseOf('ut'))} else 0 end)::smallint as stripe
      from ${subs} s
      join unit_tree ut on ut.unit_id = s.unit_id
       and (ut.valid_from is null or ut.valid_from <= s.period_end) and (ut.valid_to is null or s.period_end < ut.valid_to)
      join units a on a.seq = any (string_to_array(ut.path::text, '.')::bigint[]) and a.level <= 3
    union all
    select s.id, 'body', b.id, false, 0::smallint
      from ${subs} s
      cross join lateral unnest(body_line(s.body_id)) as b(id)
     where s.body_id is not null`;
}

type Which = { indicatorId: string; category: string } | null;

/** The values of one submission that go into its totals: its counted numeric values, or (a conflict choice) the one
 * value named, counted or not. */
function valuesOf(submissionId: string, which: Which) {
  const filter = which
    ? sql`rv.indicator_id = ${which.indicatorId}::uuid and rv.category = ${which.category}`
    : sql`rv.counted`;
  return sql`
    select rv.indicator_id, rv.category, rv.first_month, rv.last_month, rv.num
      from report_values rv
     where rv.submission_id = ${submissionId}::uuid and rv.num is not null and ${filter}
       -- a submission's values share its months: one year's partition is read, not all of them
       and rv.first_month = (select s.first_month from report_submissions s where s.id = ${submissionId}::uuid)`;
}

const submissionRow = (submissionId: string) =>
  sql`(select id, unit_id, body_id, period_end, first_month from report_submissions where id = ${submissionId}::uuid)`;

async function apply(trx: Trx, submissionId: string, which: Which, sign: 1 | -1): Promise<void> {
  await holdSettling(trx);
  const keys = sql`
    with v as (${valuesOf(submissionId, which)}),
         n as (${nodesOf(submissionRow(submissionId))})
    select v.indicator_id, n.node_kind, n.node_id, v.first_month, v.last_month, v.category, n.stripe, n.striped, v.num
      from v cross join n`;
  // One statement adds the values into every ancestor row (creating the missing ones), always in the key's order:
  // two approvals under one commune wait for each other, never deadlock.
  await sql`
    insert into report_totals as t (indicator_id, node_kind, node_id, first_month, last_month, category, stripe, sum, count, max)
    select k.indicator_id, k.node_kind, k.node_id, k.first_month, k.last_month, k.category, k.stripe,
           ${sign}::int * k.num, ${sign}::int, case when ${sign}::int > 0 then k.num end
      from (${keys}) k
     order by k.indicator_id, k.node_kind, k.node_id, k.first_month, k.last_month, k.category, k.stripe
    on conflict (indicator_id, node_kind, node_id, first_month, last_month, category, stripe) do update
       set sum = t.sum + excluded.sum,
           count = t.count + excluded.count,
           max = case when ${sign}::int > 0 then greatest(t.max, excluded.max) else t.max end`.execute(trx);
  if (sign > 0) return;
  // Subtracting: where the value removed was the greatest, the greatest of the rest is read again from the values
  // (only those keys, and only the submissions on that row's stripe); rows left empty go.
  await sql`
    update report_totals t
       set max = (
         select max(rv.num)
           from report_values rv
           join report_submissions s2 on s2.id = rv.submission_id and s2.status = 'approved' and s2.deleted_at is null
          where rv.indicator_id = t.indicator_id and rv.category = t.category
            and rv.first_month = t.first_month and rv.last_month = t.last_month
            and rv.counted and rv.num is not null and rv.submission_id <> ${submissionId}::uuid
            and case when t.node_kind = 'body' then t.node_id = any (body_line(rv.body_id))
                else exists (
                  select 1 from unit_tree u2 join units nu on nu.id = t.node_id
                   where u2.unit_id = rv.unit_id
                     and (u2.valid_from is null or u2.valid_from <= s2.period_end)
                     and (u2.valid_to is null or s2.period_end < u2.valid_to)
                     and u2.path ~ ('*.' || nu.seq::text || '.*')::lquery
                     and (not k.striped or ${stripeOf(baseOf('u2'))} = t.stripe)) end)
      from (${keys}) k
     where t.indicator_id = k.indicator_id and t.node_kind = k.node_kind and t.node_id = k.node_id
       and t.first_month = k.first_month and t.last_month = k.last_month and t.category = k.category
       and t.stripe = k.stripe and t.count > 0 and k.num >= t.max`.execute(trx);
  await sql`
    delete from report_totals t
     using (${keys}) k
     where t.indicator_id = k.indicator_id and t.node_kind = k.node_kind and t.node_id = k.node_id
       and t.first_month = k.first_month and t.last_month = k.last_month and t.category = k.category
       and t.stripe = k.stripe and t.count <= 0`.execute(trx);
}

/**
 * Adds (+1, on approval) or subtracts (−1, on reopening an approved report) a submission's counted values into the
 * totals of every ancestor, in the caller's transaction. Call −1 before changing the values' `counted` or the
 * submission's status, +1 after the submission is approved with its values counted.
 */
export async function addToTotals(trx: Trx, submissionId: string, sign: 1 | -1): Promise<void> {
  await apply(trx, submissionId, null, sign);
}

/** A conflict choice: adds (+1) or subtracts (−1) one value of an approved submission (an indicator and category),
 * whatever its `counted` flag says; the caller flips `counted` to match. */
export async function addValuesToTotals(
  trx: Trx,
  submissionId: string,
  indicatorId: string,
  category: string,
  sign: 1 | -1,
): Promise<void> {
  await apply(trx, submissionId, { indicatorId, category }, sign);
}

const approved = sql`(select id, unit_id, body_id, period_end, first_month from report_submissions where status = 'approved' and deleted_at is null)`;

/**
 * The totals built again from the counted values of approved submissions (after a change of the unit tree). Without
 * `unitIds`, all of them; with them, the unit rows of those units only (of levels 1–3; the ancestors, old and new,
 * of the units whose place in the tree changed), from the values below them.
 *
 * Set-based in two passes so that each value is read once: the values summed per commune (the village's parent in
 * the epoch of its period, with that epoch's path), then the communes' sums added into each ancestor. Reading every
 * value once per ancestor instead was four times the work at national size.
 */
export async function rebuildTotals(trx: Trx, opts: { unitIds?: readonly string[] } = {}): Promise<void> {
  const only = opts.unitIds;
  if (only && only.length === 0) return;
  await holdSettling(trx);
  if (only)
    await sql`delete from report_totals where node_kind = 'unit' and node_id = any (${only}::uuid[])`.execute(trx);
  else await sql`truncate report_totals`.execute(trx);
  const seqs = only ? sql`(select array_agg(seq) from units where id = any (${only}::uuid[]))` : sql`null::bigint[]`;
  await sql`
    with subs as (
      select s.id, ${baseOf('ut')} as base_id,
             (case when ut.level > 3 then subpath(ut.path, 0, nlevel(ut.path) - 1) else ut.path end)::text as base_path
        from ${approved} s
        join unit_tree ut on ut.unit_id = s.unit_id
         and (ut.valid_from is null or ut.valid_from <= s.period_end) and (ut.valid_to is null or s.period_end < ut.valid_to)
       where ${seqs}::bigint[] is null or string_to_array(ut.path::text, '.')::bigint[] && ${seqs}::bigint[]
    ),
    per_commune as (
      select s.base_id, s.base_path, rv.indicator_id, rv.first_month, rv.last_month, rv.category,
             sum(rv.num) as sum, count(*) as count, max(rv.num) as max
        from subs s
        join report_values rv on rv.submission_id = s.id and rv.counted and rv.num is not null
       group by 1, 2, 3, 4, 5, 6
    ),
    -- the ancestors of each commune in each epoch, found once per commune and path rather than once per sum
    above as (
      select b.base_id, b.base_path, a.id, a.level
        from (select distinct base_id, base_path from subs) b
        join units a on a.seq = any (string_to_array(b.base_path, '.')::bigint[]) and a.level <= 3
       where ${seqs}::bigint[] is null or a.seq = any (${seqs}::bigint[])
    )
    insert into report_totals (indicator_id, node_kind, node_id, first_month, last_month, category, stripe, sum, count, max)
    select c.indicator_id, 'unit', a.id, c.first_month, c.last_month, c.category,
           (case when ${stripedSql('a', sql`c.first_month`)} then ${stripeOf(sql`c.base_id`)} else 0 end)::smallint,
           sum(c.sum), sum(c.count), max(c.max)
      from per_commune c
      join above a on a.base_id = c.base_id and a.base_path = c.base_path
     group by 1, 2, 3, 4, 5, 6, 7`.execute(trx);
  if (only) return;
  await sql`
    insert into report_totals (indicator_id, node_kind, node_id, first_month, last_month, category, stripe, sum, count, max)
    select rv.indicator_id, 'body', b.id, rv.first_month, rv.last_month, rv.category, 0, sum(rv.num), count(*), max(rv.num)
      from ${approved} s
      cross join lateral unnest(body_line(s.body_id)) as b(id)
      join report_values rv on rv.submission_id = s.id and rv.counted and rv.num is not null
     where s.body_id is not null
     group by 1, 2, 3, 4, 5, 6`.execute(trx);
}

/**
 * Settles the months before `month` (never moving the mark back): their striped rows are folded into stripe 0 and
 * every later write of theirs goes there. Under the exclusive lock, taken only when no write holds it shared: waiting
 * for it would hold up every approval behind it, and an approval waiting on another's rows could close a cycle. A
 * busy moment settles nothing (the next day's run catches up). Returns the rows folded.
 */
export async function settleMonths(trx: Trx, month: number): Promise<number> {
  const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SETTLING}) as ok`.execute(trx);
  if (!lock.rows[0]!.ok) return 0;
  const { rows } = await sql<{ month: number }>`select month from report_totals_settled`.execute(trx);
  if (month <= rows[0]!.month) return 0;
  const folded = await sql`
    with moved as (
      delete from report_totals where node_kind = 'unit' and stripe > 0 and first_month < ${month}
      returning indicator_id, node_kind, node_id, first_month, last_month, category, sum, count, max)
    insert into report_totals as t (indicator_id, node_kind, node_id, first_month, last_month, category, stripe, sum, count, max)
    select indicator_id, node_kind, node_id, first_month, last_month, category, 0, sum(sum), sum(count), max(max)
      from moved
     group by 1, 2, 3, 4, 5, 6
     order by 1, 2, 3, 4, 5, 6
    on conflict (indicator_id, node_kind, node_id, first_month, last_month, category, stripe) do update
       set sum = t.sum + excluded.sum, count = t.count + excluded.count, max = greatest(t.max, excluded.max)`.execute(
    trx,
  );
  await sql`update report_totals_settled set month = ${month}`.execute(trx);
  return Number(folded.numAffectedRows ?? 0);
}
