import { z } from 'zod';
import { isoDate, ref, version } from '../../http/schemas.ts';
import { longText } from './task.schemas.ts';

// What is said about a task as it goes: progress reports, comments, attached files and deadline extensions.

export const progressInput = z.strictObject({
  progress: z.number().int().min(0).max(100),
  note: longText(5000).optional(),
  cooperatorId: ref('cooperator').optional().describe('Report on a cooperating body’s own part'),
  reportedByPersonId: ref('person')
    .nullable()
    .optional()
    .describe('Who reported it (a person, perhaps without an account); default the account’s person'),
  reportedOn: isoDate.optional().describe('Date of the report (default today); not in the future'),
  fileIds: z.array(ref('file')).max(20).default([]).describe('Evidence uploaded with POST /api/uploads'),
  resultValue: z
    .number()
    .min(0)
    .max(1e12)
    .nullable()
    .optional()
    .describe('The result reached so far, against the target'),
});

export const commentInput = z.strictObject({ note: longText(5000).pipe(z.string().min(1, 'validation.required')) });

export const extensionRequest = z.strictObject({
  requestedDueDate: isoDate,
  reason: longText(2000).pipe(z.string().min(1, 'validation.required')),
});
export const extensionDecision = z.strictObject({
  version,
  decision: z.enum(['granted', 'refused']),
  note: longText(2000).optional(),
});

export const attachInput = z.strictObject({ fileId: ref('file') });
