import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

export type AuditFilter = {
  table?: string;
  record?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
};

/** A page of the audit log, newest first, with the total; `from` and `to` are days in Asia/Ho_Chi_Minh, `to` included. */
export async function list(q: Q, f: AuditFilter, page: { offset: number; limit: number }) {
  let query = q.selectFrom('audit_log as l').leftJoin('accounts as a', 'a.id', 'l.actor_account_id');
  if (f.table) query = query.where('l.table_name', '=', f.table);
  if (f.record) query = query.where('l.record_id', '=', f.record);
  if (f.actor) query = query.where('l.actor_account_id', '=', f.actor);
  if (f.action) query = query.where('l.action', '=', f.action);
  if (f.from)
    query = query.where('l.at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (f.to) query = query.where('l.at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  const [rows, total] = await Promise.all([
    query
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
      .limit(page.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
