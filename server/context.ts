import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { Env } from './env.ts';
import type { PasswordHasher } from './security/passwords.ts';
import type { FileStore } from './storage/file-store.ts';

/** What the services need, built once at start (and by tests with their own database and clock). */
export type AppContext = {
  env: Env;
  db: Database;
  clock: Clock;
  passwords: PasswordHasher;
  dbMode: 'embedded' | 'external';
  /** one-time token for the first-run screen when opened from another machine */
  setupToken: string;
  /** where stored files live (`<data folder>/files` on disk by default) */
  files: FileStore;
};
