import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

/** The organisations (body kinds, in their order) that have an approved part of an indicator anywhere: the rows of
 * its breakdown, so that a unit or period where one reported nothing shows an empty cell, not a missing row. */
export async function categoriesOf(q: Q, indicatorId: string) {
  return (
    await sql<{ code: string; name: string; short: string | null }>`
      select k.code, k.name_vi as name, k.short_vi as short
        from body_kinds k
       where exists (select 1 from report_totals t where t.indicator_id = ${indicatorId}::uuid and t.category = k.code and t.count > 0)
       order by k.sort, k.code`.execute(q)
  ).rows;
}
