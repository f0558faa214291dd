import path from 'node:path';
import type { Command } from 'commander';
import { parseEnv } from '../../server/env.ts';
import { connectDatabase } from '../../server/main.ts';
import { backup, restore } from '../../server/features/backup/backup.service.ts';

async function withDatabaseUrl<T>(fn: (url: string, filesDir: string) => Promise<T>): Promise<T> {
  const env = parseEnv();
  const conn = await connectDatabase(env, (m) => console.error(m));
  try {
    return await fn(conn.url, path.join(env.dataDir, 'files'));
  } finally {
    if (conn.embedded && !conn.embedded.reused) await conn.embedded.stop();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write one archive with every table (one consistent snapshot), the schema version and the stored files',
    )
    .argument('<file>', 'archive to write, e.g. khoi-2026-11-22.backup')
    .action(async (file: string) => {
      const m = await withDatabaseUrl((url, filesDir) => backup(url, path.resolve(file), { filesDir }));
      const rows = m.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `Backup written to ${path.resolve(file)}: schema ${m.schemaVersion}, ${m.tables.length} tables, ${rows} rows, ${m.files} stored files.`,
      );
    });

  program
    .command('restore')
    .description(
      'restore an archive made by `khoi backup` (refuses a newer schema, and a non-empty database unless --replace)',
    )
    .argument('<file>', 'archive to read')
    .option('--replace', 'overwrite a database that already holds data', false)
    .action(async (file: string, o: { replace: boolean }) => {
      const m = await withDatabaseUrl((url, filesDir) =>
        restore(url, path.resolve(file), { replace: o.replace, filesDir }),
      );
      const rows = m.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `Restored ${rows} rows in ${m.tables.length} tables and ${m.files} stored files from ${path.resolve(file)} (made ${m.createdAt}, schema ${m.schemaVersion}).`,
      );
    });
}
