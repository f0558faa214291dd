import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { holdsSql } from './reporting.scope.repository.ts';
import type { ReportingCaller } from './reporting.scope.ts';
import { readableSql } from './totals.repository.ts';

/** Completeness reads one form's period across its reporters. */
type Q = Database | Trx;

/** A form with its version in force on a day. */
export async function formOn(q: Q, formId: string, day: string) {
  return (
    await sql<{
      id: string;
      name: string;
      period_type: string;
      submitter: 'unit' | 'body';
      unit_kinds: string[];
      body_kinds: string[];
      window_day: number | null;
      due_days: number;
      lock_days: number | null;
    }>`
      select f.id, f.name, f.period_type, v.submitter, v.unit_kinds, v.body_kinds, v.window_day, v.due_days, v.lock_days
        from report_forms f
        left join report_form_versions v on v.form_id = f.id and v.deleted_at is null
         and (v.valid_from is null or v.valid_from <= ${day}::date) and (v.valid_to is null or ${day}::date < v.valid_to)
       where f.id = ${formId}::uuid and f.deleted_at is null`.execute(q)
  ).rows[0];
}

/** A unit on a day, by code or id, with whether the caller reads it and may remind its reporters (reviews or manages
 * reporting over it). */
export async function unitFor(q: Q, c: ReportingCaller, by: { id?: string; code?: string }, day: string) {
  const cond = by.id ? sql`t.unit_id = ${by.id}::uuid` : sql`t.code = ${by.code ?? ''}`;
  return (
    await sql<{
      unit_id: string;
      code: string | null;
      name: string;
      path: string;
      readable: boolean;
      reminds: boolean;
    }>`
      select t.unit_id, t.code, t.name, t.path::text as path,
             ${readableSql(c, 't')} as readable,
             (${holdsSql(c, 'reporting.review', sql`t.path`, sql`null::uuid`)}
               or ${holdsSql(c, 'reporting.manage', sql`t.path`, sql`null::uuid`)}) as reminds
        from unit_tree t
       where ${cond} and (t.valid_from is null or t.valid_from <= ${day}::date) and (t.valid_to is null or ${day}::date < t.valid_to)
       limit 1`.execute(q)
  ).rows[0];
}

export type ReporterRow = {
  unit_id: string;
  unit_code: string | null;
  unit_name: string;
  body_id: string | null;
  body_name: string | null;
  submission_status: string | null;
  submitted_at: Date | null;
  on_time: boolean | null;
};

/** Who must submit a form for a period under a unit (units of the form's kinds, or bodies of its kinds on them, in
 * force on the period's last day), with their report of that period if any and whether it came by the due day
 * (in Hà Nội time). */
export async function reportersOf(
  q: Q,
  f: {
    formId: string;
    periodId: string;
    path: string;
    day: string;
    due: string;
    submitter: 'unit' | 'body';
    unitKinds: readonly string[];
    bodyKinds: readonly string[];
  },
): Promise<ReporterRow[]> {
  const inForce = (a: string) =>
    sql`(${sql.ref(`${a}.valid_from`)} is null or ${sql.ref(`${a}.valid_from`)} <= ${f.day}::date)
      and (${sql.ref(`${a}.valid_to`)} is null or ${f.day}::date < ${sql.ref(`${a}.valid_to`)})`;
  const reporters =
    f.submitter === 'unit'
      ? sql`select t.unit_id, t.code as unit_code, t.name as unit_name, null::uuid as body_id, null::text as body_name,
                   t.path
              from unit_tree t
             where t.path <@ ${f.path}::ltree and t.kind = any (${[...f.unitKinds]}::text[]) and ${inForce('t')}`
      : sql`select t.unit_id, t.code, t.name, b.id, b.name, t.path
              from bodies b
              join unit_tree t on t.unit_id = b.unit_id and ${inForce('t')}
             where t.path <@ ${f.path}::ltree and b.kind = any (${[...f.bodyKinds]}::text[])
               and b.deleted_at is null and ${inForce('b')}`;
  return (
    await sql<ReporterRow>`
      select r.unit_id, r.unit_code, r.unit_name, r.body_id, r.body_name, s.status as submission_status,
             s.submitted_at,
             (s.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${f.due}::date as on_time
        from (${reporters}) r
        left join report_submissions s on s.form_id = ${f.formId}::uuid and s.period_id = ${f.periodId}
         and s.unit_id = r.unit_id and s.body_id is not distinct from r.body_id and s.deleted_at is null
       order by r.path, r.body_name`.execute(q)
  ).rows;
}

/** The accounts that report for some reporters: an assignment in force today with reporting.submit on the reporter's
 * unit itself (for a body's report: not narrowed, or narrowed to that body). */
export async function submittersOf(
  q: Q,
  reporters: readonly { unitId: string; bodyId: string | null }[],
  day: string,
): Promise<{ account_id: string; locale: string | null }[]> {
  if (!reporters.length) return [];
  return (
    await sql<{ account_id: string; locale: string | null }>`
      select distinct ra.account_id, a.locale
        from unnest(${reporters.map((r) => r.unitId)}::uuid[], ${reporters.map((r) => r.bodyId)}::uuid[]) as x(unit_id, body_id)
        join role_assignments ra on ra.unit_id = x.unit_id and ra.deleted_at is null
         and (ra.valid_from is null or ra.valid_from <= ${day}::date) and (ra.valid_to is null or ${day}::date < ra.valid_to)
         and (ra.body_id is null or ra.body_id = x.body_id)
        join roles ro on ro.code = ra.role and 'reporting.submit' = any (ro.permissions)
        join accounts a on a.id = ra.account_id and a.disabled_at is null`.execute(q)
  ).rows;
}
