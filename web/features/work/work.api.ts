import { api } from '../../lib/api.ts';

/** The contract of server/features/work/work.schemas.ts, as the web app reads it. */

export const TASK_STATUSES = ['draft', 'assigned', 'in_progress', 'reported_done', 'accepted', 'returned', 'suspended', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = ['assign', 'start', 'report_done', 'accept', 'return', 'suspend', 'resume', 'cancel', 'reassign'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export type Timeliness = 'on_time' | 'late' | 'overdue' | 'due_soon' | 'open' | 'no_due' | 'cancelled';
export type Priority = 'high' | 'normal' | 'low';
export type Recurrence = 'monthly' | 'quarterly';
export type TaskRole = 'lead' | 'cooperate' | 'accept' | 'responsible' | 'assignee';

export type Kind = { code: string; name: string; shownApart: boolean };

/** Counts of top-level tasks (cancelled left out), with the weighted progress. */
export type Counts = { total: number; done: number; onTime: number; late: number; overdue: number; open: number; progress: number };

export type Programme = {
  id: string;
  bodyId: string;
  bodyName: string;
  unitName: string | null;
  year: number;
  title: string;
  description: string | null;
  copiedFromId: string | null;
  groupCount: number;
  counts: Counts;
  canManage: boolean;
  version: number;
};

export type Group = { id: string; position: number; name: string; leadBodyId: string | null; leadBodyName: string | null; counts: Counts; version: number };

export type ProgrammeDetail = { programme: Programme; groups: Group[]; permissions: { manage: boolean; accept: boolean } };

export type Task = {
  id: string;
  programmeId: string;
  programmeTitle: string;
  number: number;
  groupId: string | null;
  groupName: string | null;
  groupPosition: number | null;
  parentId: string | null;
  kind: string;
  kindName: string;
  title: string;
  leadBodyId: string;
  leadBodyName: string;
  unitName: string | null;
  responsiblePersonId: string | null;
  responsiblePersonName: string | null;
  assigneeAccountId: string | null;
  assigneeName: string | null;
  cooperators: { bodyId: string; bodyName: string }[];
  startDate: string | null;
  /** The due date in force (after any extension). */
  dueDate: string | null;
  originalDueDate: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  resultValue: number | null;
  priority: Priority;
  weight: number;
  status: TaskStatus;
  statusReason: string | null;
  /** 0–100; for a task with subtasks the server's weighted rollup. */
  progress: number;
  subtaskCount: number;
  reportedDoneOn: string | null;
  acceptedOn: string | null;
  timeliness: Timeliness;
  daysLeft: number | null;
  recurrence: Recurrence | null;
  occurrence: number | null;
  cascaded: boolean;
  myRoles: TaskRole[];
  version: number;
};

export type FileItem = { id: string; filename: string; contentType: string; size: number; url: string; createdAt: string };

export type UpdateKind = 'progress' | 'comment' | 'status' | 'extension_requested' | 'extension_granted' | 'extension_refused' | 'edit';

export type Update = {
  id: string;
  kind: UpdateKind;
  cooperatorId: string | null;
  cooperatorBodyName: string | null;
  progress: number | null;
  note: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reportedByPersonId: string | null;
  reportedByName: string | null;
  reportedOn: string | null;
  enteredById: string | null;
  enteredByName: string | null;
  createdAt: string;
  files: Omit<FileItem, 'createdAt'>[];
};

export type Extension = {
  id: string;
  requestedDueDate: string;
  previousDueDate: string | null;
  reason: string;
  requestedByName: string | null;
  requestedAt: string;
  decision: 'granted' | 'refused' | null;
  decisionNote: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  version: number;
};

export type Cooperator = { id: string; bodyId: string; bodyName: string; part: string | null; personId: string | null; personName: string | null; progress: number; version: number };

export type TaskPermissions = { manage: boolean; accept: boolean; report: boolean; reportParts: string[]; comment: boolean; actions: TaskAction[] };

export type TaskDetail = {
  task: Task & { description: string | null };
  programme: { id: string; title: string; year: number; bodyId: string; bodyName: string };
  /** The parent chain, top first. */
  parents: { id: string; number: number; title: string }[];
  cooperators: Cooperator[];
  subtasks: Task[];
  /** Newest first. */
  updates: Update[];
  files: FileItem[];
  extensions: Extension[];
  conclusion: { id: string; briefingId: string; briefingTitle: string; heldOn: string; text: string } | null;
  permissions: TaskPermissions;
};

export type CooperatorInput = { bodyId: string; part?: string; personId?: string | null };

export type TaskFields = {
  groupId?: string | null;
  kind: string;
  title: string;
  description?: string;
  leadBodyId: string;
  responsiblePersonId?: string | null;
  assigneeAccountId?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  targetValue?: number | null;
  targetUnit?: string | null;
  priority?: Priority;
  weight?: number;
  recurrence?: Recurrence | null;
};

export type NewTask = TaskFields & { programmeId: string; parentId?: string | null; cooperators: CooperatorInput[]; assign: boolean };

export type TaskChanges = Partial<Omit<TaskFields, 'leadBodyId' | 'description'>> & { version: number; description?: string | null; resultValue?: number | null };

export type TransitionInput = {
  version: number;
  action: TaskAction;
  reason?: string;
  reportedOn?: string;
  leadBodyId?: string;
  responsiblePersonId?: string | null;
  assigneeAccountId?: string | null;
};

export type ProgressInput = {
  progress: number;
  note?: string;
  cooperatorId?: string;
  reportedByPersonId?: string | null;
  reportedOn?: string;
  fileIds: string[];
  resultValue?: number | null;
};

export type CascadeResult = {
  created: { taskId: string; unitCode: string | null; unitName: string; bodyName: string }[];
  skipped: { unitCode: string | null; unitName: string; reason: 'no_body' | 'already' }[];
};

/** The filters of a programme's task views (all optional), as sent to GET /api/tasks. */
export type TaskFilter = {
  programmeId: string;
  groupId?: string;
  bodyId?: string;
  kind?: string;
  status?: TaskStatus[];
  timeliness?: Timeliness;
  dueFrom?: string;
  dueTo?: string;
  unit?: string;
  q?: string;
};

// ---------- Query keys: every work query starts with WORK_KEY, so one invalidation refreshes them all ----------
export const WORK_KEY = ['work'] as const;
export const KINDS_KEY = [...WORK_KEY, 'kinds'] as const;
export const programmesKey = (query: { year?: number; bodyId?: string | null; q?: string }) => [...WORK_KEY, 'programmes', query] as const;
export const programmeKey = (id: string) => [...WORK_KEY, 'programme', id] as const;
export const tasksKey = (filter: TaskFilter) => [...WORK_KEY, 'tasks', filter] as const;
export const taskKey = (id: string) => [...WORK_KEY, 'task', id] as const;

const enc = encodeURIComponent;

export function getWorkPermissions(signal?: AbortSignal): Promise<{ createProgramme: boolean }> {
  return api('/api/work/permissions', { signal });
}

export function listKinds(): Promise<Kind[]> {
  return api('/api/work/kinds');
}

export function listProgrammes(query: { year?: number; bodyId?: string | null; q?: string }, signal?: AbortSignal): Promise<Programme[]> {
  return api('/api/programmes', { query: { year: query.year, bodyId: query.bodyId, q: query.q }, signal });
}

export function createProgramme(body: { bodyId: string; year: number; title: string; description?: string; copyFromId?: string; groups?: string[] }): Promise<Programme> {
  return api('/api/programmes', { method: 'POST', body });
}

export function getProgramme(id: string, signal?: AbortSignal): Promise<ProgrammeDetail> {
  return api(`/api/programmes/${enc(id)}`, { signal });
}

export function updateProgramme(id: string, body: { version: number; title?: string; description?: string | null }): Promise<Programme> {
  return api(`/api/programmes/${enc(id)}`, { method: 'PATCH', body });
}

export function deleteProgramme(id: string, version: number): Promise<{ ok: true }> {
  return api(`/api/programmes/${enc(id)}/delete`, { method: 'POST', body: { version } });
}

export function importProgramme(input: { bodyId: string; year: number; title: string; file: File }): Promise<Programme> {
  const form = new FormData();
  form.append('bodyId', input.bodyId);
  form.append('year', String(input.year));
  form.append('title', input.title);
  form.append('file', input.file);
  return api('/api/programmes/import', { method: 'POST', form });
}

export const exportXlsxUrl = (id: string) => `/api/programmes/${enc(id)}/export.xlsx`;
export const reportDocxUrl = (id: string) => `/api/programmes/${enc(id)}/report.docx`;

export function createGroup(programmeId: string, body: { name: string; leadBodyId?: string | null; position?: number }): Promise<Group> {
  return api(`/api/programmes/${enc(programmeId)}/groups`, { method: 'POST', body });
}

export function updateGroup(id: string, body: { version: number; name?: string; leadBodyId?: string | null; position?: number }): Promise<Group> {
  return api(`/api/task-groups/${enc(id)}`, { method: 'PATCH', body });
}

export function deleteGroup(id: string, version: number): Promise<{ ok: true }> {
  return api(`/api/task-groups/${enc(id)}/delete`, { method: 'POST', body: { version } });
}

/** The address of a task list query; statuses repeat the `status` parameter (the server reads them as a list). */
function tasksPath(filter: TaskFilter, extra: Record<string, string>): string {
  const p = new URLSearchParams();
  const { status, ...rest } = filter;
  for (const [k, v] of Object.entries({ ...rest, ...extra })) if (v !== undefined && v !== '') p.set(k, String(v));
  for (const s of status ?? []) p.append('status', s);
  return `/api/tasks?${p.toString()}`;
}

/** Every task of a programme matching the filter (subtasks included), up to 1,000. */
export function listTasks(filter: TaskFilter, signal?: AbortSignal): Promise<{ items: Task[]; total: number }> {
  return api(tasksPath(filter, { pageSize: '1000', sort: 'number' }), { signal });
}

export function createTask(body: NewTask): Promise<TaskDetail> {
  return api('/api/tasks', { method: 'POST', body });
}

export function getTask(id: string, signal?: AbortSignal): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}`, { signal });
}

export function updateTask(id: string, body: TaskChanges): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}`, { method: 'PATCH', body });
}

export function setCooperators(id: string, body: { version: number; cooperators: CooperatorInput[] }): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}/cooperators`, { method: 'PUT', body });
}

export function transitionTask(id: string, body: TransitionInput): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}/transition`, { method: 'POST', body });
}

export function reportProgress(id: string, body: ProgressInput): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}/progress`, { method: 'POST', body });
}

export function attachFile(id: string, fileId: string): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}/files`, { method: 'POST', body: { fileId } });
}

export function addComment(id: string, note: string): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}/comments`, { method: 'POST', body: { note } });
}

export function requestExtension(id: string, body: { requestedDueDate: string; reason: string }): Promise<TaskDetail> {
  return api(`/api/tasks/${enc(id)}/extensions`, { method: 'POST', body });
}

export function decideExtension(id: string, body: { version: number; decision: 'granted' | 'refused'; note?: string }): Promise<TaskDetail> {
  return api(`/api/task-extensions/${enc(id)}/decide`, { method: 'POST', body });
}

export function cascadeTask(id: string, body: { unitCodes?: string[]; title?: string; dueDate?: string }): Promise<CascadeResult> {
  return api(`/api/tasks/${enc(id)}/cascade`, { method: 'POST', body });
}

/** Stores one evidence or attachment file; link it afterwards with a progress report or attachFile. */
export function uploadFile(file: File): Promise<FileItem> {
  const form = new FormData();
  form.append('file', file);
  return api('/api/uploads', { method: 'POST', form });
}
