import { z } from 'zod';
import { isoDate, ref, text, version } from '../../http/schemas.ts';
import { valueTypes } from './indicators.schemas.ts';

export const periodTypes = ['month', 'quarter', 'half', 'nine_months', 'year', 'ad_hoc'] as const;
export const FORM_CODE = /^[A-Z][A-Z0-9_-]{0,39}$/;

const kindCode = z
  .string()
  .max(40)
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'validation.kindCode');

const section = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'validation.sectionKey')
    .describe('A short key: results, shortcomings, causes, tasks'),
  title: text(200).describe('"Tồn tại, hạn chế"'),
});

/** What a form asks, who submits it and when, for the days a version is in force. */
const versionFields = {
  submitter: z.enum(['unit', 'body']).describe("A unit's report (its bloc office) or a body's report (up its line)"),
  unitKinds: z.array(kindCode).max(20).describe('Kinds of units that submit (commune, ward, village…)'),
  bodyKinds: z.array(kindCode).max(30).describe('Kinds of bodies that submit (a body report), or whose share is asked'),
  windowDay: z
    .number()
    .int()
    .min(2)
    .max(28)
    .nullable()
    .describe('Figures from this day of the month before to the day before it (15: 15th to 14th); null: calendar'),
  dueDays: z.number().int().min(0).max(120).describe('Due this many days after the period’s last day'),
  lockDays: z.number().int().min(0).max(366).nullable().describe('Locked this many days after due; null: never'),
  sections: z.array(section).max(20).describe('Narrative sections'),
  indicators: z
    .array(z.strictObject({ indicatorId: ref('indicator'), required: z.boolean() }))
    .max(300)
    .describe('The indicators asked, in order'),
};

export const formVersionInput = z.strictObject(versionFields).describe('FormVersionInput');

export const createFormBody = z
  .strictObject({
    code: z
      .string()
      .transform((s) => s.trim().toUpperCase())
      .pipe(z.string().regex(FORM_CODE, 'validation.formCode'))
      .describe('Upper-case letters, digits, underscore and hyphen, starting with a letter'),
    name: text(300),
    periodType: z.enum(periodTypes),
    firstVersion: formVersionInput,
  })
  .describe('FormInput');

export const updateFormBody = z.strictObject({ version, name: text(300).optional() }).describe('FormChange');

export const newVersionBody = z
  .strictObject({
    validFrom: isoDate.describe('The first day the new version is in force; the previous one ends the day before'),
    ...versionFields,
  })
  .describe('NewFormVersion');

export const updateVersionBody = z
  .strictObject({ version, ...versionFields })
  .partial()
  .required({ version: true })
  .describe('FormVersionChange');

export const versionParams = z.strictObject({ id: z.uuid(), versionId: z.uuid() });

export const periodsQuery = z.strictObject({
  date: isoDate.optional().describe('The day to look back from (default today)'),
  count: z.coerce.number().int().min(1).max(60).default(12),
});

export const formVersion = z
  .object({
    id: z.uuid(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable().describe('The first day it is no longer in force'),
    submitter: z.enum(['unit', 'body']),
    unitKinds: z.array(z.string()),
    bodyKinds: z.array(z.string()),
    windowDay: z.number().int().nullable(),
    dueDays: z.number().int(),
    lockDays: z.number().int().nullable(),
    sections: z.array(z.object({ key: z.string(), title: z.string() })),
    indicators: z.array(
      z.object({
        indicatorId: z.uuid(),
        code: z.string(),
        name: z.string(),
        measure: z.string().nullable(),
        valueType: z.enum(valueTypes),
        breakdown: z.enum(['organisation']).nullable(),
        required: z.boolean(),
        position: z.number().int(),
      }),
    ),
    version: z.number().int(),
  })
  .describe('FormVersion');

export const formSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    periodType: z.enum(periodTypes),
    current: formVersion.nullable().describe('The version in force today'),
    version: z.number().int(),
  })
  .describe('FormSummary');

export const formDetail = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    periodType: z.enum(periodTypes),
    version: z.number().int(),
    versions: z.array(formVersion).describe('Latest first'),
  })
  .describe('Form');

export const formList = z.object({ items: z.array(formSummary) });

export const formPeriod = z
  .object({
    id: z.string().describe('DHIS2 period id: 202111, 2021Q3, 2021S1, 2021, 202101..202109'),
    label: z.string().describe('"Tháng 11/2021", "Quý III/2021"…'),
    start: z.string(),
    end: z.string(),
    due: z.string(),
    locksOn: z.string().nullable().describe('The first day the period is locked'),
    reopenings: z
      .array(
        z.object({
          unitId: z.uuid().nullable().describe('Only this unit’s reporters (null: every reporter of the form)'),
          unitName: z.string().nullable(),
          reason: z.string(),
          until: z.string().describe('Last day it stays open again'),
          by: z.string().nullable().describe('Who reopened it'),
          at: z.string(),
        }),
      )
      .describe('Reopenings of the locked period still in force on the date, latest first'),
  })
  .describe('FormPeriod');

export const formPeriods = z.object({ items: z.array(formPeriod) });

export type FormVersion = z.infer<typeof formVersion>;
export type FormVersionInput = z.output<typeof formVersionInput>;
export type PeriodTypeName = (typeof periodTypes)[number];
