import { z } from 'zod';
import { ref } from '../../http/schemas.ts';
import { unitCode } from '../units/index.ts';
import { periodParam } from './totals.schemas.ts';

export const completenessQuery = z.strictObject({
  form: ref('reportForm'),
  period: periodParam,
  unit: unitCode.describe('The unit whose subtree is looked at (its code on the period’s last day)'),
});

const status = z.enum(['on_time', 'late', 'missing', 'draft', 'returned']);

export const completenessResponse = z
  .object({
    expected: z.number().int().describe('Units and bodies that must submit this form for the period'),
    onTime: z.number().int().describe('Submitted (or approved) by the due day'),
    late: z.number().int().describe('Submitted after the due day'),
    missing: z.number().int().describe('Not submitted: no report, a draft, or a report returned'),
    due: z.string().describe('The due day, YYYY-MM-DD'),
    items: z.array(
      z.object({
        unit: z.object({ id: z.uuid(), code: z.string().nullable(), name: z.string() }),
        body: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        status,
        submittedAt: z.string().nullable(),
      }),
    ),
  })
  .describe('ReportingCompleteness');

export const remindBody = z
  .strictObject({ formId: ref('reportForm'), periodId: periodParam, unitId: ref('unit') })
  .describe('ReportingReminder');

export const remindResponse = z.object({
  notified: z.number().int().describe('Accounts notified (once a day each)'),
});
