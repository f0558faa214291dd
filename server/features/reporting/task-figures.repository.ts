import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

/** Live indicators by id, with what a task shows of them. */
export function liveIndicators(q: Q, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return q
    .selectFrom('indicators')
    .select(['id', 'code', 'name', 'measure', 'value_type'])
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
}

export type UnitOnDay = { unit_id: string; code: string | null; name: string; day: string; asked: string };

/** Units on a day, or on the last day they were in force when they ended before it (a commune merged away in the
 * middle of a task's year is read up to its end). */
export async function unitsOn(q: Q, asks: readonly { unitId: string; day: string }[]): Promise<UnitOnDay[]> {
  if (!asks.length) return [];
  return (
    await sql<UnitOnDay>`
      select distinct on (a.unit_id, a.day) a.unit_id, t.code, t.name,
             least(a.day, coalesce(t.valid_to - 1, a.day))::text as day, a.day::text as asked
        from unnest(${asks.map((a) => a.unitId)}::uuid[], ${asks.map((a) => a.day)}::date[]) as a (unit_id, day)
        join unit_tree t on t.unit_id = a.unit_id and (t.valid_from is null or t.valid_from <= a.day)
       order by a.unit_id, a.day, t.valid_from desc nulls last`.execute(q)
  ).rows;
}
