import { z } from 'zod';
import { isoDate, pagination, ref, text, version } from '../../http/schemas.ts';
import { createTaskBody, longText, taskItem } from '../work/index.ts';

export { versionBody } from '../../http/schemas.ts';

export const attendeeKind = z.enum(['official', 'resident']).describe('An official (cán bộ) or a resident (người dân)');

export const attendeeInput = z
  .strictObject({
    kind: attendeeKind,
    personId: ref('person').optional().describe('A person of the register (name taken from it)'),
    accountId: ref('account').optional().describe('An account (its display name), for an official without a record'),
    householdId: ref('household').optional().describe('A household of the dialogue’s key project'),
    name: text(200).optional().describe('Or a name, for a resident without an account'),
    role: text(200).nullable().optional().describe('What they came as: Chủ tịch UBND xã, đại diện 12 hộ thôn 3…'),
  })
  .refine(
    (a) => a.personId !== undefined || a.accountId !== undefined || a.householdId !== undefined || a.name !== undefined,
    {
      message: 'validation.attendee',
      path: ['name'],
    },
  );

/** A follow-up task made from an outcome, in the dialogue's own transaction: the fields of a new task of the work
 * module; its title the outcome's text unless given. */
export const outcomeTask = createTaskBody
  .pick({
    programmeId: true,
    description: true,
    leadBodyId: true,
    responsiblePersonId: true,
    assigneeAccountId: true,
    startDate: true,
    dueDate: true,
    priority: true,
    assign: true,
  })
  .extend({
    kind: z.string().min(1).max(40).default('specialised').describe('Task kind (default specialised)'),
    title: text(500).optional().describe('Default: the outcome’s text'),
  });

const outcomeText = longText(2000).pipe(z.string().min(1, 'validation.required'));

export const outcomeInput = z.strictObject({
  text: outcomeText,
  task: outcomeTask.optional().describe('Create its follow-up task now'),
});

export const createDialogue = z.strictObject({
  bodyId: ref('body').describe('The body that held the dialogue (its unit sets who reads it)'),
  projectId: ref('keyProject').nullable().optional().describe('The key project it was about'),
  heldOn: isoDate,
  title: text(300),
  place: text(300),
  chairPersonId: ref('person').nullable().optional().describe('The chair, a person of the register'),
  chairName: text(200).nullable().optional().describe('Or the chair’s name as the minutes give it'),
  minutes: longText(50000).nullable().optional(),
  attendees: z.array(attendeeInput).max(500).default([]),
  outcomes: z.array(outcomeInput).max(100).default([]).describe('In order; each may create its task'),
});

export const updateDialogue = z.strictObject({
  version,
  projectId: createDialogue.shape.projectId,
  heldOn: isoDate.optional(),
  title: text(300).optional(),
  place: text(300).optional(),
  chairPersonId: createDialogue.shape.chairPersonId,
  chairName: createDialogue.shape.chairName,
  minutes: createDialogue.shape.minutes,
  attendees: z.array(attendeeInput).max(500).optional().describe('Replaces the attendees'),
  outcomes: z
    .array(
      outcomeInput.extend({
        id: ref('dialogueOutcome').optional().describe('An existing outcome (its text edited); none: a new one'),
      }),
    )
    .max(100)
    .optional()
    .describe(
      'The outcomes in their new order; one without a task may create it now; an outcome left out is removed unless it has a task',
    ),
});

export const listQuery = z.strictObject({
  projectId: ref('keyProject').optional(),
  bodyId: ref('body').optional(),
  from: isoDate.optional().describe('Held on or after'),
  to: isoDate.optional().describe('Held on or before'),
  q: z.string().trim().max(100).optional().describe('Search in titles and places, ignoring diacritics'),
  ...pagination,
});

export const dialogueItem = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    unitName: z.string().nullable(),
    projectId: z.uuid().nullable(),
    projectName: z.string().nullable().describe('null when the caller does not read the project'),
    heldOn: z.string(),
    title: z.string(),
    place: z.string(),
    chairPersonId: z.uuid().nullable(),
    chairName: z.string().nullable(),
    attendeeCount: z.number().int(),
    residentCount: z.number().int(),
    outcomeCount: z.number().int(),
    taskCount: z.number().int().describe('Outcomes that became tasks'),
    version: z.number().int(),
  })
  .describe('Dialogue');
export type DialogueItem = z.infer<typeof dialogueItem>;
export const dialoguePage = z.object({ items: z.array(dialogueItem), total: z.number().int() });

export const dialogueDetail = z.object({
  dialogue: dialogueItem.extend({
    minutes: z.string().nullable(),
    minutesFileUrl: z.string().nullable(),
    minutesFileName: z.string().nullable(),
  }),
  attendees: z.array(
    z.object({
      id: z.uuid(),
      kind: attendeeKind,
      personId: z.uuid().nullable(),
      accountId: z.uuid().nullable(),
      householdId: z.uuid().nullable(),
      name: z.string(),
      role: z.string().nullable(),
    }),
  ),
  outcomes: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      text: z.string(),
      task: taskItem
        .pick({ id: true, number: true, title: true, status: true, leadBodyName: true, dueDate: true })
        .describe('The follow-up task made from the outcome')
        .nullable(),
    }),
  ),
  permissions: z.object({ manage: z.boolean().describe('Edit, delete, attach the minutes, create tasks') }),
});
export type DialogueDetail = z.infer<typeof dialogueDetail>;
