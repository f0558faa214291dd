import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** "In force on `day`": a row's half-open validity [valid_from, valid_to), an open start meaning since before the
 * records began (the catalogue says what was in force on a day, not since when). Every dated table has the two
 * columns. */
export function inForce(alias: string, day: string): RawBuilder<SqlBool> {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<SqlBool>`((${from} is null or ${from} <= ${day}::date) and (${to} is null or ${day}::date < ${to}))`;
}
