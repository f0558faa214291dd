import { z } from 'zod';
import { isoDate, pagination, ref } from '../../http/schemas.ts';
import { unitCode } from '../units/index.ts';
import { taskItem, taskStatus, timeliness } from './task.schemas.ts';

// The lists of tasks: by filter (GET /api/tasks) and the caller's own work, with their pages.

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
