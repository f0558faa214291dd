import crypto from 'node:crypto';
import { systemClock } from '../server/clock.ts';
import type { AppContext } from '../server/context.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { parseEnv } from '../server/env.ts';
import { argon2Hasher } from '../server/security/passwords.ts';
import { connectDatabase } from '../server/main.ts';
import type { Actor } from '../server/db/tx.ts';
import path from 'node:path';
import { diskFileStore } from '../server/storage/file-store.ts';
import { wireModules } from '../server/wiring.ts';

export const cliActor: Actor = { accountId: null, label: 'cli' };

/** Opens the database the server uses (the running embedded server is reused, not restarted),
 * runs `fn`, then closes; an embedded server started just for this command is stopped again. */
export async function withCliContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const env = parseEnv();
  wireModules();
  const conn = await connectDatabase(env, (m) => console.error(m));
  try {
    await migrate(conn.url);
    const handle = openDatabase(conn.url, { poolSize: 2, applicationName: 'khoi-cli' });
    try {
      return await fn({
        env,
        db: handle.db,
        clock: systemClock,
        passwords: argon2Hasher('production'),
        dbMode: conn.mode,
        setupToken: crypto.randomBytes(18).toString('base64url'),
        files: diskFileStore(path.join(env.dataDir, 'files')),
      });
    } finally {
      await handle.close();
    }
  } finally {
    if (conn.embedded && !conn.embedded.reused) await conn.embedded.stop();
  }
}
