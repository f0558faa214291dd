import type { AppContext } from '../context.ts';

/** The signed-in account as this layer reads it. The auth feature adds the rest of the account's shape (its `Me`)
 * to this interface (auth.schemas.ts), so routes see every field while the HTTP layer depends on no feature. */
export interface IdentityAccount {
  id: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
}

/** Who is calling: the account, and whether it came with the session cookie or an API token. */
export type Identity = {
  me: IdentityAccount;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  /** the person (register) the account stands for, read with the session or token */
  personId?: string | null;
};

/** How the auth hook finds the identity of a request; the auth feature provides it (wired in server/app.ts). */
export type IdentityResolver = {
  fromSession: (ctx: AppContext, cookieToken: string) => Promise<Identity | null>;
  fromToken: (ctx: AppContext, secret: string, today: string) => Promise<Identity | null>;
};
