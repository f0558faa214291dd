import { api, isApiError } from '../../lib/api.ts';
import type { Body, Ok } from '../../lib/contract.ts';

/** The signed-in account, as /api/auth/me presents it. */
export type Me = Ok<'/api/auth/me'>['account'];

/** The account and, for a browser session, its anti-forgery token (a caller with an API token gets none). */
export type Session = Ok<'/api/auth/me'>;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await api<Session>('/api/auth/me', { expectUnauthenticated: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function login(body: Body<'/api/auth/login', 'post'>): Promise<Ok<'/api/auth/login', 'post'>> {
  return api('/api/auth/login', { method: 'POST', body, expectUnauthenticated: true });
}

export function logout(): Promise<Ok<'/api/auth/logout', 'post'>> {
  return api('/api/auth/logout', { method: 'POST', expectUnauthenticated: true });
}

export function savePreferences(
  body: Body<'/api/auth/me/preferences', 'patch'>,
): Promise<Ok<'/api/auth/me/preferences', 'patch'>> {
  return api('/api/auth/me/preferences', { method: 'PATCH', body });
}

export function changePassword(body: Body<'/api/auth/password', 'post'>): Promise<Ok<'/api/auth/password', 'post'>> {
  return api('/api/auth/password', { method: 'POST', body });
}

export function fetchSetupStatus(): Promise<Ok<'/api/setup/status'>> {
  return api('/api/setup/status');
}

export type SetupInput = Body<'/api/setup', 'post'>;

export function runSetup(body: SetupInput): Promise<Ok<'/api/setup', 'post'>> {
  return api('/api/setup', { method: 'POST', body });
}
