import { z } from 'zod';
import { isoDate, pagination, ref, text, version } from '../../http/schemas.ts';
import { formVersion } from './forms.schemas.ts';
import { figure } from './indicators.schemas.ts';

export const submissionStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;

export const periodIdField = z
  .string()
  .min(4)
  .max(20)
  .regex(/^[0-9QS.]+$/, 'validation.periodId')
  .describe('A period as DHIS2 names it: 2021, 2021S1, 2021Q3, 202107, or a range 202101..202109');

const category = z
  .string()
  .max(40)
  .regex(/^[a-z_]*$/, 'validation.category')
  .describe("'' for the whole; a body kind code (youth_union) for an indicator broken down by organisation");

const named = z.object({ id: z.uuid(), code: z.string().nullable(), name: z.string() });

export const submissionSummary = z
  .object({
    id: z.uuid(),
    form: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    periodId: z.string(),
    periodLabel: z.string().describe('Tháng 11/2021, Quý III/2021, 6 tháng đầu năm 2021, Năm 2021'),
    periodStart: z.string().describe('First day the figures cover (the collection window)'),
    periodEnd: z.string().describe('Last day the figures cover; the unit tree and form version of this day apply'),
    unit: named,
    body: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    status: z.enum(submissionStatuses),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    due: z.string().describe('Due date (YYYY-MM-DD)'),
    late: z.boolean().describe('Submitted after the due date, or not submitted and past it'),
    conflicts: z.number().int().describe('Values also reported by another approved submission'),
    version: z.number().int(),
  })
  .describe('SubmissionSummary');

export const reportValue = z.object({
  indicatorId: z.uuid(),
  category: z.string(),
  value: z.number().nullable(),
  text: z.string().nullable(),
});
const valuesOfPeriod = z.object({ periodId: z.string(), values: z.array(reportValue) }).nullable();

export const check = z
  .object({
    indicatorId: z.uuid(),
    severity: z.enum(['warning', 'blocking']),
    message: z.string(),
  })
  .describe('A validation rule the values break: blocking ones refuse the submission');

export const conflict = z
  .object({
    indicatorId: z.uuid(),
    category: z.string(),
    value: z.number().nullable(),
    counted: z.boolean().describe('Whether this submission’s value is the one in the totals'),
    other: z.object({
      submissionId: z.uuid(),
      formName: z.string(),
      unitName: z.string(),
      bodyName: z.string().nullable(),
      value: z.number().nullable(),
      counted: z.boolean(),
    }),
  })
  .describe('The same figure (indicator, unit, category, overlapping months) in another approved submission');

export const submission = submissionSummary
  .extend({
    formVersion,
    values: z.array(reportValue),
    previous: valuesOfPeriod.describe('The approved values of the previous period, same form and reporter'),
    lastYear: valuesOfPeriod.describe('The approved values of the same period a year earlier'),
    narrative: z.record(z.string(), z.string()).describe('Text of each narrative section, by its key'),
    checks: z.array(check),
    conflicts: z.array(conflict),
    lock: z.object({
      locked: z.boolean(),
      locksOn: z.string().nullable().describe('First day the period is locked (null: it never locks)'),
      reason: z.string().nullable(),
      reopenBy: z.string().nullable().describe('Whose reviewers may reopen it'),
    }),
    can: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      approve: z.boolean(),
      return: z.boolean(),
      reopen: z.boolean(),
    }),
  })
  .describe('Submission');

export const submissionsQuery = z.strictObject({
  form: ref('reportForm').optional(),
  period: periodIdField.optional(),
  status: z.enum(submissionStatuses).optional(),
  unit: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[0-9A-Za-z.-]+$/, 'validation.unitCode')
    .optional()
    .describe('A unit code: its submissions and those below it'),
  ...pagination,
});
export const submissionsPage = z.object({ items: z.array(submissionSummary), total: z.number().int() });

export const createSubmissionBody = z.strictObject({
  formId: ref('reportForm'),
  periodId: periodIdField,
  unitId: ref('village').describe('The unit reported on (its id; a body’s report: the body’s unit)'),
  bodyId: ref('body').optional().describe('The body reporting, for a form submitted by bodies'),
});

export const valuesBody = z.strictObject({
  version,
  values: z
    .array(
      z.strictObject({
        indicatorId: ref('indicator'),
        category: category.optional(),
        value: figure.nullable().optional(),
        text: z.string().max(4000).nullable().optional(),
      }),
    )
    .max(2000),
  narrative: z.record(z.string().max(40), z.string().max(20_000)).optional(),
});

export const reasonBody = z.strictObject({ version, reason: text(2000) });

export const chooseBody = z.strictObject({
  version,
  indicatorId: ref('indicator'),
  category: category.default(''),
});

export const reopenPeriodParams = z.strictObject({ id: z.uuid(), periodId: periodIdField });
export const reopenPeriodBody = z.strictObject({
  reason: text(2000),
  until: isoDate.describe('Last day the period stays open again'),
  unitId: ref('village').optional().describe('Only this unit’s reporters (default: every reporter of the form)'),
});
export const reopening = z.object({
  id: z.uuid(),
  formId: z.uuid(),
  periodId: z.string(),
  unitId: z.uuid().nullable(),
  reason: z.string(),
  until: z.string(),
});

export const myReportsQuery = z.strictObject({
  date: isoDate.optional().describe('The day to look from (default today)'),
});
export const myReports = z.object({
  items: z.array(
    z.object({
      form: z.object({ id: z.uuid(), code: z.string(), name: z.string(), periodType: z.string() }),
      period: z.object({
        id: z.string(),
        label: z.string(),
        start: z.string(),
        end: z.string(),
        due: z.string(),
        locksOn: z.string().nullable(),
      }),
      unit: named,
      body: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      submission: submissionSummary.nullable(),
      late: z.boolean(),
    }),
  ),
});
