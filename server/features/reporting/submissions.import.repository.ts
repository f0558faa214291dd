import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { holdsSql } from './reporting.scope.repository.ts';
import type { ReportingCaller } from './reporting.scope.ts';
import type { NewReport } from './submissions.repository.ts';

type Q = Database | Trx;

/**
 * The SQL of importing reports: every lookup one statement for all the rows of a sheet, and the writes set-based (a
 * statement for all the new drafts, one for all the values, whatever their number), so that a sheet of thousands of
 * values, or years of history, costs a handful of statements.
 */

/** Units by code in the tree of a day. */
export async function unitsByCode(q: Q, codes: readonly string[], day: string) {
  if (!codes.length) return [];
  return (
    await sql<{ unit_id: string; code: string; name: string; kind: string }>`
      select u.unit_id, u.code, u.name, u.kind from unit_tree u
       where u.code = any (${codes}::text[])
         and (u.valid_from is null or u.valid_from <= ${day}::date) and (u.valid_to is null or ${day}::date < u.valid_to)`.execute(
      q,
    )
  ).rows;
}

/** The bodies of some units in force on a day. */
export async function bodiesOfUnits(q: Q, unitIds: readonly string[], day: string) {
  if (!unitIds.length) return [];
  return q
    .selectFrom('bodies')
    .select(['id', 'unit_id', 'kind', 'name', 'short_name'])
    .where('unit_id', 'in', [...unitIds])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
}

export function bodyKinds(q: Q) {
  return q.selectFrom('body_kinds').select(['code', 'name_vi', 'short_vi']).where('deleted_at', 'is', null).execute();
}

/** For each reporter (a unit, or a body of it), whether the caller holds reporting.submit over it in the tree of the
 * period's last day, and whose reviewers may reopen its locked period (the level above). */
export async function submitRights(
  q: Q,
  c: ReportingCaller,
  reporters: readonly { unitId: string; bodyId: string | null }[],
  periodEnd: string,
) {
  if (!reporters.length) return [];
  return (
    await sql<{ unit_id: string; body_id: string | null; submit: boolean; reopen_by: string | null }>`
      select k.unit_id, k.body_id,
             ${holdsSql(c, 'reporting.submit', sql`u.path`, sql`k.body_id`)} as submit,
             case when k.body_id is null then pu.name else pb.name end as reopen_by
        from unnest(${reporters.map((r) => r.unitId)}::uuid[], ${reporters.map((r) => r.bodyId)}::uuid[]) as k(unit_id, body_id)
        join unit_tree u on u.unit_id = k.unit_id
         and (u.valid_from is null or u.valid_from <= ${periodEnd}::date) and (u.valid_to is null or ${periodEnd}::date < u.valid_to)
        left join unit_tree pu on pu.unit_id = u.parent_id
         and (pu.valid_from is null or pu.valid_from <= ${periodEnd}::date) and (pu.valid_to is null or ${periodEnd}::date < pu.valid_to)
        left join bodies b on b.id = k.body_id
        left join bodies pb on pb.id = b.parent_id and pb.deleted_at is null`.execute(q)
  ).rows;
}

/** The reports of a form and period already made by some reporters. */
export async function reportsOf(
  q: Q,
  formId: string,
  periodId: string,
  reporters: readonly { unitId: string; bodyId: string | null }[],
) {
  if (!reporters.length) return [];
  return (
    await sql<{ id: string; unit_id: string; body_id: string | null; status: string; version: number }>`
      select s.id, s.unit_id, s.body_id, s.status, s.version from report_submissions s
        join unnest(${reporters.map((r) => r.unitId)}::uuid[], ${reporters.map((r) => r.bodyId)}::uuid[]) as k(unit_id, body_id)
          on s.unit_id = k.unit_id and s.body_id is not distinct from k.body_id
       where s.form_id = ${formId}::uuid and s.period_id = ${periodId} and s.deleted_at is null`.execute(q)
  ).rows;
}

/** The latest day each unit's locked period stays reopened until (key '' for a reopening of every reporter). */
export async function reopenedUntilByUnit(q: Q, formId: string, periodId: string, day: string) {
  const rows = await q
    .selectFrom('report_reopenings')
    .select(['unit_id', (eb) => eb.fn.max('until').as('until')])
    .where('form_id', '=', formId)
    .where('period_id', '=', periodId)
    .where('until', '>=', day)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id ?? '', String(r.until)]));
}

/** The submissions to write into, locked until commit, with their status (a report submitted meanwhile is seen). */
export async function lockReports(trx: Trx, ids: readonly string[]) {
  if (!ids.length) return [];
  return trx
    .selectFrom('report_submissions')
    .select(['id', 'status'])
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .forUpdate()
    .execute();
}

/** New drafts, one statement; those another request created meanwhile are left out of the answer. */
export async function insertDrafts(trx: Trx, reports: readonly NewReport[]) {
  if (!reports.length) return [];
  const col = <K extends keyof NewReport>(k: K) => reports.map((r) => r[k]);
  return (
    await sql<{ id: string; unit_id: string; body_id: string | null }>`
      insert into report_submissions (form_id, form_version_id, period_id, first_month, last_month, period_start,
                                      period_end, unit_id, body_id, created_by)
      select * from unnest(${col('formId')}::uuid[], ${col('formVersionId')}::uuid[], ${col('periodId')}::text[],
                           ${col('firstMonth')}::int[], ${col('lastMonth')}::int[], ${col('periodStart')}::date[],
                           ${col('periodEnd')}::date[], ${col('unitId')}::uuid[], ${col('bodyId')}::uuid[],
                           ${col('createdBy')}::uuid[])
      on conflict (form_id, period_id, unit_id, coalesce(body_id, '00000000-0000-0000-0000-000000000000'::uuid))
         where deleted_at is null do nothing
      returning id, unit_id, body_id`.execute(trx)
  ).rows;
}

/** Marks submissions changed (a form opened before the import then refuses to save over it: 409). */
export async function touchReports(trx: Trx, ids: readonly string[], now: Date): Promise<void> {
  if (!ids.length) return;
  await trx
    .updateTable('report_submissions')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', 'in', [...ids])
    .execute();
}

/** A value to write, with what report_values repeats of its submission. */
export type BulkValue = {
  submissionId: string;
  indicatorId: string;
  category: string;
  num: number | null;
  txt: string | null;
  firstMonth: number;
  lastMonth: number;
  unitId: string;
  bodyId: string | null;
};

/** Writes values of any number of submissions in one statement (changed ones only; not counted: drafts are in no
 * total). The statement-level audit keeps one row per submission. */
export async function upsertValues(trx: Trx, values: readonly BulkValue[]): Promise<void> {
  if (!values.length) return;
  const col = <K extends keyof BulkValue>(k: K) => values.map((v) => v[k]);
  await sql`
    insert into report_values (submission_id, indicator_id, category, num, txt, first_month, last_month, unit_id, body_id)
    select * from unnest(${col('submissionId')}::uuid[], ${col('indicatorId')}::uuid[], ${col('category')}::text[],
                         ${values.map((v) => (v.num === null ? null : String(v.num)))}::numeric[], ${col('txt')}::text[],
                         ${col('firstMonth')}::int[], ${col('lastMonth')}::int[], ${col('unitId')}::uuid[],
                         ${col('bodyId')}::uuid[])
    on conflict (submission_id, indicator_id, category, first_month) do update
       set num = excluded.num, txt = excluded.txt
     where (report_values.num, report_values.txt) is distinct from (excluded.num, excluded.txt)`.execute(trx);
}

/** The whole ('' category) of indicators broken down by organisation, added up from their parts, for the given
 * submissions and indicators (those whose parts were written and whose whole was not given). */
export async function wholesFromParts(
  trx: Trx,
  pairs: readonly { submissionId: string; indicatorId: string }[],
): Promise<void> {
  if (!pairs.length) return;
  await sql`
    insert into report_values (submission_id, indicator_id, category, num, first_month, last_month, unit_id, body_id)
    select v.submission_id, v.indicator_id, '', sum(v.num), min(v.first_month), min(v.last_month), min(v.unit_id::text)::uuid,
           min(v.body_id::text)::uuid
      from report_values v
      join unnest(${pairs.map((p) => p.submissionId)}::uuid[], ${pairs.map((p) => p.indicatorId)}::uuid[]) as k(s, i)
        on v.submission_id = k.s and v.indicator_id = k.i
     where v.category <> '' and v.num is not null
     group by v.submission_id, v.indicator_id
    on conflict (submission_id, indicator_id, category, first_month) do update set num = excluded.num
     where report_values.num is distinct from excluded.num`.execute(trx);
}

/** The values of a form's reports of a period for some reporters (the template shows them). */
export async function valuesOfReports(q: Q, ids: readonly string[]) {
  if (!ids.length) return [];
  return q
    .selectFrom('report_values')
    .select(['submission_id', 'indicator_id', 'category', 'num', 'txt'])
    .where('submission_id', 'in', [...ids])
    .execute();
}
