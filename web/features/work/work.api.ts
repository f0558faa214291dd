import { api } from '../../lib/api.ts';
import type { Body, Covers, FormFields, Item, Ok, Query, QueryInput, WithRequired } from '../../lib/contract.ts';

export type Task = Item<Ok<'/api/tasks'>['items']>;

export type TaskStatus = Task['status'];
export const TASK_STATUSES = [
  'draft',
  'assigned',
  'in_progress',
  'reported_done',
  'accepted',
  'returned',
  'suspended',
  'cancelled',
] as const satisfies readonly TaskStatus[];
const _allStatuses: Covers<typeof TASK_STATUSES, TaskStatus> = true;

export type TaskAction = Body<'/api/tasks/{id}/transition', 'post'>['action'];
export const TASK_ACTIONS = [
  'assign',
  'start',
  'report_done',
  'accept',
  'return',
  'suspend',
  'resume',
  'cancel',
  'reassign',
] as const satisfies readonly TaskAction[];
const _allActions: Covers<typeof TASK_ACTIONS, TaskAction> = true;

export type Timeliness = Task['timeliness'];
export type Priority = Task['priority'];
export type Recurrence = NonNullable<Task['recurrence']>;
export type TaskRole = Item<Task['myRoles']>;

export type Kind = Item<Ok<'/api/work/kinds'>>;

export type Programme = Item<Ok<'/api/programmes'>>;

/** Counts of top-level tasks (cancelled left out), with the weighted progress. */
export type Counts = Programme['counts'];

export type ProgrammeDetail = Ok<'/api/programmes/{id}'>;

export type Group = Item<ProgrammeDetail['groups']>;

/** What an import from Excel made: the new programme's id and title, and how many groups and tasks it has. */
export type ProgrammeImport = Ok<'/api/programmes/import', 'post'>;

/** A task with its programme, parent chain (top first), cooperators, subtasks, updates (newest first), files, extensions, the briefing conclusion it came from and what the caller may do. */
export type TaskDetail = Ok<'/api/tasks/{id}'>;

export type FileItem = Ok<'/api/uploads', 'post'>;

export type Update = Item<TaskDetail['updates']>;
export type UpdateKind = Update['kind'];

export type Extension = Item<TaskDetail['extensions']>;

export type Cooperator = Item<TaskDetail['cooperators']>;

export type TaskPermissions = TaskDetail['permissions'];

export type NewTask = Body<'/api/tasks', 'post'>;

export type CooperatorInput = Item<Body<'/api/tasks/{id}/cooperators', 'put'>['cooperators']>;

export type TaskChanges = Body<'/api/tasks/{id}', 'patch'>;

export type TransitionInput = Body<'/api/tasks/{id}/transition', 'post'>;

export type ProgressInput = Body<'/api/tasks/{id}/progress', 'post'>;

export type CascadeResult = Ok<'/api/tasks/{id}/cascade', 'post'>;

type TaskQuery = Query<'/api/tasks'>;

export type ProgrammeQuery = QueryInput<Query<'/api/programmes'>>;

/** The filters of a programme's task views (all optional but the programme), as sent to GET /api/tasks; statuses as a list. */
export type TaskFilter = WithRequired<
  Pick<TaskQuery, 'programmeId' | 'groupId' | 'bodyId' | 'kind' | 'timeliness' | 'dueFrom' | 'dueTo' | 'unit' | 'q'>,
  'programmeId'
> & {
  status?: TaskStatus[];
};

// ---------- Query keys: every work query starts with WORK_KEY, so one invalidation refreshes them all ----------
export const WORK_KEY = ['work'] as const;
export const KINDS_KEY = [...WORK_KEY, 'kinds'] as const;
export const programmesKey = (query: ProgrammeQuery) => [...WORK_KEY, 'programmes', query] as const;
export const programmeKey = (id: string) => [...WORK_KEY, 'programme', id] as const;
export const tasksKey = (filter: TaskFilter) => [...WORK_KEY, 'tasks', filter] as const;
export const taskKey = (id: string) => [...WORK_KEY, 'task', id] as const;

const enc = encodeURIComponent;

export function getWorkPermissions(signal?: AbortSignal): Promise<Ok<'/api/work/permissions'>> {
  return api('/api/work/permissions', { signal });
}

export function listKinds(): Promise<Ok<'/api/work/kinds'>> {
  return api('/api/work/kinds');
}

export function listProgrammes(query: ProgrammeQuery, signal?: AbortSignal): Promise<Ok<'/api/programmes'>> {
  const sent: QueryInput<Query<'/api/programmes'>> = { year: query.year, bodyId: query.bodyId, q: query.q };
  return api('/api/programmes', { query: sent, signal });
}

export function createProgramme(body: Body<'/api/programmes', 'post'>): Promise<Ok<'/api/programmes', 'post'>> {
  return api('/api/programmes', { method: 'POST', body });
}

export function getProgramme(id: string, signal?: AbortSignal): Promise<ProgrammeDetail> {
  return api(`/api/programmes/${enc(id)}`, { signal });
}

export function updateProgramme(
  id: string,
  body: Body<'/api/programmes/{id}', 'patch'>,
): Promise<Ok<'/api/programmes/{id}', 'patch'>> {
  return api(`/api/programmes/${enc(id)}`, { method: 'PATCH', body });
}

export function deleteProgramme(id: string, version: number): Promise<Ok<'/api/programmes/{id}/delete', 'post'>> {
  const body: Body<'/api/programmes/{id}/delete', 'post'> = { version };
  return api(`/api/programmes/${enc(id)}/delete`, { method: 'POST', body });
}

export function importProgramme(
  input: FormFields<'/api/programmes/import', 'post'> & { file: File },
): Promise<ProgrammeImport> {
  const form = new FormData();
  form.append('bodyId', input.bodyId);
  form.append('year', String(input.year));
  form.append('title', input.title);
  form.append('file', input.file);
  return api('/api/programmes/import', { method: 'POST', form });
}

export const exportXlsxUrl = (id: string) => `/api/programmes/${enc(id)}/export.xlsx`;
export const reportDocxUrl = (id: string) => `/api/programmes/${enc(id)}/report.docx`;

export function createGroup(
  programmeId: string,
  body: Body<'/api/programmes/{id}/groups', 'post'>,
): Promise<Ok<'/api/programmes/{id}/groups', 'post'>> {
  return api(`/api/programmes/${enc(programmeId)}/groups`, { method: 'POST', body });
}

export function updateGroup(
  id: string,
  body: Body<'/api/task-groups/{id}', 'patch'>,
): Promise<Ok<'/api/task-groups/{id}', 'patch'>> {
  return api(`/api/task-groups/${enc(id)}`, { method: 'PATCH', body });
}

export function deleteGroup(id: string, version: number): Promise<Ok<'/api/task-groups/{id}/delete', 'post'>> {
  const body: Body<'/api/task-groups/{id}/delete', 'post'> = { version };
  return api(`/api/task-groups/${enc(id)}/delete`, { method: 'POST', body });
}

/** The address of a task list query; statuses repeat the `status` parameter (the server reads them as a list). */
function tasksPath(filter: TaskFilter, extra: Pick<TaskQuery, 'page' | 'pageSize' | 'sort'>): string {
  const p = new URLSearchParams();
  const { status, ...rest } = filter;
  for (const [k, v] of Object.entries({ ...rest, ...extra })) if (v !== undefined && v !== '') p.set(k, String(v));
  for (const s of status ?? []) p.append('status', s);
  return `/api/tasks?${p.toString()}`;
}

/** Every task of a programme matching the filter (subtasks included), up to 1,000. */
export function listTasks(filter: TaskFilter, signal?: AbortSignal): Promise<Ok<'/api/tasks'>> {
  return api(tasksPath(filter, { pageSize: 1000, sort: 'number' }), { signal });
}

/** Tasks of any programme whose titles match `q` (diacritics optional), best first, among those the account reads:
 * the pickers of other modules that link a record to a task (TaskSelect). */
export function searchTasks(q: string, signal?: AbortSignal): Promise<Ok<'/api/tasks'>> {
  const query: Pick<TaskQuery, 'q' | 'sort' | 'page' | 'pageSize'> = { q, sort: 'relevance', page: 1, pageSize: 20 };
  return api('/api/tasks', { query, signal });
}
export const taskSearchKey = (q: string) => [...WORK_KEY, 'task-search', q] as const;

export function createTask(body: NewTask): Promise<Ok<'/api/tasks', 'post'>> {
  return api('/api/tasks', { method: 'POST', body });
}

export function getTask(id: string, signal?: AbortSignal): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}`, { signal });
}

export function updateTask(id: string, body: TaskChanges): Promise<Ok<'/api/tasks/{id}', 'patch'>> {
  return api(`/api/tasks/${enc(id)}`, { method: 'PATCH', body });
}

export function setCooperators(
  id: string,
  body: Body<'/api/tasks/{id}/cooperators', 'put'>,
): Promise<Ok<'/api/tasks/{id}/cooperators', 'put'>> {
  return api(`/api/tasks/${enc(id)}/cooperators`, { method: 'PUT', body });
}

export function transitionTask(id: string, body: TransitionInput): Promise<Ok<'/api/tasks/{id}/transition', 'post'>> {
  return api(`/api/tasks/${enc(id)}/transition`, { method: 'POST', body });
}

export function reportProgress(id: string, body: ProgressInput): Promise<Ok<'/api/tasks/{id}/progress', 'post'>> {
  return api(`/api/tasks/${enc(id)}/progress`, { method: 'POST', body });
}

export function attachFile(id: string, fileId: string): Promise<Ok<'/api/tasks/{id}/files', 'post'>> {
  const body: Body<'/api/tasks/{id}/files', 'post'> = { fileId };
  return api(`/api/tasks/${enc(id)}/files`, { method: 'POST', body });
}

export function addComment(id: string, note: string): Promise<Ok<'/api/tasks/{id}/comments', 'post'>> {
  const body: Body<'/api/tasks/{id}/comments', 'post'> = { note };
  return api(`/api/tasks/${enc(id)}/comments`, { method: 'POST', body });
}

export function requestExtension(
  id: string,
  body: Body<'/api/tasks/{id}/extensions', 'post'>,
): Promise<Ok<'/api/tasks/{id}/extensions', 'post'>> {
  return api(`/api/tasks/${enc(id)}/extensions`, { method: 'POST', body });
}

export function decideExtension(
  id: string,
  body: Body<'/api/task-extensions/{id}/decide', 'post'>,
): Promise<Ok<'/api/task-extensions/{id}/decide', 'post'>> {
  return api(`/api/task-extensions/${enc(id)}/decide`, { method: 'POST', body });
}

export function cascadeTask(id: string, body: Body<'/api/tasks/{id}/cascade', 'post'>): Promise<CascadeResult> {
  return api(`/api/tasks/${enc(id)}/cascade`, { method: 'POST', body });
}

/** Stores one evidence or attachment file; link it afterwards with a progress report or attachFile. */
export function uploadFile(file: File): Promise<FileItem> {
  const form = new FormData();
  form.append('file', file);
  return api('/api/uploads', { method: 'POST', form });
}
