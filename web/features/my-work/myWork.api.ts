import { api } from '../../lib/api.ts';
import type { Ok, Query } from '../../lib/contract.ts';
import { WORK_KEY } from '../work/work.api.ts';

/** The filters of "Việc của tôi", as GET /api/my-work takes them; `includeDone` a boolean here, `'true'` on the wire. */
export type MyWorkQuery = Pick<Query<'/api/my-work'>, 'role' | 'dueWithin'> & { includeDone?: boolean };

/** The digest of what is due: a ready-to-paste Zalo message and the tasks it lists. */
export type Digest = Ok<'/api/my-work/digest'>;

export const MY_WORK_PATH = '/viec-cua-toi';
export const MY_WORK_PRINT_PATH = `${MY_WORK_PATH}/in`;

// Under WORK_KEY: a progress report or a status change anywhere in the work pages refreshes my work too.
export const myWorkKey = (query: MyWorkQuery) => [...WORK_KEY, 'my-work', query] as const;
export const digestKey = (days: number) => [...WORK_KEY, 'my-work-digest', days] as const;

/** One page of my work with the totals of all of it (by section: overdue, due within 7 days, the rest). */
export type MyWorkPage = Ok<'/api/my-work'>;

/** A page of the cards; the print view asks for the most a page holds (500). */
export const MY_WORK_PAGE_SIZE = 100;

/** Tasks where I or my body lead, cooperate, or must accept; overdue and due soon first (the server's order). */
export function getMyWork(
  query: MyWorkQuery,
  signal?: AbortSignal,
  page = 1,
  pageSize = MY_WORK_PAGE_SIZE,
): Promise<MyWorkPage> {
  const sent: Query<'/api/my-work'> = {
    role: query.role,
    dueWithin: query.dueWithin,
    includeDone: query.includeDone ? 'true' : undefined,
    page,
    pageSize,
  };
  return api('/api/my-work', { query: sent, signal });
}

export function getDigest(days: number, signal?: AbortSignal): Promise<Digest> {
  const query: Query<'/api/my-work/digest'> = { days };
  return api('/api/my-work/digest', { query, signal });
}
