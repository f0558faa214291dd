import { useQuery } from '@tanstack/react-query';
import { listBodies } from '../bodies/bodies.api.ts';
import { inForceOn } from '../bodies/validity.ts';
import { listMyAssignments, MY_ROLES_KEY } from '../roles/roles.api.ts';
import { PETITIONS_KEY } from './petitions.api.ts';

/** The body the account most likely receives petitions for (the intake's receiving body, the registers' and the
 * report's body): the body its role is narrowed to, or its unit's Front committee. `unitCode`: that unit's code. */
export function useDefaultBody(asOf: string) {
  const mine = useQuery({ queryKey: MY_ROLES_KEY, queryFn: listMyAssignments, staleTime: 300_000 });
  const current = (mine.data ?? []).filter((a) => inForceOn(a.validFrom, a.validTo, asOf));
  const narrowed = current.find((a) => a.bodyId);
  const unitCode = current.find((a) => a.unitCode)?.unitCode ?? null;
  const front = useQuery({
    queryKey: [...PETITIONS_KEY, 'front-of', unitCode, asOf],
    queryFn: ({ signal }) => listBodies({ unit: unitCode, asOf, kind: 'front' }, signal),
    enabled: !narrowed && unitCode !== null,
    staleTime: 300_000,
  });
  const body = narrowed
    ? { id: narrowed.bodyId!, name: narrowed.bodyName ?? '' }
    : front.data?.[0]
      ? { id: front.data[0].id, name: front.data[0].name }
      : null;
  return { body, unitCode };
}
