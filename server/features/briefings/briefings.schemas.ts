import { z } from 'zod';
import { isoDate, pagination, text, ref } from '../../http/schemas.ts';
import { createTaskBody as createTask, longText, taskStatus, version } from '../work/index.ts';

export { versionBody } from '../work/index.ts';

export const notice = z
  .object({
    number: z.number().int(),
    symbol: z.string().describe('e.g. TB-MTTQ'),
    label: z.string().describe('As written after "Số:", e.g. 05/TB-MTTQ'),
    issuedOn: z.string(),
  })
  .describe('BriefingNotice');

export const briefingItem = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    unitName: z.string().nullable(),
    programmeId: z.uuid().nullable(),
    programmeTitle: z.string().nullable(),
    heldOn: z.string(),
    title: z.string(),
    chairPersonId: z.uuid().nullable(),
    chairName: z.string().nullable(),
    conclusionCount: z.number().int(),
    linkedCount: z.number().int().describe('Conclusions that became tasks'),
    notice: notice.nullable(),
    version: z.number().int(),
  })
  .describe('Briefing');
export type BriefingItem = z.infer<typeof briefingItem>;

export const listQuery = z.strictObject({
  bodyId: ref('body').optional(),
  from: isoDate.optional().describe('Held on or after'),
  to: isoDate.optional().describe('Held on or before'),
  q: z.string().trim().max(100).optional().describe('Search in titles, ignoring diacritics'),
  ...pagination,
});
export const briefingPage = z.object({ items: z.array(briefingItem), total: z.number().int() });

export const attendeeInput = z
  .strictObject({
    personId: ref('person').optional().describe('A person of the register (name taken from it)'),
    name: text(200).optional().describe('Or a name, for someone not in the register'),
    bodyId: ref('body').nullable().optional().describe('The body the attendee came for'),
  })
  .refine((a) => a.personId !== undefined || a.name !== undefined, { message: 'validation.attendee', path: ['name'] });

const conclusionText = longText(2000).pipe(z.string().min(1, 'validation.required'));

export const createBriefing = z.strictObject({
  bodyId: ref('body').describe('The body that held the briefing (and issues its notice)'),
  programmeId: ref('programme').nullable().optional().describe('The programme its tasks go to by default'),
  heldOn: isoDate,
  title: text(300),
  chairPersonId: ref('person').nullable().optional(),
  agenda: longText(5000).nullable().optional(),
  minutes: longText(20000).nullable().optional(),
  attendees: z.array(attendeeInput).max(200).default([]),
  conclusions: z.array(conclusionText).max(100).default([]).describe('Texts of the conclusions, in order'),
});

export const updateBriefing = z.strictObject({
  version,
  programmeId: ref('programme').nullable().optional(),
  heldOn: isoDate.optional(),
  title: text(300).optional(),
  chairPersonId: ref('person').nullable().optional(),
  agenda: longText(5000).nullable().optional(),
  minutes: longText(20000).nullable().optional(),
  attendees: z.array(attendeeInput).max(200).optional().describe('Replaces the attendees'),
  conclusions: z
    .array(
      z.strictObject({
        id: ref('conclusion').optional().describe('An existing conclusion (its text edited); none: a new one'),
        text: conclusionText,
      }),
    )
    .max(100)
    .optional()
    .describe('The conclusions in their new order; an unlinked conclusion left out is removed, a linked one cannot be'),
});

export const attendeeItem = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  name: z.string(),
  bodyId: z.uuid().nullable(),
  bodyName: z.string().nullable(),
});

export const conclusionItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  text: z.string(),
  task: z
    .object({
      id: z.uuid(),
      number: z.number().int(),
      title: z.string(),
      status: taskStatus,
      leadBodyName: z.string(),
      dueDate: z.string().nullable(),
    })
    .nullable()
    .describe('The task made from the conclusion'),
  version: z.number().int(),
});

export const briefingDetail = z.object({
  briefing: briefingItem.extend({ agenda: z.string().nullable(), minutes: z.string().nullable() }),
  attendees: z.array(attendeeItem),
  conclusions: z.array(conclusionItem),
  permissions: z.object({
    manage: z.boolean().describe('Edit, delete, issue the notice, turn conclusions into tasks'),
  }),
});
export type BriefingDetail = z.infer<typeof briefingDetail>;

/** A conclusion → a task: the fields of a new task, its title the conclusion's text unless given. */
export const conclusionTask = createTask.omit({ programmeId: true, title: true }).extend({
  programmeId: ref('programme').optional().describe('Default: the briefing’s programme'),
  title: text(500).optional().describe('Default: the conclusion’s text'),
});
