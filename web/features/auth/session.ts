import { useQuery, type QueryClient } from '@tanstack/react-query';
import { retryTransient, setCsrfToken } from '../../lib/api.ts';
import { setLocale } from '../../lib/i18n.ts';
import { fetchSession, type Me, type Session } from './auth.api.ts';
import { LOGIN_PATH } from './auth.paths.ts';

export const SESSION_KEY = ['session'] as const;

// Set when the person signs out themselves, so the login page is opened without a "return to" address
// (which would otherwise send the next person who signs in on this browser to the same page).
let signedOutOnPurpose = false;

export function markSignedOutOnPurpose(): void {
  signedOutOnPurpose = true;
}

export function isSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}

/** The sign-in page for someone without a session at `here`, asked to come back there afterwards (not after signing
 * out on purpose, nor for "/", which opens the person's own first page). */
export function signInPathFor(here: string): string {
  return here === '/' || signedOutOnPurpose ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(here)}`;
}

async function adopt(session: Session | null): Promise<void> {
  if (session) signedOutOnPurpose = false;
  setCsrfToken(session?.csrfToken ?? null);
  // The account's language wins over the one remembered in this browser.
  if (session) await setLocale(session.account.locale);
}

/** Adopts a session answer (login, password change): its CSRF token, the account's language, the cache. */
export async function adoptSession(queryClient: QueryClient, session: Session | null): Promise<void> {
  await adopt(session);
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Replaces the signed-in account after a change (preferences) without touching the CSRF token. */
export function updateSessionAccount(queryClient: QueryClient, account: Me): void {
  queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, account } : old));
}

/** The session query: null when signed out. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const session = await fetchSession();
      await adopt(session);
      return session;
    },
    staleTime: Infinity,
    retry: retryTransient,
  });
}

/** The signed-in account; only inside the signed-in routes (RequireSession guarantees it). */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() used outside a signed-in route');
  return data.account;
}
