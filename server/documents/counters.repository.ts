import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';

type Q = Database | Trx;

/** A document series (its symbol and reset rule), or undefined. */
export function findSeries(q: Q, code: string) {
  return q
    .selectFrom('document_series')
    .select(['code', 'symbol', 'reset'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** An issuing body with what its abbreviation is made of, or undefined. */
export function findIssuer(q: Q, bodyId: string) {
  return q
    .selectFrom('bodies as b')
    .innerJoin('body_kinds as k', 'k.code', 'b.kind')
    .select(['b.name', 'b.short_name', 'k.short_vi', 'k.name_vi'])
    .where('b.id', '=', bodyId)
    .executeTakeFirst();
}

/** Takes the next number of a counter (creating it at 1), locking its row until the transaction ends. */
export async function takeNumber(trx: Trx, issuerBodyId: string, series: string, period: string): Promise<number> {
  const row = await trx
    .insertInto('document_counters')
    .values({ issuer_body_id: issuerBodyId, series, period, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['issuer_body_id', 'series', 'period'])
        .doUpdateSet({ last_number: sql<number>`document_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}
