import { onCommit } from '../../db/tx.ts';
import type { Database } from '../../db/database.ts';

/**
 * Who a session cookie or API token stands for, remembered for at most one second (the lookup was one
 * of four round trips on every request). A revoked session, a disabled account or a changed role stops working
 * within that second on every server; on this server at once, because every committed transaction here (logout,
 * disabling, role changes, password changes) empties the cache. An entry also lapses when the application clock
 * (the tests' controllable one included) has moved by a second or more, so expiry follows that clock.
 */
const TTL_MS = 1000;
type Entry<T> = { value: T; realAt: number; clockAt: number; expiresAt: number };
// `forgotten` counts the commits that emptied the map: a value loaded while one committed may predate it, and is
// returned but not remembered (else a role ended here could go on answering for a second).
type Cache = { entries: Map<string, Entry<unknown>>; forgotten: number };
const caches = new WeakMap<Database, Cache>();

function cacheOf(db: Database): Cache {
  let c = caches.get(db);
  if (!c) {
    const fresh: Cache = { entries: new Map(), forgotten: 0 };
    caches.set(db, fresh);
    onCommit(db, () => {
      fresh.entries.clear();
      fresh.forgotten++;
    });
    c = fresh;
  }
  return c;
}

/** The remembered value of `key`, or `load()`'s (remembered when not null). `expiresAt`: the session's own expiry. */
export async function rememberedIdentity<T>(
  db: Database,
  key: string,
  now: Date,
  load: () => Promise<{ value: T; expiresAt?: Date | null } | null>,
): Promise<T | null> {
  const c = cacheOf(db);
  const cache = c.entries;
  const real = performance.now();
  const clock = now.getTime();
  const hit = cache.get(key) as Entry<T> | undefined;
  if (hit && real - hit.realAt < TTL_MS && Math.abs(clock - hit.clockAt) < TTL_MS && clock < hit.expiresAt)
    return hit.value;
  if (hit) cache.delete(key);
  const before = c.forgotten;
  const loaded = await load();
  if (!loaded) return null;
  if (c.forgotten !== before) return loaded.value;
  if (cache.size >= 10_000) cache.clear();
  cache.set(key, {
    value: loaded.value,
    realAt: real,
    clockAt: clock,
    expiresAt: loaded.expiresAt ? new Date(loaded.expiresAt).getTime() : Infinity,
  });
  return loaded.value;
}
