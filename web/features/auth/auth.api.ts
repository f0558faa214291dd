import { api, isApiError } from '../../lib/api.ts';
import type { Locale } from '../../lib/i18n.ts';

/** The signed-in account, as /api/auth/me presents it. */
export type Me = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  isAdmin: boolean;
  locale: Locale;
  mustChangePassword: boolean;
};

export type Session = { account: Me; csrfToken: string };

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await api<Session>('/api/auth/me', { expectUnauthenticated: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function login(body: { login: string; password: string }): Promise<Session> {
  return api<Session>('/api/auth/login', { method: 'POST', body, expectUnauthenticated: true });
}

export function logout(): Promise<{ ok: true }> {
  return api('/api/auth/logout', { method: 'POST', expectUnauthenticated: true });
}

export function savePreferences(body: { locale: Locale }): Promise<{ account: Me }> {
  return api('/api/auth/me/preferences', { method: 'PATCH', body });
}

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<Session> {
  return api<Session>('/api/auth/password', { method: 'POST', body });
}

export function fetchSetupStatus(): Promise<{ needsSetup: boolean }> {
  return api('/api/setup/status');
}

export type SetupInput = { username: string; displayName: string; email?: string; password: string; setupToken?: string };

export function runSetup(body: SetupInput): Promise<{ ok: true }> {
  return api('/api/setup', { method: 'POST', body });
}
