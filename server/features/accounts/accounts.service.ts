import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { rethrowUnique } from '../../db/errors.ts';
import { AppError } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { endSessionsOfAccount } from '../auth/index.ts';
import { revokeTokensOfAccount } from '../tokens/index.ts';
import * as repo from './accounts.repository.ts';
import { presentAccount, type Account, type CreateAccountInput, type UpdateAccountInput } from './accounts.schemas.ts';

/** Accounts are managed by administrators (the route's access): the service needs nothing of the caller beyond who
 * acts, and of the app also the password hasher. */
export type AccountsRequest = RequestContext<null> & { app: Pick<AppContext, 'passwords'> };
type AccountsReading = { app: Pick<AppContext, 'db'> };

/** The request of a caller without HTTP (the CLI, test data): who acts, with the app's pieces. */
export function actingAs(app: AccountsRequest['app'], actor: Actor): AccountsRequest {
  return { app, actor, caller: null, lang: 'vi' };
}

export async function listAccounts(r: AccountsReading, query: { q?: string; page: number; pageSize: number }) {
  const { items, total } = await repo.list(r.app.db, {
    q: query.q,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: items.map(presentAccount), total, page: query.page, pageSize: query.pageSize };
}

export async function getAccount(r: AccountsReading, id: string): Promise<Account> {
  const row = await repo.findById(r.app.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentAccount(row);
}

/** Adds an account. Unless `mustChangePassword` is false (the first admin, the CLI), the person changes the password at first sign-in. */
export async function createAccount(
  r: AccountsRequest,
  input: CreateAccountInput & { mustChangePassword?: boolean },
): Promise<Account> {
  const passwordHash = await r.app.passwords.hash(input.password);
  const row = await inTransaction(r.app.db, r.actor, async (trx) => {
    if (input.personId && !(await repo.livePersonExists(trx, input.personId))) throw referenceRefused('personId');
    const created = await repo
      .insert(trx, {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash,
        isAdmin: input.isAdmin,
        mustChangePassword: input.mustChangePassword ?? true,
      })
      .catch(rethrowUnique);
    if (!input.personId) return created;
    return repo.linkPerson(trx, created.id, input.personId);
  });
  return presentAccount(row);
}

async function guardLastAdmin(trx: Trx, id: string) {
  const target = await repo.findById(trx, id);
  if (!target) throw new AppError('NOT_FOUND');
  if (target.is_admin && !target.disabled_at && (await repo.countActiveAdmins(trx, id)) === 0)
    throw new AppError('CANNOT_REMOVE_LAST_ADMIN');
}

export async function updateAccount(r: AccountsRequest, id: string, input: UpdateAccountInput): Promise<Account> {
  const row = await inTransaction(r.app.db, r.actor, async (trx) => {
    if (input.isAdmin === false) await guardLastAdmin(trx, id);
    const set: Parameters<typeof repo.update>[3] = {};
    if (input.displayName !== undefined) set.display_name = input.displayName;
    if (input.email !== undefined) set.email = input.email;
    if (input.phone !== undefined) set.phone = input.phone;
    if (input.isAdmin !== undefined) set.is_admin = input.isAdmin;
    if (input.personId !== undefined) {
      if (input.personId && !(await repo.livePersonExists(trx, input.personId))) throw referenceRefused('personId');
      set.person_id = input.personId;
    }
    const updated = await repo.update(trx, id, input.version, set, r.app.clock.now()).catch(rethrowUnique);
    if (!updated) throw new AppError((await repo.findById(trx, id)) ? 'CONFLICT' : 'NOT_FOUND');
    return updated;
  });
  return presentAccount(row);
}

async function latestVersion(db: Database, id: string): Promise<number> {
  const row = await repo.findById(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row.version;
}

/** Disables an account and ends all its sessions and API tokens at once, for good: enabling it again revives none. */
export async function disableAccount(
  r: AccountsRequest,
  id: string,
  input: { version?: number } = {},
): Promise<Account> {
  const { app, actor } = r;
  if (actor.accountId === id) throw new AppError('CANNOT_DISABLE_SELF');
  const v = input.version ?? (await latestVersion(app.db, id));
  const row = await inTransaction(app.db, actor, async (trx) => {
    await guardLastAdmin(trx, id);
    const updated = await repo.update(trx, id, v, { disabled_at: app.clock.now() }, app.clock.now());
    if (!updated) throw new AppError('CONFLICT');
    await endSessionsOfAccount(trx, id);
    await revokeTokensOfAccount(trx, id, app.clock.now());
    return updated;
  });
  return presentAccount(row);
}

/** Enables an account; it signs in afresh and makes new tokens. */
export async function enableAccount(
  r: AccountsRequest,
  id: string,
  input: { version?: number } = {},
): Promise<Account> {
  const { app } = r;
  const v = input.version ?? (await latestVersion(app.db, id));
  const row = await inTransaction(app.db, r.actor, async (trx) => {
    const before = await repo.findById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== v) throw new AppError('CONFLICT');
    const updated = await repo.update(trx, id, v, { disabled_at: null }, app.clock.now());
    if (!updated) throw new AppError('CONFLICT');
    if (before.disabled_at) {
      // A disabled account can make neither sessions nor tokens, so any still here predate its disable: those of a
      // disable that only set disabled_at (a handover, a direct write) end here, not come back to life.
      await endSessionsOfAccount(trx, id);
      await revokeTokensOfAccount(trx, id, app.clock.now());
    }
    return updated;
  });
  return presentAccount(row);
}

/** Sets a temporary password: the account must change it at next sign-in; its sessions end. */
export async function resetPassword(
  r: AccountsRequest,
  id: string,
  input: { password: string; mustChange?: boolean },
): Promise<Account> {
  const { app } = r;
  const v = await latestVersion(app.db, id);
  const hash = await app.passwords.hash(input.password);
  const row = await inTransaction(app.db, r.actor, async (trx) => {
    const updated = await repo.update(
      trx,
      id,
      v,
      { password_hash: hash, must_change_password: input.mustChange ?? true },
      app.clock.now(),
    );
    if (!updated) throw new AppError('CONFLICT');
    await endSessionsOfAccount(trx, id);
    return updated;
  });
  return presentAccount(row);
}

/** How many live accounts there are (none: the first administrator is still to be created). */
export async function countAccounts(q: Database | Trx): Promise<number> {
  return repo.countAll(q);
}

/** Adds an administrator inside the caller's transaction, who is not asked to change the password (the first-run
 * screen, which hashes it and checks there is no account yet in that transaction). */
export async function insertAdministrator(
  trx: Trx,
  input: { username: string; displayName: string; email: string | null; passwordHash: string },
): Promise<void> {
  await repo
    .insert(trx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email,
      phone: null,
      passwordHash: input.passwordHash,
      isAdmin: true,
      mustChangePassword: false,
    })
    .catch(rethrowUnique);
}
