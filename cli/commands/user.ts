import type { Command } from 'commander';
import { z } from 'zod';
import { createAccountBody } from '../../server/features/accounts/index.ts';
import * as accounts from '../../server/features/accounts/accounts.service.ts';
import { accountIdForLogin } from '../../server/features/auth/auth.service.ts';
import { password as passwordSchema } from '../../server/http/schemas.ts';
import { AppError } from '../../server/http/errors.ts';
import { issueMessage } from '../../server/http/errors.ts';
import { translate } from '../../server/i18n/messages.ts';
import { cliActor, withCliContext } from '../context.ts';

/** Explains a validation or app error in plain words for the terminal. */
export function explain(err: unknown): string {
  if (err instanceof z.ZodError)
    return err.issues.map((i) => `${i.path.join('.') || 'value'}: ${issueMessage('en', i)}`).join('\n');
  if (err instanceof AppError) {
    // The issues say which column, row or limit: without them a refused import reads only "Invalid data.".
    const issues = (err.issues ?? []).map((i) => `  ${translate('en', i.message, err.params)}`);
    return [
      `${translate('en', `errors.${err.code}`, err.params)}${err.field ? ` (${err.field})` : ''}`,
      ...issues,
    ].join('\n');
  }
  return (err as Error).message;
}

async function findByLogin(login: string) {
  return withCliContext(async (ctx) => {
    const id = await accountIdForLogin(ctx, login);
    if (!id) throw new Error(`No account "${login}".`);
    return id;
  });
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage accounts');

  user
    .command('add')
    .description('add an account (works while the server runs)')
    .requiredOption('--login <name>', 'sign-in name')
    .requiredOption('--password <password>', 'password (at least 8 characters)')
    .option('--name <display name>', 'full name shown in the app')
    .option('--email <email>')
    .option('--phone <phone>')
    .option('--admin', 'administrator', false)
    .option('--must-change', 'the person must change the password at first sign-in', false)
    .action(
      async (o: {
        login: string;
        password: string;
        name?: string;
        email?: string;
        phone?: string;
        admin: boolean;
        mustChange: boolean;
      }) => {
        const input = createAccountBody.parse({
          username: o.login,
          displayName: o.name ?? o.login,
          email: o.email,
          phone: o.phone,
          password: o.password,
          isAdmin: o.admin,
        });
        const account = await withCliContext((ctx) =>
          accounts.createAccount(accounts.actingAs(ctx, cliActor), { ...input, mustChangePassword: o.mustChange }),
        );
        console.log(
          `Added account "${account.username}"${account.isAdmin ? ' (administrator)' : ''}, id ${account.id}.`,
        );
      },
    );

  user
    .command('disable')
    .description('disable an account and end its sessions')
    .argument('<login>', 'username, phone or e-mail')
    .action(async (login: string) => {
      const id = await findByLogin(login);
      const account = await withCliContext((ctx) => accounts.disableAccount(accounts.actingAs(ctx, cliActor), id));
      console.log(`Disabled account "${account.username}"; its sessions have ended.`);
    });

  user
    .command('enable')
    .description('enable a disabled account')
    .argument('<login>', 'username, phone or e-mail')
    .action(async (login: string) => {
      const id = await findByLogin(login);
      const account = await withCliContext((ctx) => accounts.enableAccount(accounts.actingAs(ctx, cliActor), id));
      console.log(`Enabled account "${account.username}".`);
    });

  user
    .command('reset')
    .description('set a temporary password; the account must change it at next sign-in')
    .argument('<login>', 'username, phone or e-mail')
    .requiredOption('--password <password>', 'temporary password')
    .action(async (login: string, o: { password: string }) => {
      const pw = passwordSchema.parse(o.password);
      const id = await findByLogin(login);
      const account = await withCliContext((ctx) =>
        accounts.resetPassword(accounts.actingAs(ctx, cliActor), id, { password: pw }),
      );
      console.log(`Password of "${account.username}" reset; it must be changed at next sign-in.`);
    });

  user
    .command('list')
    .description('list accounts')
    .action(async () => {
      const page = await withCliContext((ctx) => accounts.listAccounts({ app: ctx }, { page: 1, pageSize: 200 }));
      for (const a of page.items)
        console.log(
          `${a.username}\t${a.displayName}\t${a.isAdmin ? 'admin' : ''}\t${a.disabled ? 'disabled' : 'active'}`,
        );
      console.log(`${page.total} account(s).`);
    });
}
