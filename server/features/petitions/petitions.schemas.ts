import { z } from 'zod';
import { isoDate, pagination, phone, ref, text, version } from '../../http/schemas.ts';
import { PETITION_ACTIONS, PETITION_STATES } from './petitions.rules.ts';

/** A long free text (a letter's content, a result): the shared text rule (line breaks kept), up to `max`. */
export const longText = (max: number) => text(max);

export const petitionState = z.enum(PETITION_STATES).describe('The case’s state (petitions.rules.ts)');
export const petitionAction = z.enum(PETITION_ACTIONS);
export const petitionKind = z
  .enum(['complaint', 'denunciation', 'proposal', 'mixed'])
  .describe('khiếu nại, tố cáo, kiến nghị/phản ánh, or several contents (split into parts)');
export const register = z
  .enum(['reception', 'letters'])
  .describe('"reception": sổ tiếp công dân; "letters": sổ theo dõi đơn');
export const channel = z.enum([
  'in_person',
  'post',
  'suggestion_box',
  'forwarded_by_body',
  'online_form',
  'hotline',
  'voter_meeting',
]);
export const competence = z
  .enum(['state_admin', 'elected', 'courts_procuracy', 'party', 'front'])
  .describe(
    'The competent system (TT07 Đ.6): state administration, elected bodies, courts/procuracy, Party, the Front',
  );

const unitCodeField = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z.-]+$/, 'validation.unitCode')
  .describe('The address’s unit by its code (a commune or village); an ended unit is mapped to its successor');

export const petitionerInput = z.strictObject({
  fullName: text(200),
  idNumber: z
    .string()
    .regex(/^(\d{9}|\d{12})$/, 'validation.idNumber')
    .optional()
    .describe('CMND (9 digits) or CCCD (12 digits)'),
  phone: phone.optional(),
  address: text(500).optional(),
  unitCode: unitCodeField.optional(),
  isRepresentative: z.boolean().default(false),
});

export const createPetitionBody = z.strictObject({
  receivingBodyId: ref('body').describe('The body receiving it (petitions.receive over it)'),
  register: register.optional().describe('Default: reception for in person, hotline and voter meetings; else letters'),
  receivedOn: isoDate,
  channel,
  forwardedFromBodyId: ref('body').optional().describe('For channel forwarded_by_body: the body that sent it'),
  forwardedFromName: text(300).optional(),
  kind: petitionKind.optional(),
  summary: text(300),
  content: longText(20000),
  anonymous: z.boolean().default(false),
  signatoryCount: z.number().int().min(0).max(100000).optional(),
  addressUnitCode: unitCodeField.optional(),
  projectId: ref('keyProject').optional().describe('The key project the petition is about'),
  petitioners: z.array(petitionerInput).max(200).default([]),
  officerIds: z.array(ref('account')).max(10).default([]).describe('Officers assigned (default: the caller)'),
  fileIds: z.array(ref('file')).max(20).default([]).describe('Attachments uploaded with POST /api/uploads'),
});
export type CreatePetitionInput = z.infer<typeof createPetitionBody>;

export const updatePetitionBody = z.strictObject({
  version,
  summary: text(300).optional(),
  content: longText(20000).optional(),
  projectId: ref('keyProject').nullable().optional(),
  addressUnitCode: unitCodeField.nullable().optional(),
});

export const officersBody = z.strictObject({ version, officerIds: z.array(ref('account')).max(10) });

export const classifyBody = z.strictObject({
  version,
  kind: petitionKind,
  eligible: z.boolean(),
  eligibilityReason: text(500).optional(),
  anonymous: z.boolean().optional(),
  competence,
  signatoryCount: z.number().int().min(0).max(100000).optional(),
  summary: text(300).optional(),
});

export const splitBody = z.strictObject({
  version,
  parts: z
    .array(
      z.strictObject({
        kind: z.enum(['complaint', 'denunciation', 'proposal']),
        summary: text(300),
        content: longText(20000).optional(),
      }),
    )
    .min(2)
    .max(10),
});

export const mergeBody = z.strictObject({
  version,
  intoId: ref('petition').describe('The case this one duplicates (it keeps the record; this one becomes merged)'),
});

const actionDate = isoDate.optional().describe('The day it was done (default today)');
export const noteBody = z.strictObject({ version, on: actionDate, note: longText(2000).optional() });

export const forwardBody = z.strictObject({
  version,
  on: actionDate,
  toBodyId: ref('body').optional().describe('The competent body, when it is in Khối'),
  toName: text(300).optional().describe('The competent body by name, when it is not'),
  note: longText(2000).optional(),
});

export const decisionBody = z.strictObject({
  version,
  decidedOn: isoDate.describe('The day the competent body decided (the 07-day clock of Luật KN Đ.66 starts)'),
  note: longText(2000).optional(),
});

export const replyBody = z.strictObject({
  version,
  decidedOn: isoDate.optional(),
  receivedOn: isoDate.describe('The day its written result reached the office'),
  result: longText(10000),
  publish: z.boolean().default(false),
  publishedText: longText(5000).optional().describe('What the public page shows (required to publish)'),
});

export const publishReplyBody = z.strictObject({
  version,
  publishedText: longText(5000).describe('What the public page shows, written without personal data'),
});

export const superviseBody = z.strictObject({ version, note: longText(2000) });

export const listQuery = z.strictObject({
  state: petitionState.optional(),
  kind: petitionKind.optional(),
  register: register.optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('Only cases with an open deadline past due'),
  projectId: ref('keyProject').optional(),
  bodyId: ref('body').optional(),
  q: z.string().max(200).optional().describe('Words of the summary or content, or a register number (12/2026)'),
  ...pagination,
});

export const duplicatesBody = z.strictObject({
  content: z.string().max(20000).optional(),
  summary: z.string().max(300).optional(),
  petitioners: z
    .array(z.strictObject({ fullName: z.string().max(200), address: z.string().max(500).optional() }))
    .max(200)
    .default([]),
});

// ---- answers

const named = z.object({ id: z.uuid(), name: z.string() });

export const petitionerOut = z.object({
  id: z.uuid(),
  fullName: z.string().describe('"(ẩn)" when the caller may not see identities'),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  isRepresentative: z.boolean(),
});

export const deadlineOut = z.object({
  id: z.uuid(),
  rule: z.string(),
  ruleVersion: z.number().int(),
  start: z.string(),
  due: z.string(),
  dayKind: z.enum(['calendar', 'working']),
  days: z.number().int(),
  basis: z.string().describe('The legal basis of the rule version that set it'),
  variants: z.array(z.string()),
  provisional: z.boolean(),
  status: z.enum(['open', 'met', 'missed', 'cancelled']),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
});

export const petitionItem = z
  .object({
    id: z.uuid(),
    registerNumber: z.string().nullable().describe('"12/2026" in its register, null until registered'),
    register,
    year: z.number().int(),
    number: z.number().int().nullable(),
    receivedOn: z.string(),
    channel,
    kind: petitionKind.nullable(),
    summary: z.string(),
    state: petitionState,
    receivingBody: named,
    project: named.nullable(),
    parentId: z.uuid().nullable(),
    petitionerNames: z.array(z.string()).describe('Names, or "(ẩn)" for a caller who may not see identities'),
    identityVisible: z.boolean(),
    nextDue: z.string().nullable(),
    overdue: z.boolean(),
  })
  .describe('PetitionItem');

export const petitionsPage = z.object({
  items: z.array(petitionItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const petitionDetail = petitionItem
  .extend({
    content: z.string(),
    forwardedFrom: z.object({ bodyId: z.uuid().nullable(), name: z.string().nullable() }).nullable(),
    eligible: z.boolean().nullable(),
    eligibilityReason: z.string().nullable(),
    anonymous: z.boolean(),
    competence: competence.nullable(),
    signatoryCount: z.number().int(),
    addressUnit: named.nullable(),
    suspendedFrom: z.string().nullable(),
    mergedIntoId: z.uuid().nullable(),
    trackingCode: z.string().nullable().describe('The citizen’s tracking code (for those who act on the case)'),
    public: z.boolean(),
    closedOn: z.string().nullable(),
    version,
    petitioners: z.array(petitionerOut),
    officers: z.array(named),
    attachments: z
      .array(
        z.object({
          id: z.uuid(),
          filename: z.string(),
          contentType: z.string(),
          size: z.number(),
          url: z.string().nullable(),
        }),
      )
      .describe(
        'Files the petitioners gave (personal data: to whoever may not see the identities, a neutral name and no url)',
      ),
    events: z.array(
      z.object({
        id: z.uuid(),
        day: z.string(),
        action: z.string(),
        fromState: z.string().nullable(),
        toState: z.string().nullable(),
        by: z.string().nullable(),
        note: z.string().nullable(),
        at: z.string(),
      }),
    ),
    deadlines: z.array(deadlineOut),
    forwards: z.array(
      z.object({
        id: z.uuid(),
        toBody: named.nullable(),
        toName: z.string().nullable(),
        on: z.string(),
        note: z.string().nullable(),
      }),
    ),
    replies: z.array(
      z.object({
        id: z.uuid(),
        decidedOn: z.string().nullable(),
        receivedOn: z.string(),
        result: z.string(),
        published: z.boolean(),
        publishedText: z.string().nullable(),
      }),
    ),
    links: z.array(
      z.object({ id: z.uuid(), kind: z.string(), targetId: z.uuid().nullable(), note: z.string().nullable() }),
    ),
    parts: z.array(
      z.object({ id: z.uuid(), kind: petitionKind.nullable(), summary: z.string(), state: petitionState }),
    ),
    actions: z.array(petitionAction).describe('What the caller may do now'),
  })
  .describe('PetitionDetail');

export const duplicatesAnswer = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      registerNumber: z.string().nullable(),
      summary: z.string(),
      state: petitionState,
      receivedOn: z.string(),
      receivingBody: named,
      reasons: z.array(z.enum(['petitioner', 'content'])),
      similarity: z.number(),
      petitionerNames: z.array(z.string()).describe('Only for a case whose identities the caller may see; else "(ẩn)"'),
    }),
  ),
});
