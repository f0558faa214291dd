import type { Me } from '../auth/auth.api.ts';
import { useHoldsPermission } from './useHoldsPermission.ts';

/** Whether to offer village changes (which communes exactly is the server's call). */
export function useCanManageVillages(me: Me): boolean {
  return useHoldsPermission(me, 'units.manage_villages');
}
