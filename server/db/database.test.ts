import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { openDatabase } from './database.ts';

describe('the app’s connections', () => {
  it('run without JIT compiling, on every connection of the pool, unless the URL says otherwise', async () => {
    const test = await createTestDatabase();
    const handle = openDatabase(test.url, { poolSize: 3 });
    try {
      // Three connections held at once, each asked.
      const clients = await Promise.all([1, 2, 3].map(() => handle.pool.connect()));
      const settings = await Promise.all(
        clients.map((c) =>
          c.query<{ jit: string; pid: number }>(`select current_setting('jit') as jit, pg_backend_pid() as pid`),
        ),
      );
      clients.forEach((c) => c.release());
      expect(settings.map((r) => r.rows[0]!.jit)).toEqual(['off', 'off', 'off']);
      expect(new Set(settings.map((r) => r.rows[0]!.pid)).size).toBe(3);
      const own = openDatabase(
        `${test.url}${test.url.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c jit=on')}`,
        { poolSize: 1 },
      );
      try {
        expect((await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(own.db)).rows[0]!.jit).toBe(
          'on',
        );
      } finally {
        await own.close();
      }
    } finally {
      await handle.close();
      await test.drop();
    }
  });
});
