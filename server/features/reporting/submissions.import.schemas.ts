import { z } from 'zod';
import { ref } from '../../http/schemas.ts';
import { periodIdField } from './submissions.schemas.ts';

/** The form fields sent with the sheet (multipart/form-data, beside the `file` part). */
export const importFields = z.strictObject({
  formId: ref('reportForm'),
  periodId: periodIdField,
  submit: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: submit each report that breaks no blocking rule once its values are in'),
});

export const importResult = z
  .object({
    imported: z.boolean().describe('false when a row has a problem: then nothing is written'),
    encoding: z.string().describe('How the file was read: xlsx, utf-8, windows-1258, tcvn3, vni, xlsx+tcvn3…'),
    rows: z.number().int().describe('Rows with a value read from the sheet'),
    created: z.number().int().describe('Drafts opened'),
    updated: z.number().int().describe('Drafts (or returned reports) that existed and took the values'),
    values: z.number().int().describe('Values written'),
    submitted: z.number().int(),
    notSubmitted: z
      .array(z.object({ unit: z.string(), body: z.string().nullable(), messages: z.array(z.string()) }))
      .describe('With submit: the reports left as drafts, with their blocking checks'),
    errorCount: z.number().int(),
    errors: z
      .array(
        z.object({
          row: z.number().int().describe('The row number as the spreadsheet shows it'),
          field: z.enum(['unit', 'body', 'indicator', 'category', 'value']),
          message: z.string(),
        }),
      )
      .describe('The problems of the rows (the first 1,000), in the caller’s language'),
  })
  .describe('ReportImport');

export const templateQuery = z.strictObject({
  period: periodIdField.optional().describe('The period: its form version, and the values already entered'),
});
