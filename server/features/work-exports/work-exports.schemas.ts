import { z } from 'zod';
import { ref, text } from '../../http/schemas.ts';

/** The form fields sent with the programme sheet (multipart/form-data, beside the `file` part). */
export const importFields = z.strictObject({
  bodyId: ref('body').describe('The body that owns the new programme'),
  year: z.coerce.number().int().min(2000).max(2100),
  title: text(300),
});

export const importResult = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    title: z.string(),
    groupCount: z.number().int(),
    taskCount: z.number().int(),
  })
  .describe('ProgrammeImport');
