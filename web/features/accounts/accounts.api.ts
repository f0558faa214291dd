import { api } from '../../lib/api.ts';
import type { Me } from '../auth/auth.api.ts';

/** An account as administrators see it. */
export type Account = Me & { personId: string | null; disabled: boolean; lastLoginAt: string | null; createdAt: string; version: number };

export type AccountPage = { items: Account[]; total: number; page: number; pageSize: number };

export type AccountQuery = { q: string; page: number; pageSize: number };

export type NewAccount = { username: string; displayName: string; email?: string; phone?: string; password: string; isAdmin: boolean; personId?: string | null };

export type AccountChanges = { version: number; displayName: string; email: string | null; phone: string | null; isAdmin: boolean; personId: string | null };

export const ACCOUNTS_KEY = ['accounts'] as const;

export function listAccounts(query: AccountQuery): Promise<AccountPage> {
  return api('/api/accounts', { query });
}

export function createAccount(body: NewAccount): Promise<{ account: Account }> {
  return api('/api/accounts', { method: 'POST', body });
}

export function updateAccount(id: string, body: AccountChanges): Promise<{ account: Account }> {
  return api(`/api/accounts/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function setAccountDisabled(id: string, disabled: boolean): Promise<{ account: Account }> {
  return api(`/api/accounts/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
}

export function resetAccountPassword(id: string, password: string): Promise<{ account: Account }> {
  return api(`/api/accounts/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body: { password } });
}
