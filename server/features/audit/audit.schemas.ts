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
    recordId: z.string().nullable().describe("The record's id (or code, for kinds keyed by code)"),
    recordLabel: z
      .string()
      .nullable()
      .describe(
        'What people call the record, in the language of Accept-Language ("Nhiệm vụ số 2 — Tuyên truyền…", ' +
          '"Tài khoản canbo@khoi.local", "Cán bộ Nguyễn Văn A"): from the record as it is now, or from the values ' +
          'the entry stored once the record is gone. Names only, never contact details. Null when the entry names ' +
          'no record (a sign-in with an unknown login, an erasure)',
      ),
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
