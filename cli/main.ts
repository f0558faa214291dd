import { Command } from 'commander';
import { serve } from '../server/main.ts';
import { parseEnv } from '../server/env.ts';
import { connectDatabase } from '../server/main.ts';
import { migrate } from '../server/db/migrate.ts';
import { explain, registerUserCommands } from './commands/user.ts';
import { registerDataCommands, registerRegisterImports } from './commands/data.ts';
import { registerBackupCommands } from './commands/backup.ts';

const program = new Command();
program.name('khoi').description('Khối — the work platform of the Fatherland Front bloc').showHelpAfterError();

program
  .command('serve')
  .description('start Khối (embedded PostgreSQL unless DATABASE_URL is set)')
  .action(async () => {
    await serve();
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const env = parseEnv();
    const conn = await connectDatabase(env, (m) => console.error(m));
    try {
      const result = await migrate(conn.url, (m) => console.log(m));
      console.log(
        result.applied.length
          ? `Applied ${result.applied.length} migration(s); schema at ${result.current}.`
          : `Nothing to apply; schema at ${result.current}.`,
      );
    } finally {
      if (conn.embedded && !conn.embedded.reused) await conn.embedded.stop();
    }
  });

registerUserCommands(program);
registerDataCommands(program);
registerRegisterImports(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(`khoi: ${explain(err)}`);
  process.exit(1);
}
