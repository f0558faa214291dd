import { z } from 'zod';
import { ref, text, version } from '../../http/schemas.ts';
import { longText, taskItem } from './task.schemas.ts';

// Programmes and their task groups, with the counts that roll their tasks up, and a programme's overview.

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
