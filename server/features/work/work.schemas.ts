import { z } from 'zod';
import { isoDate, pagination, text, version, versionBody, ref } from '../../http/schemas.ts';
export { version, versionBody };
import { unitCode } from '../units/index.ts';

/** A multi-line text (description, note, minutes): NFC, trimmed, up to `max` characters. */
export const longText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));

export const TASK_STATUSES = [
  'draft',
  'assigned',
  'in_progress',
  'reported_done',
  'accepted',
  'returned',
  'suspended',
  'cancelled',
] as const;
export const taskStatus = z.enum(TASK_STATUSES);
export const priority = z.enum(['high', 'normal', 'low']);
export const recurrence = z.enum(['monthly', 'quarterly']);

/** How a task stands against its deadline (today in Asia/Ho_Chi_Minh, calendar days): done on time = accepted with
 * the accepted report's date on or before the due date in force; awaiting acceptance = reported done by the due date
 * and not yet accepted; overdue = not accepted by the due date (reported done after it: overdue while it waits). */
export const timeliness = z.enum([
  'on_time',
  'late',
  'awaiting_acceptance',
  'overdue',
  'due_soon',
  'open',
  'no_due',
  'cancelled',
]);

export const kindItem = z.object({
  code: z.string(),
  name: z.string(),
  shownApart: z.boolean().describe('Shown apart on the overview (key, commissioned)'),
});

export const counts = z
  .object({
    total: z.number().int().describe('Tasks counted (top-level tasks; cancelled ones left out)'),
    done: z.number().int().describe('Accepted'),
    onTime: z.number().int().describe('Accepted with the report dated on or before the due date in force'),
    late: z.number().int().describe('Accepted after the due date'),
    awaiting: z
      .number()
      .int()
      .describe('Reported done on or before the due date (or with none), waiting for acceptance; not overdue'),
    overdue: z.number().int().describe('Not accepted and the due date has passed (reported done after it included)'),
    open: z.number().int().describe('Not reported done, not overdue'),
    progress: z.number().describe('Weighted mean progress, 0–100 (the rollup rule)'),
  })
  .describe('Counts');

export const programmeItem = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    unitName: z.string().nullable(),
    year: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    copiedFromId: z.uuid().nullable(),
    groupCount: z.number().int(),
    counts,
    canManage: z.boolean(),
    version: z.number().int(),
  })
  .describe('Programme');

export const programmesQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  bodyId: ref('body').optional(),
  q: z.string().trim().max(100).optional(),
});

export const createProgramme = z.strictObject({
  bodyId: ref('body').describe('The body that owns the programme (a bloc office, a Front committee, …)'),
  year: z.number().int().min(2000).max(2100),
  title: text(300),
  description: longText(5000).optional(),
  copyFromId: ref('programme')
    .optional()
    .describe('Copy the groups and top-level tasks of this programme, dates moved to the new year'),
  groups: z.array(text(300)).max(100).optional().describe('Task group names, in order (ignored when copying)'),
});

export const updateProgramme = z.strictObject({
  version,
  title: text(300).optional(),
  description: longText(5000).nullable().optional(),
});

export const groupItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  leadBodyId: z.uuid().nullable(),
  leadBodyName: z.string().nullable(),
  counts,
  version: z.number().int(),
});

export const programmeDetail = z.object({
  programme: programmeItem,
  groups: z.array(groupItem),
  permissions: z.object({ manage: z.boolean(), accept: z.boolean() }),
});

export const createGroup = z.strictObject({
  name: text(300),
  leadBodyId: ref('body').nullable().optional(),
  position: z.number().int().min(1).max(1000).optional(),
});
export const updateGroup = z.strictObject({
  version,
  name: text(300).optional(),
  leadBodyId: ref('body').nullable().optional(),
  position: z.number().int().min(1).max(1000).optional(),
});

export const cooperatorInput = z.strictObject({
  bodyId: ref('body'),
  part: longText(1000).optional().describe('The cooperating body’s own part of the work'),
  personId: ref('person').nullable().optional().describe('The cooperating body’s person for this task'),
});

const taskFields = {
  groupId: ref('taskGroup').nullable().optional(),
  kind: z.string().min(1).max(40),
  title: text(500),
  description: longText(10000).optional(),
  leadBodyId: ref('body').describe('Lead body (chủ trì)'),
  responsiblePersonId: ref('person').nullable().optional().describe('The named responsible person (rõ người)'),
  assigneeAccountId: ref('account')
    .nullable()
    .optional()
    .describe('The account that follows the task for the lead body'),
  startDate: isoDate.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  targetValue: z.number().min(0).max(1e12).nullable().optional().describe('Expected result as a number (rõ kết quả)'),
  targetUnit: text(50).nullable().optional().describe('Its unit: hồ sơ, hộ, mô hình, %…'),
  priority: priority.optional(),
  weight: z.number().positive().max(1000).optional().describe('Weight in the parent’s rollup (default 1)'),
  recurrence: recurrence
    .nullable()
    .optional()
    .describe('Monthly or quarterly: the next occurrence is created by itself'),
};

export const createTask = z.strictObject({
  programmeId: ref('programme'),
  parentId: ref('task').nullable().optional().describe('Parent task (a subtask)'),
  ...taskFields,
  cooperators: z.array(cooperatorInput).max(50).default([]),
  assign: z.boolean().default(false).describe('Assign at once (status assigned) instead of keeping a draft'),
});

export const updateTask = z.strictObject({
  version,
  groupId: taskFields.groupId,
  kind: taskFields.kind.optional(),
  title: taskFields.title.optional(),
  description: longText(10000).nullable().optional(),
  responsiblePersonId: taskFields.responsiblePersonId,
  assigneeAccountId: taskFields.assigneeAccountId,
  startDate: taskFields.startDate,
  dueDate: taskFields.dueDate.describe('Only while a draft; later, a deadline extension'),
  targetValue: taskFields.targetValue,
  targetUnit: taskFields.targetUnit,
  resultValue: z.number().min(0).max(1e12).nullable().optional(),
  priority: priority.optional(),
  weight: taskFields.weight,
  recurrence: taskFields.recurrence,
});

export const setCooperators = z.strictObject({ version, cooperators: z.array(cooperatorInput).max(50) });

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
] as const;
export const transition = z.strictObject({
  version,
  action: z.enum(TASK_ACTIONS),
  reason: longText(2000).optional().describe('Required to return, suspend, cancel and reassign'),
  reportedOn: isoDate.optional().describe('report_done: the date of the report (default today)'),
  leadBodyId: ref('body').optional().describe('reassign: the new lead body'),
  responsiblePersonId: ref('person').nullable().optional().describe('reassign: the new responsible person'),
  assigneeAccountId: ref('account').nullable().optional().describe('reassign: the new assignee account'),
});

export const progressInput = z.strictObject({
  progress: z.number().int().min(0).max(100),
  note: longText(5000).optional(),
  cooperatorId: ref('cooperator').optional().describe('Report on a cooperating body’s own part'),
  reportedByPersonId: ref('person')
    .nullable()
    .optional()
    .describe('Who reported it (a person, perhaps without an account); default the account’s person'),
  reportedOn: isoDate.optional().describe('Date of the report (default today); not in the future'),
  fileIds: z.array(ref('file')).max(20).default([]).describe('Evidence uploaded with POST /api/uploads'),
  resultValue: z
    .number()
    .min(0)
    .max(1e12)
    .nullable()
    .optional()
    .describe('The result reached so far, against the target'),
});

export const commentInput = z.strictObject({ note: longText(5000).pipe(z.string().min(1, 'validation.required')) });

export const extensionRequest = z.strictObject({
  requestedDueDate: isoDate,
  reason: longText(2000).pipe(z.string().min(1, 'validation.required')),
});
export const extensionDecision = z.strictObject({
  version,
  decision: z.enum(['granted', 'refused']),
  note: longText(2000).optional(),
});

export const cascadeInput = z.strictObject({
  unitCodes: z
    .array(unitCode)
    .max(500)
    .optional()
    .describe('Communes to cascade to (codes today); default every commune under the lead body’s unit'),
  title: text(500).optional().describe('Title of each subtask (default the task’s)'),
  dueDate: isoDate.optional().describe('Due date of each subtask (default the task’s)'),
});
export const cascadeResult = z.object({
  created: z.array(
    z.object({ taskId: z.uuid(), unitCode: z.string().nullable(), unitName: z.string(), bodyName: z.string() }),
  ),
  skipped: z.array(
    z.object({ unitCode: z.string().nullable(), unitName: z.string(), reason: z.enum(['no_body', 'already']) }),
  ),
});

export const taskItem = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    programmeTitle: z.string(),
    number: z.number().int(),
    groupId: z.uuid().nullable(),
    groupName: z.string().nullable(),
    groupPosition: z.number().int().nullable(),
    parentId: z.uuid().nullable(),
    kind: z.string(),
    kindName: z.string(),
    title: z.string(),
    leadBodyId: z.uuid(),
    leadBodyName: z.string(),
    unitName: z.string().nullable(),
    responsiblePersonId: z.uuid().nullable(),
    responsiblePersonName: z.string().nullable(),
    assigneeAccountId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    cooperators: z.array(z.object({ bodyId: z.uuid(), bodyName: z.string() })),
    startDate: z.string().nullable(),
    dueDate: z.string().nullable().describe('The due date in force'),
    originalDueDate: z.string().nullable(),
    targetValue: z.number().nullable(),
    targetUnit: z.string().nullable(),
    resultValue: z.number().nullable(),
    priority,
    weight: z.number(),
    status: taskStatus,
    statusReason: z.string().nullable(),
    progress: z.number().describe('Reported progress, or for a task with subtasks the weighted mean of theirs (0–100)'),
    subtaskCount: z.number().int(),
    reportedDoneOn: z.string().nullable(),
    acceptedOn: z.string().nullable(),
    timeliness,
    daysLeft: z.number().int().nullable().describe('Days from today to the due date (negative when past)'),
    waitingDays: z
      .number()
      .int()
      .nullable()
      .describe('Reported done and not yet accepted: calendar days since the report (0 on its day); else null'),
    recurrence: recurrence.nullable(),
    occurrence: z.number().int().nullable(),
    cascaded: z.boolean(),
    myRoles: z
      .array(z.enum(['lead', 'cooperate', 'accept', 'responsible', 'assignee']))
      .describe('How the caller is involved (my work)'),
    version: z.number().int(),
  })
  .describe('Task');
export type TaskItem = z.infer<typeof taskItem>;

export const tasksQuery = z.strictObject({
  programmeId: ref('programme').optional(),
  groupId: ref('taskGroup').optional(),
  parentId: ref('task').optional().describe('Subtasks of this task'),
  topLevel: z.enum(['true', 'false']).optional().describe('Only tasks without a parent'),
  bodyId: ref('body').optional().describe('Led by this body or with it cooperating'),
  assigneeAccountId: ref('account').optional().describe('Followed by this account (the officer it is assigned to)'),
  kind: z.string().max(40).optional(),
  status: z.union([taskStatus, z.array(taskStatus)]).optional(),
  timeliness: timeliness.optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  unit: unitCode.optional().describe('Tasks whose lead body sits in this unit’s subtree (code today)'),
  q: z.string().trim().max(100).optional().describe('Search in titles, ignoring diacritics'),
  sort: z
    .enum(['relevance', 'number', 'due', 'status', 'progress'])
    .optional()
    .describe(
      'Default: relevance with q (the words exactly as typed first, then at the start of a word, then inside one), else number',
    ),
  ...pagination,
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
});
export const taskPage = z.object({ items: z.array(taskItem), total: z.number().int() });

export const myWorkQuery = z.strictObject({
  role: z.enum(['lead', 'cooperate', 'accept', 'responsible', 'assignee']).optional(),
  dueWithin: z.coerce
    .number()
    .int()
    .min(0)
    .max(366)
    .optional()
    .describe('Only tasks due within N days (overdue included)'),
  includeDone: z.enum(['true', 'false']).optional(),
  page: pagination.page,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const myWorkPage = z.object({
  items: z.array(taskItem),
  total: z.number().int().describe('All the tasks of my work with these filters, not only this page'),
  sections: z
    .object({
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      awaiting: z.number().int(),
      rest: z.number().int(),
    })
    .describe('The total by section: overdue, due within 7 days, waiting for acceptance, the rest'),
});

export const updateItem = z.object({
  id: z.uuid(),
  kind: z.enum([
    'progress',
    'comment',
    'status',
    'extension_requested',
    'extension_granted',
    'extension_refused',
    'edit',
  ]),
  cooperatorId: z.uuid().nullable(),
  cooperatorBodyName: z.string().nullable(),
  progress: z.number().int().nullable(),
  note: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reportedByPersonId: z.uuid().nullable(),
  reportedByName: z.string().nullable(),
  reportedOn: z.string().nullable(),
  enteredById: z.uuid().nullable(),
  enteredByName: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(
    z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number().int(), url: z.string() }),
  ),
});

export const fileItem = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
  createdAt: z.string(),
});

export const extensionItem = z.object({
  id: z.uuid(),
  requestedDueDate: z.string(),
  previousDueDate: z.string().nullable(),
  reason: z.string(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decision: z.enum(['granted', 'refused']).nullable(),
  decisionNote: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});

export const cooperatorItem = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  part: z.string().nullable(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  progress: z.number().int(),
  version: z.number().int(),
});

export const taskDetail = z.object({
  task: taskItem.extend({ description: z.string().nullable() }),
  programme: z.object({
    id: z.uuid(),
    title: z.string(),
    year: z.number().int(),
    bodyId: z.uuid(),
    bodyName: z.string(),
  }),
  parents: z
    .array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string() }))
    .describe('Parent chain, top first'),
  cooperators: z.array(cooperatorItem),
  subtasks: z.array(taskItem),
  updates: z.array(updateItem).describe('History, newest first'),
  files: z.array(fileItem).describe('Attachments of the task'),
  extensions: z.array(extensionItem),
  conclusion: z
    .object({ id: z.uuid(), briefingId: z.uuid(), briefingTitle: z.string(), heldOn: z.string(), text: z.string() })
    .nullable(),
  permissions: z.object({
    manage: z.boolean().describe('Edit, assign, cascade, cancel, reassign, decide extensions'),
    accept: z
      .boolean()
      .describe('Accept or return a reported-done task (a leader of the owner body; never who reported it)'),
    report: z.boolean().describe('Report progress on the whole task'),
    reportParts: z.array(z.uuid()).describe('Cooperator ids the caller may report on'),
    comment: z.boolean(),
    actions: z.array(z.enum(TASK_ACTIONS)).describe('Status actions the caller may take now'),
  }),
});

export const uploadResult = fileItem;

export const overviewResult = z.object({
  programme: programmeItem,
  totals: counts,
  groups: z.array(z.object({ groupId: z.uuid(), position: z.number().int(), name: z.string(), counts })),
  ungrouped: counts.describe('Top-level tasks outside any group'),
  bodies: z.array(z.object({ bodyId: z.uuid(), bodyName: z.string(), counts })).describe('Per lead body'),
  kinds: z.array(z.object({ kind: z.string(), name: z.string(), shownApart: z.boolean(), counts })),
  apart: z
    .array(z.object({ kind: z.string(), name: z.string(), counts, tasks: z.array(taskItem) }))
    .describe('Key tasks registered with the Party committee and commissioned tasks, shown apart'),
});

export const attachInput = z.strictObject({ fileId: ref('file') });
