import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../../lib/api.ts';
import { logout } from './auth.api.ts';
import { LOGIN_PATH } from './auth.paths.ts';
import { markSignedOutOnPurpose, SESSION_KEY } from './session.ts';

/** Signs out on the server, then forgets everything cached locally, even if the server could not be reached. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await logout();
    } catch {
      // The cookie may already be gone or the server down: signing out locally is still right.
    }
    markSignedOutOnPurpose();
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
    void navigate(LOGIN_PATH, { replace: true });
  };
}
