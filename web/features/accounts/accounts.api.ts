import { api } from '../../lib/api.ts';
import type { Body, Ok, Query } from '../../lib/contract.ts';

/** An account as administrators see it. */
export type Account = Ok<'/api/accounts/{id}'>['account'];

export type AccountPage = Ok<'/api/accounts'>;

export type AccountQuery = Query<'/api/accounts'>;

export type NewAccount = Body<'/api/accounts', 'post'>;

export type AccountChanges = Body<'/api/accounts/{id}', 'patch'>;

/** What every write on one account answers. */
type AccountAnswer = Ok<'/api/accounts/{id}', 'patch'>;

export const ACCOUNTS_KEY = ['accounts'] as const;

export function listAccounts(query: AccountQuery, signal?: AbortSignal): Promise<AccountPage> {
  return api('/api/accounts', { query, signal });
}

export function createAccount(body: NewAccount): Promise<Ok<'/api/accounts', 'post'>> {
  return api('/api/accounts', { method: 'POST', body });
}

export function updateAccount(id: string, body: AccountChanges): Promise<AccountAnswer> {
  return api(`/api/accounts/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function setAccountDisabled(
  id: string,
  disabled: boolean,
): Promise<Ok<'/api/accounts/{id}/disable' | '/api/accounts/{id}/enable', 'post'>> {
  return api(`/api/accounts/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
}

export function resetAccountPassword(
  id: string,
  password: string,
): Promise<Ok<'/api/accounts/{id}/reset-password', 'post'>> {
  const body: Body<'/api/accounts/{id}/reset-password', 'post'> = { password };
  return api(`/api/accounts/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body });
}
