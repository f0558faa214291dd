import { z } from 'zod';
import { ref } from '../../http/schemas.ts';

export const openWork = z.object({
  items: z.array(z.object({ key: z.string(), label: z.string(), open: z.number().int() })),
});
export const handoverBody = z.strictObject({
  toAccountId: ref('account').describe('The account that takes over the open work'),
  endRoles: z.boolean().default(false).describe('End the leaving account’s role assignments today'),
  disable: z.boolean().default(false).describe('Disable the leaving account (its sessions end)'),
});
export const handoverResult = z.object({
  moved: z.array(z.object({ key: z.string(), label: z.string(), moved: z.number().int() })),
  rolesEnded: z.number().int(),
  disabled: z.boolean(),
});

export type HandoverInput = z.infer<typeof handoverBody>;
