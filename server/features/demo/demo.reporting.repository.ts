import { sql, type Insertable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';

/** The SQL of the demo's history of reports: years of approved reports written at once (a statement per table), the
 * way an import of past figures would write them; the reporting module's totals are then rebuilt from them. */

/** Approved reports with their values, in two statements (the values' audit keeps a row per report). */
export async function insertApprovedReports(
  trx: Trx,
  submissions: Insertable<DB['report_submissions']>[],
  values: Insertable<DB['report_values']>[],
): Promise<void> {
  // A statement's parameters are limited (65,535): large sets go in chunks.
  for (let i = 0; i < submissions.length; i += 2000)
    await trx
      .insertInto('report_submissions')
      .values(submissions.slice(i, i + 2000))
      .execute();
  for (let i = 0; i < values.length; i += 5000)
    await trx
      .insertInto('report_values')
      .values(values.slice(i, i + 5000))
      .execute();
}

/** Fresh statistics after a bulk load: without them the planner takes the new tables for empty, and the services'
 * reads of one report (its conflicts) start from every approved report instead. */
export async function analyzeReports(q: Trx | Database): Promise<void> {
  await sql`analyze report_submissions, report_values, report_totals`.execute(q);
}
