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
