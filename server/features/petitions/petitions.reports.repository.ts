import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { identitySql, readableSql } from './petitions.repository.ts';
import { OPEN_STATES } from './petitions.rules.ts';
import type { PetitionCaller } from './petitions.scope.ts';

type Q = Database | Trx;

/** Open cases (not ended, not withdrawn) per key project. */
export async function openCountsByProject(q: Q, projectIds: readonly string[]) {
  if (!projectIds.length) return [];
  return (
    await sql<{ project_id: string; n: number }>`select project_id, count(*)::int as n from petitions
      where project_id = any (${projectIds}::uuid[]) and deleted_at is null and state = any (${[...OPEN_STATES]}::text[])
        and state <> 'split'
      group by project_id`.execute(q)
  ).rows;
}

export type RegisterRow = {
  id: string;
  number: number;
  year: number;
  received_on: string;
  channel: string;
  kind: string | null;
  summary: string;
  content: string;
  state: string;
  competence: string | null;
  identities: boolean;
};

/** The rows of a register (a body's, a year's) the caller reads, in number order, with whether it sees their
 * identities. */
export async function registerRows(
  q: Q,
  c: PetitionCaller,
  f: { bodyId: string; year: number; register: 'reception' | 'letters' },
): Promise<RegisterRow[]> {
  return (
    await sql<RegisterRow>`select p.id, p.number, p.year, p.received_on, p.channel, p.kind, p.summary, p.content, p.state,
        p.competence, ${identitySql(c)} as identities
      from petitions p
      where p.register_body_id = ${f.bodyId}::uuid and p.year = ${f.year} and p.register = ${f.register}
        and p.number is not null and p.deleted_at is null and ${readableSql(c)}
      order by p.number`.execute(q)
  ).rows;
}

export type CountRow = { dimension: string; key: string | null; n: number };

/**
 * The counts of the six-monthly or yearly report over the cases a body received (or passed to it) from `from` to
 * `to` (inclusive), which the caller reads: by kind, channel, competence; the actions taken in the window (guided,
 * forwarded, filed, proposed…); and the deadlines done in the window on time or late, and those still open past due
 * on `to`. The parts of a split letter count, the letter itself does not.
 */
export async function periodCounts(
  q: Q,
  c: PetitionCaller,
  f: { bodyId: string; from: string; to: string },
): Promise<CountRow[]> {
  return (
    await sql<CountRow>`with cases as (
        select p.* from petitions p
        where p.receiving_body_id = ${f.bodyId}::uuid and p.deleted_at is null and p.state <> 'split'
          and p.received_on between ${f.from}::date and ${f.to}::date and ${readableSql(c)})
      select 'kind' as dimension, kind as key, count(*)::int as n from cases group by kind
      union all select 'channel', channel, count(*)::int from cases group by channel
      union all select 'competence', competence, count(*)::int from cases group by competence
      union all select 'action', e.action, count(*)::int from petition_events e
        join petitions p on p.id = e.petition_id and p.receiving_body_id = ${f.bodyId}::uuid and p.deleted_at is null and ${readableSql(c)}
        where e.day between ${f.from}::date and ${f.to}::date
          and e.action in ('register', 'guide', 'forward', 'file', 'propose', 'record_reply', 'remind', 'supervise', 'withdraw', 'close')
        group by e.action
      union all select 'timeliness', case when d.status = 'met' then 'on_time' else 'late' end, count(*)::int
        from petition_deadlines d join cases p on p.id = d.petition_id
        where d.deleted_at is null and (d.status in ('met', 'missed') and d.done_on between ${f.from}::date and ${f.to}::date
          or d.status = 'open' and d.due_on < ${f.to}::date)
        group by 2`.execute(q)
  ).rows;
}
