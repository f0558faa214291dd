import { z } from 'zod';
import { isoDate, text, version, ref } from '../../http/schemas.ts';
import { unitCode } from '../units/index.ts';

// What a task is in the API: its statuses and kinds, the task as lists show it, and the bodies that create, edit,
// move through the workflow and cascade a task. The task's page, the progress reports and the lists have their own
// schema files, built on these.

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

export const cooperatorInput = z.strictObject({
  bodyId: ref('body'),
  part: longText(1000).optional().describe('The cooperating body’s own part of the work'),
  personId: ref('person').nullable().optional().describe('The cooperating body’s person for this task'),
});

/** A period as reporting writes it (2021, 2021S1, 2021Q3, 202107) or a range a..b (202101..202109). */
const periodText = z
  .string()
  .max(30)
  .regex(/^\d{4}(\d{2}|Q[1-4]|S[12])?(\.\.\d{4}(\d{2}|Q[1-4]|S[12])?)?$/, 'validation.periodId');

/** The reporting indicator a task may name as its target: its result and % of plan then come from the approved
 * reports (task.reported.ts). */
function targetIndicatorFields() {
  return {
    targetIndicatorId: ref('indicator')
      .nullable()
      .optional()
      .describe('A numeric reporting indicator: its approved total is the result (and the target when none is set)'),
    targetIndicatorUnitId: ref('unit')
      .nullable()
      .optional()
      .describe('The unit whose subtree counts (default the task’s unit); within the programme owner’s unit'),
    targetIndicatorPeriod: periodText
      .nullable()
      .optional()
      .describe('The period or range (default the task’s months from start to due date, else the programme’s year)'),
  };
}

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
  ...targetIndicatorFields(),
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
  ...targetIndicatorFields(),
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

/** A task's figures from reporting's approved totals (GET /api/reporting/totals for its indicator, unit, period). */
export const reportedFigures = z
  .object({
    indicatorId: z.uuid(),
    indicatorCode: z.string(),
    indicatorName: z.string(),
    measure: z.string().nullable(),
    unitId: z.uuid(),
    unitCode: z.string().nullable(),
    unitName: z.string(),
    period: z.string().describe('The period or range read (DHIS2 notation)'),
    periodLabel: z.string(),
    asOf: z.string().describe('Approved reports counted up to this day: the period’s end, or today while it runs'),
    value: z.number().nullable().describe('The approved total; null when nothing is approved'),
    target: z.number().nullable().describe('The task’s target, else reporting’s target for the unit and period'),
    targetFromReporting: z.boolean().describe('The target is reporting’s (the task has none of its own)'),
    percentOfTarget: z.number().nullable().describe('% of plan, one decimal'),
    difference: z.number().nullable().describe('value − target'),
    partial: z.boolean().describe('A unit that only partly became this one fed the value (across the reform)'),
    approvedReports: z.number().int(),
    expectedReports: z.number().int(),
  })
  .describe('TaskReported');

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
    resultValue: z
      .number()
      .nullable()
      .describe('The result: the approved total of the target indicator when the task names one, else as entered'),
    targetIndicatorId: z.uuid().nullable(),
    targetIndicatorUnitId: z.uuid().nullable().describe('As chosen (null: the task’s unit)'),
    targetIndicatorPeriod: z.string().nullable().describe('As chosen (null: from the task’s dates)'),
    reported: reportedFigures.nullable().describe('The figures from reporting when the task names an indicator'),
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
