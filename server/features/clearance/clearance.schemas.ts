import { z } from 'zod';
import { isoDate, pagination, ref, text, version } from '../../http/schemas.ts';
import { longText } from '../work/index.ts';
import { CONSENT_STATUSES } from './clearance.rules.ts';

export { versionBody } from '../../http/schemas.ts';

export const consentStatus = z
  .enum(CONSENT_STATUSES)
  .describe('chưa đồng ý / đang vận động / đồng ý / đã bàn giao mặt bằng');
export const scheduleStatus = z
  .enum(['not_started', 'on_schedule', 'behind', 'completed', 'no_households'])
  .describe('Against the straight line from start (0 %) through the milestones to planned completion (100 %)');

const milestoneInput = z.strictObject({
  dueOn: isoDate,
  title: text(300),
  targetPercent: z.number().int().min(0).max(100).describe('Consent expected by that day'),
  doneOn: isoDate.nullable().optional(),
});

const projectFields = {
  code: text(40).pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'clearance.code')),
  name: text(300),
  investor: text(300).nullable().optional(),
  description: longText(10000).nullable().optional(),
  householdTotal: z
    .number()
    .int()
    .min(0)
    .max(100000)
    .nullable()
    .optional()
    .describe('Households affected, as announced'),
  startDate: isoDate,
  plannedCompletionDate: isoDate.describe('Planned completion of the clearance'),
  completedOn: isoDate.nullable().optional().describe('The day the site was wholly handed over'),
  taskId: ref('task').nullable().optional().describe('The commissioned work task that pays for the mobilisation'),
  affectedUnitIds: z.array(ref('unit')).max(100).describe('The communes and villages the project crosses'),
  milestones: z.array(milestoneInput).max(50),
};

export const createProject = z.strictObject({
  bodyId: ref('body').describe('The body that follows the clearance (its unit sets who reads the project)'),
  ...projectFields,
  affectedUnitIds: projectFields.affectedUnitIds.default([]),
  milestones: projectFields.milestones.default([]),
});

export const updateProject = z.strictObject({
  version,
  code: projectFields.code.optional(),
  name: projectFields.name.optional(),
  investor: projectFields.investor,
  description: projectFields.description,
  householdTotal: projectFields.householdTotal,
  startDate: projectFields.startDate.optional(),
  plannedCompletionDate: projectFields.plannedCompletionDate.optional(),
  completedOn: projectFields.completedOn,
  taskId: projectFields.taskId,
  affectedUnitIds: projectFields.affectedUnitIds.optional().describe('Replaces the affected units'),
  milestones: projectFields.milestones.optional().describe('Replaces the milestones'),
});

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Search in codes and names, ignoring diacritics'),
  unitId: ref('unit').optional().describe('Projects owned in, or crossing, this unit’s subtree'),
  ...pagination,
});

export const summary = z
  .object({
    households: z.number().int().describe('Counted: the announced number, or the register when it holds more'),
    registered: z.number().int().describe('Households entered in the register'),
    counts: z.object({
      not_agreed: z.number().int(),
      mobilising: z.number().int(),
      agreed: z.number().int(),
      handed_over: z.number().int(),
    }),
    consented: z.number().int().describe('Agreed or handed over'),
    consentPercent: z.number().nullable().describe('Agreed and handed over over the households counted'),
    handedOverPercent: z.number().nullable(),
    expectedPercent: z.number().describe('Consent the schedule expects today'),
    status: scheduleStatus,
    visitsLast30Days: z.number().int(),
    dialogues: z.number().int().describe('Dialogues held (up to today)'),
    openPetitions: z.number().int(),
  })
  .describe('KeyProjectSummary');

export const projectItem = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    investor: z.string().nullable(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    unitName: z.string().nullable(),
    startDate: z.string(),
    plannedCompletionDate: z.string(),
    completedOn: z.string().nullable(),
    householdTotal: z.number().int().nullable(),
    summary,
    version: z.number().int(),
  })
  .describe('KeyProject');
export type ProjectItem = z.infer<typeof projectItem>;
export const projectPage = z.object({ items: z.array(projectItem), total: z.number().int() });

export const projectDetail = z.object({
  project: projectItem.extend({
    description: z.string().nullable(),
    task: z
      .object({ id: z.uuid(), number: z.number().int(), title: z.string(), status: z.string() })
      .nullable()
      .describe('The commissioned task, when the caller reads it'),
    taskId: z.uuid().nullable(),
  }),
  affectedUnits: z.array(z.object({ id: z.uuid(), name: z.string().nullable(), code: z.string().nullable() })),
  milestones: z.array(
    z.object({
      id: z.uuid(),
      dueOn: z.string(),
      title: z.string(),
      targetPercent: z.number().int(),
      doneOn: z.string().nullable(),
    }),
  ),
  curve: z
    .array(z.object({ day: z.string(), consentPercent: z.number().nullable(), expectedPercent: z.number() }))
    .describe('Consent reached and expected at each month end up to today'),
  permissions: z.object({
    manage: z.boolean().describe('Edit the project and its register'),
    visit: z.boolean().describe('Log visits and consent changes'),
  }),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

// Households

export const householdInput = z.strictObject({
  headName: text(200).describe('Head of household (personal data)'),
  address: text(500).nullable().optional().describe('Personal data'),
  unitId: ref('unit').nullable().optional().describe('The village or commune where the household lives'),
  landArea: z.number().min(0).max(1e9).nullable().optional().describe('m² affected (personal data)'),
  note: longText(2000).nullable().optional(),
  status: consentStatus.optional().describe('Its consent now (default chưa đồng ý), recorded as the first history row'),
  statusOn: isoDate.optional().describe('The day of that status (default today)'),
});

export const updateHousehold = z.strictObject({
  version,
  headName: householdInput.shape.headName.optional(),
  address: householdInput.shape.address,
  unitId: householdInput.shape.unitId,
  landArea: householdInput.shape.landArea,
  note: householdInput.shape.note,
});

export const householdsQuery = z.strictObject({
  status: consentStatus.optional(),
  q: z.string().trim().max(100).optional().describe('Search in names (only where they are shown) and numbers'),
  ...pagination,
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const householdItem = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    identityShown: z.boolean().describe('Whether the head’s name, address and land area are shown to the caller'),
    headName: z.string().nullable(),
    address: z.string().nullable(),
    landArea: z.number().nullable(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    note: z.string().nullable(),
    status: consentStatus,
    statusOn: z.string().nullable(),
    visits: z.number().int(),
    lastVisitOn: z.string().nullable(),
    version: z.number().int(),
  })
  .describe('KeyHousehold');
export const householdPage = z.object({ items: z.array(householdItem), total: z.number().int() });

export const consentInput = z.strictObject({
  status: consentStatus,
  onDate: isoDate,
  note: longText(2000).nullable().optional(),
});

export const consentItem = z.object({
  id: z.uuid(),
  status: consentStatus,
  onDate: z.string(),
  note: z.string().nullable(),
  visitId: z.uuid().nullable(),
  recordedBy: z.string().nullable().describe('Who entered it'),
  createdAt: z.string(),
});

export const visitMemberInput = z
  .strictObject({
    personId: ref('person').optional().describe('A person of the register (name taken from it)'),
    name: text(200).optional().describe('Or a name, for someone not in the register'),
  })
  .refine((a) => a.personId !== undefined || a.name !== undefined, { message: 'validation.attendee', path: ['name'] });

export const visitInput = z.strictObject({
  householdId: ref('household'),
  visitedOn: isoDate,
  outcome: longText(4000).pipe(z.string().min(1, 'validation.required')),
  members: z.array(visitMemberInput).max(20).default([]).describe('Who went (default: the caller’s person)'),
  newStatus: consentStatus.optional().describe('The household’s consent after the visit, if it changed'),
});

export const visitItem = z
  .object({
    id: z.uuid(),
    householdId: z.uuid(),
    householdNumber: z.number().int(),
    headName: z.string().nullable().describe('null where the household’s identity is not shown'),
    visitedOn: z.string(),
    outcome: z.string(),
    members: z.array(z.object({ personId: z.uuid().nullable(), name: z.string() })),
    photoUrl: z.string().nullable(),
    newStatus: consentStatus.nullable(),
    recordedBy: z.string().nullable(),
  })
  .describe('KeyVisit');
export const visitPage = z.object({ items: z.array(visitItem), total: z.number().int() });
export const visitsQuery = z.strictObject({ householdId: ref('household').optional(), ...pagination });

export const householdDetail = z.object({
  household: householdItem,
  projectId: z.uuid(),
  history: z.array(consentItem).describe('Newest first'),
  visits: z.array(visitItem),
});
