import { z } from 'zod';
import { INT32_MAX, isoDate, text } from '../../http/schemas.ts';

export const ruleCode = z
  .string()
  .max(120)
  .regex(/^[a-z][a-z0-9_]{0,39}(\.[a-z][a-z0-9_]{0,39}){0,3}$/, 'legalDeadlines.ruleCode')
  .describe('A rule code, e.g. complaint.accept');

export const variantCode = z
  .string()
  .max(40)
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'legalDeadlines.variantCode')
  .describe('A variant code, e.g. complex, remote, extension');

const dayKind = z.enum(['calendar', 'working']).describe('calendar: ngày; working: ngày làm việc');

export const asOfQuery = z.strictObject({
  asOf: isoDate.optional().describe('The day (YYYY-MM-DD); default today in Asia/Ho_Chi_Minh'),
});

export const computeQuery = z.strictObject({
  rule: ruleCode,
  start: isoDate.describe('The event day (YYYY-MM-DD), not counted; the rule version in force that day applies'),
  variant: z
    .union([variantCode, z.array(variantCode).max(10)])
    .optional()
    .describe('Variants, repeated as the case needs (variant=remote&variant=complex; extension twice: two extensions)'),
});

export const ruleCodeParam = z.strictObject({ code: ruleCode });
export const yearParam = z.strictObject({
  year: z.coerce.number().int().min(1900, 'legalDeadlines.year').max(2100, 'legalDeadlines.year'),
});

const variantSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['combine', 'repeat']).describe('combine: a circumstance read with the others chosen; repeat: adds'),
    days: z.number().int().nullable().describe('repeat: the days each use adds'),
    maxUses: z.number().int().nullable().describe('repeat: how many times it may be used'),
    basis: z.string().nullable(),
  })
  .describe('LegalDeadlineVariant');

const combinationSchema = z
  .object({
    variants: z.array(z.string()).describe('The combine variants chosen together'),
    days: z.number().int(),
    basis: z.string().nullable(),
  })
  .describe('LegalDeadlineCombination');

export const ruleInForce = z
  .object({
    code: z.string(),
    version: z.number().int().describe('The rule version number'),
    dayKind,
    days: z.number().int(),
    basis: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable().describe('The first day it no longer applies (half-open), or null'),
    name: z.string(),
    confirmed: z.boolean().describe('false: not yet checked against the published text ("chưa đối chiếu")'),
    variants: z.array(variantSchema),
    combinations: z.array(combinationSchema),
  })
  .describe('LegalDeadlineRule');

export const listResponse = z.array(ruleInForce);

export const computeResponse = z
  .object({
    rule: z.string(),
    version: z.number().int(),
    start: z.string(),
    due: z.string().describe('The last day of the period (YYYY-MM-DD)'),
    dayKind,
    days: z.number().int().describe('The days counted, variants included'),
    basis: z.string(),
    provisional: z.boolean().describe('A year the period runs through has a holiday calendar not yet confirmed'),
    name: z.string(),
    confirmed: z.boolean().describe('The rule version has been checked against the published text'),
  })
  .describe('LegalDeadline');

const versionDetail = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    dayKind,
    days: z.number().int(),
    basis: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    status: z.enum(['applied', 'alternative']).describe('alternative: kept with its basis, not used'),
    confirmed: z.boolean(),
    confirmedAt: z.string().nullable(),
    note: z.string().nullable(),
    inForce: z.boolean().describe('The applied version on the day asked'),
    variants: z.array(variantSchema),
    combinations: z.array(combinationSchema),
  })
  .describe('LegalDeadlineVersion');

export const rulesResponse = z.object({
  asOf: z.string(),
  items: z.array(
    z
      .object({
        code: z.string(),
        name: z.string(),
        description: z.string().nullable(),
        versions: z.array(versionDetail),
      })
      .describe('LegalDeadlineRuleWithVersions'),
  ),
});

const optionalText = (max: number) => text(max).nullable().optional();

export const addVersionBody = z.strictObject({
  dayKind,
  days: z.number().int().min(1).max(3660),
  basis: text(2000).describe('The legal basis, quoted'),
  validFrom: isoDate.describe('The first day it applies; the version in force then ends the day before'),
  validTo: isoDate.optional().describe('The first day it no longer applies; default: open, or the next version'),
  status: z.enum(['applied', 'alternative']).default('applied'),
  confirmed: z.boolean().default(false).describe('Checked against the published text'),
  note: optionalText(1000),
  variants: z
    .array(
      z.strictObject({
        code: variantCode,
        name: text(200),
        kind: z.enum(['combine', 'repeat']),
        days: z.number().int().min(1).max(3660).optional(),
        maxUses: z.number().int().min(1).max(20).optional(),
        basis: optionalText(2000),
      }),
    )
    .max(10)
    .default([]),
  combinations: z
    .array(
      z.strictObject({
        variants: z.array(variantCode).min(1).max(5),
        days: z.number().int().min(1).max(3660),
        basis: optionalText(2000),
      }),
    )
    .max(32)
    .default([]),
});

export const versionIdParam = z.strictObject({ id: z.uuid() });

const dayStatus = z
  .object({
    date: z.string(),
    working: z.boolean(),
    reason: z
      .enum(['weekday', 'weekend', 'holiday', 'in_lieu', 'off', 'work'])
      .describe('holiday; in_lieu (nghỉ bù); off / work: an announced adjustment'),
    name: z.string().nullable(),
  })
  .describe('CalendarDay');

export const yearResponse = z
  .object({
    year: z.number().int(),
    confirmed: z.boolean(),
    confirmedAt: z.string().nullable(),
    basis: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int().nullable().describe('The year’s edit version; null before anything was set for it'),
    days: z
      .array(dayStatus)
      .describe('Every day that is not an ordinary weekday or weekend: holidays, days in lieu, adjustments'),
    adjustments: z.array(z.object({ date: z.string(), kind: z.enum(['off', 'work']), note: z.string().nullable() })),
    definitions: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        calendar: z.enum(['solar', 'lunar']),
        month: z.number().int(),
        day: z.number().int(),
        days: z.number().int(),
        basis: z.string(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
      }),
    ),
  })
  .describe('HolidayYear');

const yearVersion = z
  .number()
  .int()
  .min(1)
  .max(INT32_MAX)
  .nullable()
  .describe('The year’s version as read (null when it had none); a stale one is 409 CONFLICT');

export const setAdjustmentsBody = z.strictObject({
  version: yearVersion,
  adjustments: z
    .array(z.strictObject({ date: isoDate, kind: z.enum(['off', 'work']), note: optionalText(300) }))
    .max(60)
    .describe('The whole list for the year (replaces it); a changed list leaves the year unconfirmed'),
  basis: optionalText(500).describe('The announcement the list follows'),
  note: optionalText(1000),
});

export const confirmYearBody = z.strictObject({
  version: yearVersion,
  confirmed: z.boolean().describe('true: checked against the announcement; false: withdraw the confirmation'),
  basis: optionalText(500),
});

export type AddVersionInput = z.infer<typeof addVersionBody>;
export type SetAdjustmentsInput = z.infer<typeof setAdjustmentsBody>;
export type ConfirmYearInput = z.infer<typeof confirmYearBody>;

export const versionResponse = versionDetail.extend({ rule: z.string() }).describe('LegalDeadlineVersionOfRule');
