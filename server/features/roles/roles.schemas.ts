import { z } from 'zod';
import { isoDate, ref, version as versionField } from '../../http/schemas.ts';
import { unitCode } from '../units/index.ts';

export const roleItem = z.object({ code: z.string(), name: z.string(), permissions: z.array(z.string()) });
export const assignmentItem = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    role: z.string(),
    roleName: z.string(),
    unitId: z.uuid(),
    unitCode: z.string().nullable(),
    unitName: z.string().describe('The unit as it is named on the assignment’s first day (or today)'),
    bodyId: z.uuid().nullable(),
    bodyName: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    version: z.number().int(),
  })
  .describe('RoleAssignment');
export const createAssignment = z.strictObject({
  role: z.string().min(1).max(40),
  unitCode: unitCode.describe('The unit, by its code on `validFrom` (or today)'),
  bodyId: ref('body')
    .nullable()
    .optional()
    .describe('Narrows the role to this body and the bodies below it in its line'),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
});
export const updateAssignment = z.strictObject({
  version: versionField,
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
});
export const versionBody = z.strictObject({ version: versionField });

export type CreateAssignmentInput = z.infer<typeof createAssignment>;
export type UpdateAssignmentInput = z.infer<typeof updateAssignment>;
