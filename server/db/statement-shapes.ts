import type { CompiledQuery } from 'kysely';
import type { Database } from './database.ts';

/**
 * A statement that Kysely builds and compiles once per shape and then runs with fresh values. Building and
 * compiling the task page's statement cost Node more per request (about 0.1–0.2 ms, a tenth of its time) than
 * PostgreSQL spent reading the rows; the same SQL text each time also lets the prepared-statement names (prepared.ts)
 * be found without hashing a new string.
 *
 * `build(db, shape, values)` must write every value of `values` only as a parameter, never into the SQL text, and
 * must not compute with them; everything it branches on belongs in `shape` (compared as JSON). The first build runs
 * with a marker in place of each value, and a marker found in the SQL text or inside a larger parameter is a
 * programming error, thrown at once, so that a cached text can never carry one caller's value to another.
 */
const MARK = '\u0000khoi-value:';
const MAX_SHAPES = 500;

type Slot = { key: string } | { value: unknown };
type Shape<R> = { sql: string; query: CompiledQuery<R>['query']; queryId: CompiledQuery<R>['queryId']; slots: Slot[] };

export function statementShapes<S, V extends Record<string, unknown>, R>(
  build: (db: Database, shape: S, values: V) => { compile(db: Database): CompiledQuery<R> },
) {
  const shapes = new Map<string, Shape<R>>();
  return (db: Database, shape: S, values: V): CompiledQuery<R> => {
    const key = JSON.stringify(shape);
    let s = shapes.get(key);
    if (!s) {
      const probe = Object.fromEntries(Object.keys(values).map((k) => [k, MARK + k])) as V;
      const compiled = build(db, shape, probe).compile(db);
      if (compiled.sql.includes(MARK))
        throw new Error('statementShapes: a value was written into the SQL text; pass it in the shape');
      const slots = compiled.parameters.map((p): Slot => {
        if (typeof p === 'string' && p.startsWith(MARK) && p.lastIndexOf(MARK) === 0)
          return { key: p.slice(MARK.length) };
        if (JSON.stringify(p ?? null).includes(JSON.stringify(MARK).slice(1, -1)))
          throw new Error(
            'statementShapes: a parameter was computed from a value; compute it before and pass it as a value',
          );
        return { value: p };
      });
      s = { sql: compiled.sql, query: compiled.query, queryId: compiled.queryId, slots };
      if (shapes.size < MAX_SHAPES) shapes.set(key, s);
    }
    return {
      sql: s.sql,
      query: s.query,
      queryId: s.queryId,
      parameters: s.slots.map((slot) => ('key' in slot ? values[slot.key] : slot.value)),
    };
  };
}
