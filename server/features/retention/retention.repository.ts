import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

/** The rules in their order; `withPeriod`: only those that erase (months set). */
export async function rules(q: Q, opts: { withPeriod?: boolean } = {}) {
  let query = q.selectFrom('retention_rules').selectAll();
  if (opts.withPeriod) query = query.where('months', 'is not', null);
  return query.orderBy('sort').execute();
}

/** A rule's version, the row locked for the change. */
export async function ruleForUpdate(q: Q, kind: string) {
  return q.selectFrom('retention_rules').select('version').where('kind', '=', kind).forUpdate().executeTakeFirst();
}

export async function setMonths(q: Q, kind: string, months: number | null) {
  await q
    .updateTable('retention_rules')
    .set((eb) => ({ months, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('kind', '=', kind)
    .execute();
}

// The table and column names below are interpolated as identifiers: the service passes only those it allows.
const setNull = (fields: readonly string[]) => sql.join(fields.map((f) => sql`${sql.ref(f)} = null`));
const anyValue = (fields: readonly string[]) =>
  sql.join(
    fields.map((f) => sql`${sql.ref(f)} is not null`),
    sql` or `,
  );

/** Erases the fields of sign-in events written before `cutoff`; returns how many rows held a value. */
export async function eraseSignInFields(q: Q, fields: readonly string[], endedColumn: string, cutoff: string) {
  const r =
    await sql`update audit_log set ${setNull(fields)} where action like 'sign_%' and ${sql.ref(endedColumn)} < ${cutoff}::date and (${anyValue(fields)})`.execute(
      q,
    );
  return Number(r.numAffectedRows ?? 0);
}

/** Erases the fields of a table's rows ended before `cutoff` (deleted ones too); returns the ids of those that held a value. */
export async function eraseEndedFields(
  q: Q,
  table: string,
  fields: readonly string[],
  endedColumn: string,
  cutoff: string,
) {
  const ended = sql.ref(endedColumn);
  const rows = await sql<{
    id: string;
  }>`update ${sql.table(table)} set ${setNull(fields)} where ${ended} is not null and ${ended} < ${cutoff}::date and (${anyValue(fields)}) returning id`.execute(
    q,
  );
  return rows.rows.map((r) => r.id);
}

/** Removes the fields from the audit log's before/after values of these rows. */
export async function eraseAuditValues(q: Q, table: string, ids: string[], fields: readonly string[]) {
  await sql`update audit_log set before = before - ${fields}::text[], after = after - ${fields}::text[] where table_name = ${table} and record_id = any(${ids}::text[])`.execute(
    q,
  );
}

/** The marker an erased petitioner's name becomes (the column is required). */
export const ERASED_NAME = '(đã xóa theo thời hạn lưu giữ)';

/** Erases the identity fields of the petitioners of cases that ended before `cutoff` — 'filed_on': filed without
 * action (the day of the last filing step), 'ended_on': closed (its closing day), withdrawn or merged (the day of that
 * step); a case filed, then reopened and forwarded, is not filed any more. Returns the ids of those that held one. */
export async function erasePetitioners(
  q: Q,
  fields: readonly string[],
  ended: 'filed_on' | 'ended_on',
  cutoff: string,
) {
  const set = sql.join(
    fields.map((f) =>
      f === 'full_name'
        ? sql`full_name = ${ERASED_NAME}`
        : f === 'name_fold' || f === 'address_fold'
          ? sql`${sql.ref(f)} = ''`
          : sql`${sql.ref(f)} = null`,
    ),
  );
  const endedOn =
    ended === 'filed_on'
      ? sql`case when p.state = 'filed' then (select max(e.day) from petition_events e where e.petition_id = p.id and e.action = 'file') end`
      : sql`case when p.state = 'closed' then p.closed_on
          when p.state in ('withdrawn', 'merged') then (select max(e.day) from petition_events e
            where e.petition_id = p.id and e.action in ('withdraw', 'merge')) end`;
  const rows = await sql<{ id: string }>`update petitioners x set ${set}
      from petitions p
      where p.id = x.petition_id and ${endedOn} < ${cutoff}::date and x.full_name <> ${ERASED_NAME}
      returning x.id`.execute(q);
  return rows.rows.map((r) => r.id);
}
