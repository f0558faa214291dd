import { api } from '../../lib/api.ts';

export type Role = { code: string; name: string; permissions: string[] };

/** A dated role of an account on a unit (and everything below it), optionally narrowed to one body. */
export type RoleAssignment = {
  id: string;
  accountId: string;
  role: string;
  roleName: string;
  unitId: string;
  unitCode: string | null;
  unitName: string;
  bodyId: string | null;
  bodyName: string | null;
  validFrom: string | null;
  validTo: string | null;
  version: number;
};

export const ROLES_KEY = ['roles'] as const;
export const assignmentsKey = (accountId: string) => [...ROLES_KEY, 'account', accountId] as const;
export const MY_ROLES_KEY = [...ROLES_KEY, 'me'] as const;

export function listRoles(): Promise<Role[]> {
  return api('/api/roles');
}

export function listAssignments(accountId: string): Promise<RoleAssignment[]> {
  return api(`/api/accounts/${encodeURIComponent(accountId)}/roles`);
}

/** The signed-in account's own role assignments. */
export function listMyAssignments(): Promise<RoleAssignment[]> {
  return api('/api/auth/me/roles');
}

export function addAssignment(accountId: string, body: { role: string; unitCode: string; bodyId?: string | null; validFrom?: string | null; validTo?: string | null }): Promise<RoleAssignment> {
  return api(`/api/accounts/${encodeURIComponent(accountId)}/roles`, { method: 'POST', body });
}

export function updateAssignment(id: string, body: { version: number; validFrom?: string | null; validTo?: string | null }): Promise<RoleAssignment> {
  return api(`/api/role-assignments/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteAssignment(id: string, version: number): Promise<{ ok: true }> {
  return api(`/api/role-assignments/${encodeURIComponent(id)}/delete`, { method: 'POST', body: { version } });
}
