import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken, setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from '../../lib/api.ts';
import type { Session } from './auth.api.ts';
import { rememberSignedIn } from './firstSignIn.ts';
import { SESSION_KEY } from './session.ts';

/**
 * Reacts to the server's verdicts on the session from any request: a 401 signs the person out locally
 * (the signed-in routes then send them to the login page); PASSWORD_CHANGE_REQUIRED reloads the session,
 * whose mustChangePassword flag sends them to the password page. Every answer about the session (found, signed
 * into, out, lost) sets or clears the cookie that tells index.html whether to draw the sign-in form before the app.
 */
export function installSessionHandlers(queryClient: QueryClient): void {
  setUnauthenticatedHandler(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  });
  setPasswordChangeRequiredHandler(() => {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  });
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || (event.query.queryKey as readonly unknown[])[0] !== SESSION_KEY[0]) return;
    const session = event.query.state.data as Session | null | undefined;
    if (session !== undefined) rememberSignedIn(session !== null);
  });
}
