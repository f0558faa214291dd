import { z } from 'zod';
import { TASK_ACTIONS, taskItem } from './task.schemas.ts';

// A task's page: the task with its programme, parents, cooperating bodies, subtasks, history, files, extensions and
// what the caller may do on it.

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
