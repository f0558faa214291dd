import pg from 'pg';

let installed = false;

/** Decoding of PostgreSQL values, in one place:
 * - `date` stays the plain 'YYYY-MM-DD' string (the driver would make it local midnight and shift a day on a UTC server);
 * - `bigint` (int8: money in đồng, counts) becomes a JS number, refusing values beyond 2^53;
 * - `numeric` stays a string (exact). */
export function installTypeParsers(): void {
  if (installed) return;
  installed = true;
  pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`bigint value ${v} is beyond the safe integer range`);
    return n;
  });
}
