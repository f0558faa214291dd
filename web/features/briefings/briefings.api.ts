import { api } from '../../lib/api.ts';
import type { Body, Item, Ok, Query, QueryInput } from '../../lib/contract.ts';

export type Briefing = Item<Ok<'/api/briefings'>['items']>;

export type Notice = NonNullable<Briefing['notice']>;

export type BriefingDetail = Ok<'/api/briefings/{id}'>;

export type Attendee = Item<BriefingDetail['attendees']>;

export type Conclusion = Item<BriefingDetail['conclusions']>;

export type BriefingQuery = QueryInput<Query<'/api/briefings'>>;

export type NewBriefing = Body<'/api/briefings', 'post'>;

export type AttendeeInput = Item<NewBriefing['attendees']>;

/** The changes to a briefing; its conclusions in their new order: an existing one keeps its id, an unlinked one left out is removed. */
export type BriefingChanges = Body<'/api/briefings/{id}', 'patch'>;

export type ConclusionTaskInput = Body<'/api/briefing-conclusions/{id}/task', 'post'>;

export const BRIEFINGS_PATH = '/giao-ban';
export const briefingPagePath = (id: string) => `${BRIEFINGS_PATH}/${encodeURIComponent(id)}`;

export const BRIEFINGS_KEY = ['briefings'] as const;
export const briefingsListKey = (query: BriefingQuery) => [...BRIEFINGS_KEY, 'list', query] as const;
export const briefingKey = (id: string) => [...BRIEFINGS_KEY, 'detail', id] as const;

const path = (id: string) => `/api/briefings/${encodeURIComponent(id)}`;

export function listBriefings(query: BriefingQuery, signal?: AbortSignal): Promise<Ok<'/api/briefings'>> {
  return api('/api/briefings', { query, signal });
}

export function getBriefing(id: string, signal?: AbortSignal): Promise<BriefingDetail> {
  return api(path(id), { signal });
}

export function createBriefing(body: NewBriefing): Promise<Ok<'/api/briefings', 'post'>> {
  return api('/api/briefings', { method: 'POST', body });
}

export function updateBriefing(id: string, body: BriefingChanges): Promise<Ok<'/api/briefings/{id}', 'patch'>> {
  return api(path(id), { method: 'PATCH', body });
}

export function deleteBriefing(id: string, version: number): Promise<Ok<'/api/briefings/{id}/delete', 'post'>> {
  const body: Body<'/api/briefings/{id}/delete', 'post'> = { version };
  return api(`${path(id)}/delete`, { method: 'POST', body });
}

/** Gives the conclusions notice its number (once; asking again keeps it). */
export function issueNotice(id: string, version: number): Promise<Ok<'/api/briefings/{id}/notice', 'post'>> {
  const body: Body<'/api/briefings/{id}/notice', 'post'> = { version };
  return api(`${path(id)}/notice`, { method: 'POST', body });
}

/** "Thông báo kết luận" as Word: a draft without number until issued. */
export const noticeDocxUrl = (id: string) => `${path(id)}/notice.docx`;

export function conclusionToTask(
  conclusionId: string,
  body: ConclusionTaskInput,
): Promise<Ok<'/api/briefing-conclusions/{id}/task', 'post'>> {
  return api(`/api/briefing-conclusions/${encodeURIComponent(conclusionId)}/task`, { method: 'POST', body });
}
