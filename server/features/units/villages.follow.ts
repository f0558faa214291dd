import { sql } from 'kysely';
import type { Actor, Trx } from '../../db/tx.ts';

/** Villages follow their commune when it merged whole into one unit (one `full` link on the day it ended):
 * their version is cut on that day and continues under the successor. Villages of a commune that was split,
 * or that ended without a link, wait for an officer to place them (unit_pending). */
export async function followMergedParents(trx: Trx, _actor: Actor, onlyParents?: string[]): Promise<{ moved: number; waiting: number }> {
  const rows = await sql<{ id: string; unit_id: string; valid_from: string | null; valid_to: string | null; code: string | null; name: string; kind: string; parent_id: string; end_date: string }>`
    with ends as (
      select unit_id, max(valid_to) as end_date
      from unit_versions where deleted_at is null
      ${onlyParents ? sql`and unit_id = any(${onlyParents}::uuid[])` : sql``}
      group by unit_id having bool_and(valid_to is not null)
    )
    select v.id, v.unit_id, v.valid_from, v.valid_to, v.code, v.name, v.kind, v.parent_id, e.end_date::text as end_date
    from unit_versions v
    join units u on u.id = v.unit_id and u.level = 4
    join ends e on e.unit_id = v.parent_id
    where v.deleted_at is null
      and (v.valid_to is null or v.valid_to > e.end_date)
      and (v.valid_from is null or v.valid_from < e.end_date)`.execute(trx);
  let moved = 0;
  let waiting = 0;
  for (const v of rows.rows) {
    const links = await trx.selectFrom('unit_links').select(['to_unit_id', 'type']).where('from_unit_id', '=', v.parent_id).where('link_date', '=', v.end_date).execute();
    if (links.length === 1 && links[0]!.type === 'full') {
      await trx.updateTable('unit_versions').set((eb) => ({ valid_to: v.end_date, updated_at: new Date(), version: eb('version', '+', 1) })).where('id', '=', v.id).execute();
      await trx
        .insertInto('unit_versions')
        .values({ unit_id: v.unit_id, valid_from: v.end_date, valid_to: v.valid_to, code: v.code, name: v.name, kind: v.kind, parent_id: links[0]!.to_unit_id, source: 'follow' })
        .execute();
      await trx.updateTable('unit_pending').set({ resolved_at: new Date() }).where('unit_id', '=', v.unit_id).where('reason', '=', 'village_placement').where('resolved_at', 'is', null).execute();
      moved++;
    } else {
      const res = await trx
        .insertInto('unit_pending')
        .values({ unit_id: v.unit_id, reason: 'village_placement', pending_date: v.end_date })
        .onConflict((oc) => oc.columns(['unit_id', 'reason', 'pending_date']).doNothing())
        .returning('id')
        .execute();
      waiting += res.length;
    }
  }
  return { moved, waiting };
}
