import { z } from 'zod';
import { version as versionField } from '../../http/schemas.ts';

export const ruleItem = z.object({
  kind: z.string(),
  name: z.string(),
  fields: z.array(z.string()).describe('The personal fields erased'),
  months: z
    .number()
    .int()
    .nullable()
    .describe('Months after the record ends (deleted, disabled, written) before they are erased; null: kept'),
  version: z.number().int(),
});
export const ruleUpdate = z.strictObject({
  version: versionField,
  months: z.number().int().min(1).max(1200).nullable(),
});
export const kindParam = z.strictObject({ kind: z.string().regex(/^[a-z_]{1,40}$/) });

export type RuleUpdateInput = z.infer<typeof ruleUpdate>;
