import { useQuery } from '@tanstack/react-query';
import { todayInVietnam } from '../../lib/format.ts';
import type { Me } from '../auth/auth.api.ts';
import { inForceOn } from '../bodies/validity.ts';
import { listMyAssignments, listRoles, MY_ROLES_KEY, ROLES_KEY } from './roles.api.ts';

/**
 * Whether to offer what a permission allows: administrators, and accounts holding today a role with the permission
 * on some unit. Which records exactly is the server's call (it answers 403 outside the role's units).
 */
export function useHoldsPermission(me: Me, permission: string): boolean {
  const mine = useQuery({
    queryKey: MY_ROLES_KEY,
    queryFn: listMyAssignments,
    enabled: !me.isAdmin,
    staleTime: 300_000,
  });
  const roles = useQuery({
    queryKey: ROLES_KEY,
    queryFn: listRoles,
    enabled: !me.isAdmin && (mine.data?.length ?? 0) > 0,
    staleTime: 300_000,
  });
  if (me.isAdmin) return true;
  const today = todayInVietnam().format('YYYY-MM-DD');
  const granting = new Set((roles.data ?? []).filter((r) => r.permissions.includes(permission)).map((r) => r.code));
  return (mine.data ?? []).some((a) => granting.has(a.role) && inForceOn(a.validFrom, a.validTo, today));
}
