import { api } from '../../lib/api.ts';

/** A personal API token as listed (never its secret). */
export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Last day of validity, YYYY-MM-DD. */
  expiresAt: string | null;
};

export const TOKENS_KEY = ['tokens'] as const;

export function listTokens(): Promise<{ items: ApiToken[] }> {
  return api('/api/tokens');
}

export function createToken(body: { name: string; expiresAt?: string }): Promise<{ token: ApiToken; secret: string }> {
  return api('/api/tokens', { method: 'POST', body });
}

export function revokeToken(id: string): Promise<{ ok: true }> {
  return api(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
