import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { FINAL_STATES } from './petitions.rules.ts';

type Q = Database | Trx;

const ENDED = [...FINAL_STATES, 'withdrawn'];

export type DueRow = {
  deadline_id: string;
  petition_id: string;
  rule: string;
  due_on: string;
  number: number | null;
  year: number;
  account_id: string;
  locale: string;
};

/** Open deadlines of open cases due from today to `today + days`, not warned yet, with each assigned officer (an
 * account not disabled) who is to be warned. Ordered by account (the order the notifications' locks are taken). */
export async function dueSoon(q: Q, today: string, days: number): Promise<DueRow[]> {
  return (
    await sql<DueRow>`select d.id as deadline_id, d.petition_id, d.rule, d.due_on, p.number, p.year, a.id as account_id, a.locale
      from petition_deadlines d
      join petitions p on p.id = d.petition_id and p.deleted_at is null and not (p.state = any (${ENDED}::text[]))
      join petition_officers o on o.petition_id = p.id and o.deleted_at is null
      join accounts a on a.id = o.account_id and a.disabled_at is null and a.deleted_at is null
      where d.status = 'open' and d.deleted_at is null and d.warned_at is null
        and d.due_on >= ${today}::date and d.due_on <= ${today}::date + ${days}::int
      order by a.id, d.due_on, d.id`.execute(q)
  ).rows;
}

/** Open deadlines of open cases past their due day and not yet notified, with each leader of the receiving body —
 * an account holding petitions.lead by an assignment in force today at the body's own unit, not narrowed or narrowed
 * to that body. */
export async function overdue(q: Q, today: string): Promise<DueRow[]> {
  return (
    await sql<DueRow>`select distinct d.id as deadline_id, d.petition_id, d.rule, d.due_on, p.number, p.year, a.id as account_id, a.locale
      from petition_deadlines d
      join petitions p on p.id = d.petition_id and p.deleted_at is null and not (p.state = any (${ENDED}::text[]))
      join bodies b on b.id = p.receiving_body_id
      join role_assignments ra on ra.unit_id = b.unit_id and ra.deleted_at is null and (ra.body_id is null or ra.body_id = b.id)
        and (ra.valid_from is null or ra.valid_from <= ${today}::date) and (ra.valid_to is null or ${today}::date < ra.valid_to)
      join roles r on r.code = ra.role and 'petitions.lead' = any (r.permissions)
      join accounts a on a.id = ra.account_id and a.disabled_at is null and a.deleted_at is null
      where d.status = 'open' and d.deleted_at is null and d.overdue_notified_at is null and d.due_on < ${today}::date
      order by a.id, d.due_on, d.id`.execute(q)
  ).rows;
}

export async function markWarned(
  trx: Trx,
  ids: readonly string[],
  column: 'warned_at' | 'overdue_notified_at',
  now: Date,
) {
  if (!ids.length) return;
  await trx
    .updateTable('petition_deadlines')
    .set({ [column]: now, updated_at: now })
    .where('id', 'in', ids)
    .execute();
}

export type PassRow = { petition_id: string; from_body_id: string; to_body_id: string; state: string };

/**
 * The open cases of bodies that ended on or before `today` and named successors (body_links): each with the successor
 * that takes it — the one whose unit holds the case's address unit (in any epoch), else the first by name.
 */
export async function casesToPass(q: Q, today: string): Promise<PassRow[]> {
  return (
    await sql<PassRow>`select p.id as petition_id, p.receiving_body_id as from_body_id, p.state,
        (select bl.to_body_id from body_links bl join bodies sb on sb.id = bl.to_body_id
          where bl.from_body_id = b.id and sb.deleted_at is null
          order by exists (select 1 from unit_tree au join unit_tree su on su.unit_id = sb.unit_id and au.path <@ su.path
                           where au.unit_id = p.address_unit_id) desc, sb.name, sb.id
          limit 1) as to_body_id
      from petitions p join bodies b on b.id = p.receiving_body_id
      where p.deleted_at is null and not (p.state = any (${ENDED}::text[]))
        and b.valid_to is not null and b.valid_to <= ${today}::date
        and exists (select 1 from body_links bl where bl.from_body_id = b.id)
      order by p.id
      for update of p`.execute(q)
  ).rows.filter((r) => r.to_body_id);
}

export async function passTo(trx: Trx, petitionId: string, toBodyId: string) {
  await trx
    .updateTable('petitions')
    .set((eb) => ({ receiving_body_id: toBodyId, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', petitionId)
    .execute();
}
