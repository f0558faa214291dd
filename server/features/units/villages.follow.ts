import { sql } from 'kysely';
import type { Actor, Trx } from '../../db/tx.ts';

/** Villages follow their commune when it merged whole into one unit (one `full` link on the day it ended):
 * their version is cut on that day and continues under the successor. Villages of a commune that was split,
 * or that ended without a link, wait for an officer to place them (unit_pending). Set-based: a national
 * import moves a hundred thousand villages in a few statements. */
export async function followMergedParents(trx: Trx, _actor: Actor, onlyParents?: string[]): Promise<{ moved: number; waiting: number }> {
  await sql`
    create temporary table follow_candidates on commit drop as
    with ends as (
      select unit_id, max(valid_to) as end_date
        from unit_versions where deleted_at is null
        ${onlyParents ? sql`and unit_id = any(${onlyParents}::uuid[])` : sql``}
       group by unit_id having bool_and(valid_to is not null)
    ),
    successor as (
      select from_unit_id, link_date, (array_agg(to_unit_id))[1] as to_unit_id, count(*) as n, bool_and(type = 'full') as all_full
        from unit_links group by from_unit_id, link_date
    )
    select v.id, v.unit_id, v.valid_to, v.code, v.name, v.kind, v.version, e.end_date,
           case when s.n = 1 and s.all_full then s.to_unit_id end as to_unit_id
      from unit_versions v
      join units u on u.id = v.unit_id and u.level = 4
      join ends e on e.unit_id = v.parent_id
      left join successor s on s.from_unit_id = v.parent_id and s.link_date = e.end_date
     where v.deleted_at is null
       and (v.valid_to is null or v.valid_to > e.end_date)
       and (v.valid_from is null or v.valid_from < e.end_date)`.execute(trx);
  await sql`update unit_versions v set valid_to = c.end_date, updated_at = now(), version = v.version + 1
              from follow_candidates c where v.id = c.id and c.to_unit_id is not null`.execute(trx);
  const moved = await sql`insert into unit_versions (unit_id, valid_from, valid_to, code, name, kind, parent_id, source, version)
              select unit_id, end_date, valid_to, code, name, kind, to_unit_id, 'follow', version + 1
                from follow_candidates where to_unit_id is not null`.execute(trx);
  await sql`update unit_pending p set resolved_at = now()
              from follow_candidates c where p.unit_id = c.unit_id and c.to_unit_id is not null
               and p.reason = 'village_placement' and p.resolved_at is null`.execute(trx);
  const waiting = await sql`insert into unit_pending (unit_id, reason, pending_date)
              select unit_id, 'village_placement', end_date from follow_candidates where to_unit_id is null
              on conflict (unit_id, reason, pending_date) do nothing`.execute(trx);
  await sql`drop table follow_candidates`.execute(trx);
  return { moved: Number(moved.numAffectedRows ?? 0), waiting: Number(waiting.numAffectedRows ?? 0) };
}
