import { sql } from 'kysely';
import type { Trx } from '../../db/tx.ts';

// The statements of villages.follow.ts, set-based over a temporary table of the villages whose commune ended.

/** Fills `follow_candidates` (dropped at commit): the village versions running past the end of their commune (only
 * those communes, when given), with the one unit the commune merged whole into, when there is one. */
export async function createFollowCandidates(trx: Trx, onlyParents?: string[]) {
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
}

/** Cuts the versions of the villages that follow on their commune's end. */
export async function endFollowingVersions(trx: Trx) {
  await sql`update unit_versions v set valid_to = c.end_date, updated_at = now(), version = v.version + 1
              from follow_candidates c where v.id = c.id and c.to_unit_id is not null`.execute(trx);
}

/** Continues those villages under the successor: the number of versions added. */
export async function insertFollowedVersions(trx: Trx): Promise<number> {
  const moved =
    await sql`insert into unit_versions (unit_id, valid_from, valid_to, code, name, kind, parent_id, source, version)
              select unit_id, end_date, valid_to, code, name, kind, to_unit_id, 'follow', version + 1
                from follow_candidates where to_unit_id is not null`.execute(trx);
  return Number(moved.numAffectedRows ?? 0);
}

/** Closes the "place this village" decisions of the villages that followed. */
export async function resolveFollowedPlacements(trx: Trx) {
  await sql`update unit_pending p set resolved_at = now()
              from follow_candidates c where p.unit_id = c.unit_id and c.to_unit_id is not null
               and p.reason = 'village_placement' and p.resolved_at is null`.execute(trx);
}

/** Opens a "place this village" decision for each village that cannot follow: the number opened. */
export async function insertWaitingPlacements(trx: Trx): Promise<number> {
  const waiting = await sql`insert into unit_pending (unit_id, reason, pending_date)
              select unit_id, 'village_placement', end_date from follow_candidates where to_unit_id is null
              on conflict (unit_id, reason, pending_date) do nothing`.execute(trx);
  return Number(waiting.numAffectedRows ?? 0);
}

export async function dropFollowCandidates(trx: Trx) {
  await sql`drop table follow_candidates`.execute(trx);
}
