import { api } from '../../lib/api.ts';
import type { Ok } from '../../lib/contract.ts';
import { WORK_KEY } from '../work/work.api.ts';

/** GET /api/programmes/:id/overview: the leader's figures for one programme, in total, per group (and outside any),
 * per lead body and per kind, with the key and commissioned tasks apart. */
export type Overview = Ok<'/api/programmes/{id}/overview'>;

export const OVERVIEW_PATH = '/tong-quan';

export const overviewKey = (id: string) => [...WORK_KEY, 'overview', id] as const;

export function getOverview(id: string, signal?: AbortSignal): Promise<Overview> {
  return api(`/api/programmes/${encodeURIComponent(id)}/overview`, { signal });
}
