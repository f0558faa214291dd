import { api } from '../../lib/api.ts';
import type { Body, Item, Ok, Query, QueryInput } from '../../lib/contract.ts';

export type KeyProject = Item<Ok<'/api/key-projects'>['items']>;
export type ProjectSummary = KeyProject['summary'];
export type ScheduleStatus = ProjectSummary['status'];
export type ProjectDetail = Ok<'/api/key-projects/{id}'>;
export type Household = Item<Ok<'/api/key-projects/{id}/households'>['items']>;
export type ConsentStatus = Household['status'];
export type HouseholdDetail = Ok<'/api/key-households/{id}'>;
export type Visit = Item<Ok<'/api/key-projects/{id}/visits'>['items']>;
export type ProjectQuery = QueryInput<Query<'/api/key-projects'>>;
export type HouseholdQuery = QueryInput<Query<'/api/key-projects/{id}/households'>>;
export type NewProject = Body<'/api/key-projects', 'post'>;
export type ProjectChanges = Body<'/api/key-projects/{id}', 'patch'>;
export type NewHousehold = Body<'/api/key-projects/{id}/households', 'post'>;
export type NewVisit = Body<'/api/key-projects/{id}/visits', 'post'>;
export type NewConsent = Body<'/api/key-households/{id}/consents', 'post'>;

export const CONSENT_STATUSES: readonly ConsentStatus[] = ['not_agreed', 'mobilising', 'agreed', 'handed_over'];
export const STATUS_COLOR: Record<ConsentStatus, string> = {
  not_agreed: 'red',
  mobilising: 'gold',
  agreed: 'green',
  handed_over: 'blue',
};
export const SCHEDULE_COLOR: Record<ScheduleStatus, string> = {
  not_started: 'default',
  on_schedule: 'green',
  behind: 'red',
  completed: 'blue',
  no_households: 'default',
};

export const PROJECTS_PATH = '/du-an-trong-diem';
export const projectPath = (id: string) => `${PROJECTS_PATH}/${encodeURIComponent(id)}`;

export const CLEARANCE_KEY = ['clearance'] as const;
export const projectsKey = (q: ProjectQuery) => [...CLEARANCE_KEY, 'list', q] as const;
export const projectKey = (id: string) => [...CLEARANCE_KEY, 'project', id] as const;
export const householdsKey = (id: string, q: HouseholdQuery) => [...CLEARANCE_KEY, 'households', id, q] as const;
export const householdKey = (id: string) => [...CLEARANCE_KEY, 'household', id] as const;

const projectUrl = (id: string) => `/api/key-projects/${encodeURIComponent(id)}`;
const householdUrl = (id: string) => `/api/key-households/${encodeURIComponent(id)}`;

export function listProjects(query: ProjectQuery, signal?: AbortSignal): Promise<Ok<'/api/key-projects'>> {
  return api('/api/key-projects', { query, signal });
}
export function getProject(id: string, signal?: AbortSignal): Promise<ProjectDetail> {
  return api(projectUrl(id), { signal });
}
export function createProject(body: NewProject): Promise<ProjectDetail> {
  return api('/api/key-projects', { method: 'POST', body });
}
export function updateProject(id: string, body: ProjectChanges): Promise<ProjectDetail> {
  return api(projectUrl(id), { method: 'PATCH', body });
}
export function deleteProject(id: string, version: number): Promise<{ ok: true }> {
  const body: Body<'/api/key-projects/{id}/delete', 'post'> = { version };
  return api(`${projectUrl(id)}/delete`, { method: 'POST', body });
}
export function listHouseholds(
  id: string,
  query: HouseholdQuery,
  signal?: AbortSignal,
): Promise<Ok<'/api/key-projects/{id}/households'>> {
  return api(`${projectUrl(id)}/households`, { query, signal });
}
export function createHousehold(projectId: string, body: NewHousehold): Promise<HouseholdDetail> {
  return api(`${projectUrl(projectId)}/households`, { method: 'POST', body });
}
export function getHousehold(id: string, signal?: AbortSignal): Promise<HouseholdDetail> {
  return api(householdUrl(id), { signal });
}
export function addConsent(id: string, body: NewConsent): Promise<HouseholdDetail> {
  return api(`${householdUrl(id)}/consents`, { method: 'POST', body });
}
export function createVisit(projectId: string, body: NewVisit): Promise<Visit> {
  return api(`${projectUrl(projectId)}/visits`, { method: 'POST', body });
}
export function setVisitPhoto(visitId: string, file: File): Promise<Visit> {
  const form = new FormData();
  form.append('file', file);
  return api(`/api/key-visits/${encodeURIComponent(visitId)}/photo`, { method: 'POST', form });
}
