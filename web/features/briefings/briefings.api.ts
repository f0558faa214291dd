import { api } from '../../lib/api.ts';
import type { CooperatorInput, TaskDetail, TaskStatus } from '../work/work.api.ts';

/** The contract of server/features/briefings/briefings.schemas.ts, as the web app reads it. */

export type Notice = { number: number; symbol: string; label: string; issuedOn: string };

export type Briefing = {
  id: string;
  bodyId: string;
  bodyName: string;
  unitName: string | null;
  programmeId: string | null;
  programmeTitle: string | null;
  heldOn: string;
  title: string;
  chairPersonId: string | null;
  chairName: string | null;
  conclusionCount: number;
  /** Conclusions that became tasks. */
  linkedCount: number;
  notice: Notice | null;
  version: number;
};

export type Attendee = { id: string; personId: string | null; name: string; bodyId: string | null; bodyName: string | null };

export type Conclusion = {
  id: string;
  position: number;
  text: string;
  task: { id: string; number: number; title: string; status: TaskStatus; leadBodyName: string; dueDate: string | null } | null;
  version: number;
};

export type BriefingDetail = {
  briefing: Briefing & { agenda: string | null; minutes: string | null };
  attendees: Attendee[];
  conclusions: Conclusion[];
  permissions: { manage: boolean };
};

export type BriefingQuery = { bodyId?: string | null; from?: string | null; to?: string | null; q?: string | null; page: number; pageSize: number };

export type AttendeeInput = { personId?: string; name?: string; bodyId?: string | null };

export type NewBriefing = {
  bodyId: string;
  programmeId?: string | null;
  heldOn: string;
  title: string;
  chairPersonId?: string | null;
  agenda?: string | null;
  minutes?: string | null;
  attendees: AttendeeInput[];
  conclusions: string[];
};

export type BriefingChanges = Partial<Omit<NewBriefing, 'bodyId' | 'conclusions'>> & {
  version: number;
  /** The conclusions in their new order: an existing one keeps its id; an unlinked one left out is removed. */
  conclusions?: { id?: string; text: string }[];
};

export type ConclusionTaskInput = {
  programmeId?: string;
  groupId?: string | null;
  kind: string;
  title?: string;
  description?: string;
  leadBodyId: string;
  responsiblePersonId?: string | null;
  dueDate?: string | null;
  cooperators: CooperatorInput[];
  assign: boolean;
};

export const BRIEFINGS_PATH = '/giao-ban';
export const briefingPagePath = (id: string) => `${BRIEFINGS_PATH}/${encodeURIComponent(id)}`;

export const BRIEFINGS_KEY = ['briefings'] as const;
export const briefingsListKey = (query: BriefingQuery) => [...BRIEFINGS_KEY, 'list', query] as const;
export const briefingKey = (id: string) => [...BRIEFINGS_KEY, 'detail', id] as const;

const path = (id: string) => `/api/briefings/${encodeURIComponent(id)}`;

export function listBriefings(query: BriefingQuery, signal?: AbortSignal): Promise<{ items: Briefing[]; total: number }> {
  return api('/api/briefings', { query, signal });
}

export function getBriefing(id: string, signal?: AbortSignal): Promise<BriefingDetail> {
  return api(path(id), { signal });
}

export function createBriefing(body: NewBriefing): Promise<BriefingDetail> {
  return api('/api/briefings', { method: 'POST', body });
}

export function updateBriefing(id: string, body: BriefingChanges): Promise<BriefingDetail> {
  return api(path(id), { method: 'PATCH', body });
}

export function deleteBriefing(id: string, version: number): Promise<{ ok: true }> {
  return api(`${path(id)}/delete`, { method: 'POST', body: { version } });
}

/** Gives the conclusions notice its number (once; asking again keeps it). */
export function issueNotice(id: string, version: number): Promise<BriefingDetail> {
  return api(`${path(id)}/notice`, { method: 'POST', body: { version } });
}

/** "Thông báo kết luận" as Word: a draft without number until issued. */
export const noticeDocxUrl = (id: string) => `${path(id)}/notice.docx`;

export function conclusionToTask(conclusionId: string, body: ConclusionTaskInput): Promise<TaskDetail> {
  return api(`/api/briefing-conclusions/${encodeURIComponent(conclusionId)}/task`, { method: 'POST', body });
}
