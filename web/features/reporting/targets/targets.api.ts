import { api } from '../../../lib/api.ts';
import type { Body, Item, Ok, Query } from '../../../lib/contract.ts';
import { REPORTING_KEY } from '../reporting.api.ts';

// Targets (kế hoạch giao): read with the unit's children, set from the level above, split down the tree.

export type Target = Item<Ok<'/api/reporting/targets'>['items']>;
export type TargetsQuery = Query<'/api/reporting/targets'>;
export type TargetInput = Body<'/api/reporting/targets', 'put'>;
export type TargetSplit = Body<'/api/reporting/targets/{id}/split', 'post'>;
export type SplitMethod = TargetSplit['method'];
export type SplitBasis = NonNullable<TargetSplit['basis']>;

/** A child's row (a unit below, or a body below on the line): its share of the plan, when it has one, and the
 * address that steps down to it. */
export type Row = { id: string; name: string; down: Record<string, string> | null; target: Target | undefined };

/** Under the reporting key: a change of a target refreshes the dashboard's figures beside it too. */
export const TARGETS_KEY = [...REPORTING_KEY, 'targets'] as const;
export const targetsKey = (q: TargetsQuery) => [...TARGETS_KEY, q] as const;

export function listTargets(q: TargetsQuery, signal?: AbortSignal): Promise<Ok<'/api/reporting/targets'>> {
  return api('/api/reporting/targets', { query: q, signal });
}

export function putTarget(body: TargetInput): Promise<Target> {
  return api('/api/reporting/targets', { method: 'PUT', body });
}

export function splitTarget(id: string, body: TargetSplit): Promise<Ok<'/api/reporting/targets/{id}/split', 'post'>> {
  return api(`/api/reporting/targets/${encodeURIComponent(id)}/split`, { method: 'POST', body });
}
