import { api } from '../../lib/api.ts';
import { WORK_KEY, type Task, type TaskRole } from '../work/work.api.ts';

/** The filters of "Việc của tôi", as GET /api/my-work takes them. */
export type MyWorkQuery = { role?: TaskRole; dueWithin?: number; includeDone?: boolean };

/** The digest of what is due: a ready-to-paste Zalo message and the tasks it lists. */
export type Digest = { text: string; items: Task[] };

export const MY_WORK_PATH = '/viec-cua-toi';
export const MY_WORK_PRINT_PATH = `${MY_WORK_PATH}/in`;

// Under WORK_KEY: a progress report or a status change anywhere in the work pages refreshes my work too.
export const myWorkKey = (query: MyWorkQuery) => [...WORK_KEY, 'my-work', query] as const;
export const digestKey = (days: number) => [...WORK_KEY, 'my-work-digest', days] as const;

/** Tasks where I or my body lead, cooperate, or must accept; overdue and due soon first (the server's order). */
export function getMyWork(query: MyWorkQuery, signal?: AbortSignal): Promise<{ items: Task[] }> {
  return api('/api/my-work', {
    query: { role: query.role, dueWithin: query.dueWithin, includeDone: query.includeDone ? 'true' : undefined },
    signal,
  });
}

export function getDigest(days: number, signal?: AbortSignal): Promise<Digest> {
  return api('/api/my-work/digest', { query: { days }, signal });
}
