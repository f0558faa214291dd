import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { recordLabelParams } from './audit.labels.repository.ts';

type Q = Database | Trx;

export type AuditFilter = {
  table?: string;
  record?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
};

/** The entries the filter keeps; `from` and `to` are days in Asia/Ho_Chi_Minh, `to` included. */
function filtered(q: Q, f: AuditFilter) {
  let query = q.selectFrom('audit_log as l').leftJoin('accounts as a', 'a.id', 'l.actor_account_id');
  if (f.table) query = query.where('l.table_name', '=', f.table);
  if (f.record) query = query.where('l.record_id', '=', f.record);
  if (f.actor) query = query.where('l.actor_account_id', '=', f.actor);
  if (f.action) query = query.where('l.action', '=', f.action);
  if (f.from)
    query = query.where('l.at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (f.to) query = query.where('l.at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  return query;
}

/** A page of the log, newest first, each entry with the values that name its record (looked up for the page's
 * entries only: the page is cut first, then labelled). */
export async function listPage(q: Q, f: AuditFilter, page: { offset: number; limit: number }) {
  const entries = filtered(q, f)
    .select([
      'l.id',
      'l.at',
      'l.actor_account_id',
      'a.username',
      'a.display_name',
      'l.actor_label',
      'l.ip',
      'l.request_id',
      'l.action',
      'l.table_name',
      'l.record_id',
      'l.before',
      'l.after',
    ])
    .orderBy('l.id', 'desc')
    .offset(page.offset)
    .limit(page.limit);
  return q
    .selectFrom(entries.as('l'))
    .selectAll('l')
    .select(recordLabelParams.as('label'))
    .orderBy('l.id', 'desc')
    .execute();
}

/** How many entries the filter keeps. */
export async function countEntries(q: Q, f: AuditFilter): Promise<number> {
  const row = await filtered(q, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
