import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * Every parameterised query runs as a named prepared statement on its connection. PostgreSQL then
 * parses it once per connection and, after five executions, may keep a generic plan: the work module's list query
 * spent 4–8 ms of each request in the planner before this. Statements without parameters (begin, commit, DDL,
 * migrations with several commands) keep the simple protocol. A connection that has prepared many distinct
 * statements (IN lists of varying length make new texts) is closed on release instead of growing without bound.
 */
const MAX_PER_CONNECTION = 1000;
const names = new Map<string, string>();
const PREPARED = Symbol('khoi.prepared');

type Patched = pg.PoolClient & { [PREPARED]?: { count: number; seen: Set<string> } };

function nameOf(text: string): string {
  let n = names.get(text);
  if (!n) {
    if (names.size > 10_000) names.clear();
    n = 'k' + crypto.createHash('sha1').update(text).digest('base64url');
    names.set(text, n);
  }
  return n;
}

/** A pool whose clients prepare their parameterised queries (for Kysely's PostgresDialect). */
export function preparingPool(pool: pg.Pool) {
  return {
    async connect(): Promise<pg.PoolClient> {
      const client = (await pool.connect()) as Patched;
      if (!client[PREPARED]) {
        const state = { count: 0, seen: new Set<string>() };
        client[PREPARED] = state;
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        const release = client.release.bind(client);
        (client as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
          if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && rest.length === 0) {
            const name = nameOf(text);
            if (!state.seen.has(name)) {
              state.seen.add(name);
              state.count++;
            }
            return query({ name, text, values });
          }
          return query(text, values, ...rest);
        };
        (client as { release: unknown }).release = (err?: Error | boolean) =>
          release(err ?? (state.count > MAX_PER_CONNECTION ? true : undefined));
      }
      return client;
    },
    end: () => pool.end(),
  };
}
