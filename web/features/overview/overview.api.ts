import { api } from '../../lib/api.ts';
import { WORK_KEY, type Counts, type Programme, type Task } from '../work/work.api.ts';

/** GET /api/programmes/:id/overview: the leader's figures for one programme. */
export type Overview = {
  programme: Programme;
  totals: Counts;
  groups: { groupId: string; position: number; name: string; counts: Counts }[];
  /** Top-level tasks outside any group (absent from servers before it was added). */
  ungrouped?: Counts;
  /** Per lead body. */
  bodies: { bodyId: string; bodyName: string; counts: Counts }[];
  kinds: { kind: string; name: string; shownApart: boolean; counts: Counts }[];
  /** Key tasks registered with the Party committee and commissioned tasks, each with its tasks. */
  apart: { kind: string; name: string; counts: Counts; tasks: Task[] }[];
};

export const OVERVIEW_PATH = '/tong-quan';

export const overviewKey = (id: string) => [...WORK_KEY, 'overview', id] as const;

export function getOverview(id: string, signal?: AbortSignal): Promise<Overview> {
  return api(`/api/programmes/${encodeURIComponent(id)}/overview`, { signal });
}
