import { api } from '../../lib/api.ts';
import type { Body, Item, Ok } from '../../lib/contract.ts';

/** A personal API token as listed (never its secret); `expiresAt` is its last day of validity. */
export type ApiToken = Item<Ok<'/api/tokens'>['items']>;

export const TOKENS_KEY = ['tokens'] as const;

export function listTokens(): Promise<Ok<'/api/tokens'>> {
  return api('/api/tokens');
}

export function createToken(body: Body<'/api/tokens', 'post'>): Promise<Ok<'/api/tokens', 'post'>> {
  return api('/api/tokens', { method: 'POST', body });
}

export function revokeToken(id: string): Promise<Ok<'/api/tokens/{id}', 'delete'>> {
  return api(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
