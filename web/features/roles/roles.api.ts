import { api } from '../../lib/api.ts';
import type { Body, Item, Ok } from '../../lib/contract.ts';

export type Role = Item<Ok<'/api/roles'>>;

/** A dated role of an account on a unit (and everything below it), optionally narrowed to one body. */
export type RoleAssignment = Item<Ok<'/api/accounts/{id}/roles'>>;

export const ROLES_KEY = ['roles'] as const;
export const assignmentsKey = (accountId: string) => [...ROLES_KEY, 'account', accountId] as const;
export const MY_ROLES_KEY = [...ROLES_KEY, 'me'] as const;

export function listRoles(): Promise<Ok<'/api/roles'>> {
  return api('/api/roles');
}

export function listAssignments(accountId: string): Promise<Ok<'/api/accounts/{id}/roles'>> {
  return api(`/api/accounts/${encodeURIComponent(accountId)}/roles`);
}

/** The signed-in account's own role assignments. */
export function listMyAssignments(): Promise<Ok<'/api/auth/me/roles'>> {
  return api('/api/auth/me/roles');
}

export function addAssignment(
  accountId: string,
  body: Body<'/api/accounts/{id}/roles', 'post'>,
): Promise<Ok<'/api/accounts/{id}/roles', 'post'>> {
  return api(`/api/accounts/${encodeURIComponent(accountId)}/roles`, { method: 'POST', body });
}

export function updateAssignment(
  id: string,
  body: Body<'/api/role-assignments/{id}', 'patch'>,
): Promise<Ok<'/api/role-assignments/{id}', 'patch'>> {
  return api(`/api/role-assignments/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteAssignment(
  id: string,
  version: number,
): Promise<Ok<'/api/role-assignments/{id}/delete', 'post'>> {
  const body: Body<'/api/role-assignments/{id}/delete', 'post'> = { version };
  return api(`/api/role-assignments/${encodeURIComponent(id)}/delete`, { method: 'POST', body });
}
