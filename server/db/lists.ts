import { sql, type SelectQueryBuilder } from 'kysely';

/** A LIKE pattern that finds `text` anywhere in a value, its own %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
}

/** How many rows a list's query finds: its selection replaced by a count (no order, no paging on it). */
export async function countRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  // Kysely cannot type a selection added to a query generic over its tables: the count's row is said here.
  const r = (await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()) as unknown as { n: number };
  return r.n;
}
