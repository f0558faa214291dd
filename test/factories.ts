import crypto from 'node:crypto';
import type { AppContext } from '../server/context.ts';
import { actingAs, createAccount } from '../server/features/accounts/accounts.service.ts';
import { createBody, type Account } from '../server/features/accounts/accounts.schemas.ts';

export const PASSWORD = 'mat-khau-thu-nghiem';

/** An account with sensible defaults; `mustChangePassword` is off unless asked for. */
export async function buildAccount(
  ctx: AppContext,
  overrides: Partial<{
    username: string;
    displayName: string;
    email: string;
    phone: string;
    password: string;
    isAdmin: boolean;
    mustChangePassword: boolean;
  }> = {},
): Promise<Account & { password: string }> {
  const n = crypto.randomBytes(3).toString('hex');
  const password = overrides.password ?? PASSWORD;
  // Through the same schema as the API, so e-mail and phone are normalised as they would be.
  const input = createBody.parse({
    username: overrides.username ?? `canbo_${n}`,
    displayName: overrides.displayName ?? `Cán bộ ${n}`,
    email: overrides.email,
    phone: overrides.phone,
    password,
    isAdmin: overrides.isAdmin ?? false,
  });
  const account = await createAccount(actingAs(ctx, { accountId: null, label: 'test' }), {
    ...input,
    mustChangePassword: overrides.mustChangePassword ?? false,
  });
  return { ...account, password };
}

/** The demo data loaded, and two signed-in accounts: an administrator and an ordinary officer without roles. */
export async function demoSessions(t: { app: import('fastify').FastifyInstance; ctx: AppContext }) {
  const { seedDemo } = await import('../server/features/demo/demo.seed.ts');
  const { signIn } = await import('./app.ts');
  await seedDemo(t.ctx, { accountId: null, label: 'test' });
  const admin = await signIn(t.app, (await buildAccount(t.ctx, { isAdmin: true })).username, PASSWORD);
  const officer = await signIn(t.app, (await buildAccount(t.ctx)).username, PASSWORD);
  return { admin, officer };
}

/** A new administrator, signed in (the caller that reaches furthest into every route). */
export async function signInAdmin(t: { app: import('fastify').FastifyInstance; ctx: AppContext }) {
  const { signIn } = await import('./app.ts');
  return signIn(t.app, (await buildAccount(t.ctx, { isAdmin: true })).username, PASSWORD);
}
