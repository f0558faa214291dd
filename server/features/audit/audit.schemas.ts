import { z } from 'zod';
import { isoDate, pagination, ref } from '../../http/schemas.ts';

export const auditItem = z
  .object({
    id: z.number().int(),
    at: z.string().describe('ISO instant'),
    actor: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).nullable(),
    actorLabel: z.string().nullable().describe('web, api-token, cli, seed, job:<name>, setup'),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z
      .string()
      .describe('create, update, delete, restore, purge, sign_in, sign_in_failed, sign_out, view_personal, …'),
    table: z.string().nullable(),
    recordId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .describe('AuditEntry');

export const auditQuery = z.strictObject({
  table: z.string().max(60).optional(),
  record: z.string().max(100).optional().describe('Record id'),
  actor: ref('account').optional().describe('Account id'),
  action: z.string().max(40).optional(),
  from: isoDate.optional().describe('From this day (Asia/Ho_Chi_Minh)'),
  to: isoDate.optional().describe('Up to and including this day'),
  ...pagination,
});

export const auditResponse = z.object({ items: z.array(auditItem), total: z.number().int() });

export type AuditQuery = z.infer<typeof auditQuery>;
