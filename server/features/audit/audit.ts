import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorBodySchema } from '../../http/errors.ts';
import { isoDate, pagination, ref } from '../../http/schemas.ts';

const auditItem = z
  .object({
    id: z.number().int(),
    at: z.string().describe('ISO instant'),
    actor: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).nullable(),
    actorLabel: z.string().nullable().describe('web, api-token, cli, seed, job:<name>, setup'),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z.string().describe('create, update, delete, restore, purge, sign_in, sign_in_failed, sign_out, view_personal, …'),
    table: z.string().nullable(),
    recordId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .describe('AuditEntry');

const auditQuery = z.strictObject({
  table: z.string().max(60).optional(),
  record: z.string().max(100).optional().describe('Record id'),
  actor: ref('account').optional().describe('Account id'),
  action: z.string().max(40).optional(),
  from: isoDate.optional().describe('From this day (Asia/Ho_Chi_Minh)'),
  to: isoDate.optional().describe('Up to and including this day'),
  ...pagination,
});

/** Quản trị › Nhật ký: every create, update, delete and sign-in with who, when, from where and the values
 * before and after (never secrets). Administrators see it all; scope by unit arrives with unit-owned records. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    config: { auth: 'admin' },
    schema: { operationId: 'listAuditEntries', tags: ['audit'], summary: 'The audit log, newest first, filterable by record, account, action and date', querystring: auditQuery, response: { 200: z.object({ items: z.array(auditItem), total: z.number().int() }), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema } },
    handler: async (request) => {
      const q = request.query;
      let query = ctx.db.selectFrom('audit_log as l').leftJoin('accounts as a', 'a.id', 'l.actor_account_id');
      if (q.table) query = query.where('l.table_name', '=', q.table);
      if (q.record) query = query.where('l.record_id', '=', q.record);
      if (q.actor) query = query.where('l.actor_account_id', '=', q.actor);
      if (q.action) query = query.where('l.action', '=', q.action);
      if (q.from) query = query.where('l.at', '>=', sql<Date>`(${q.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
      if (q.to) query = query.where('l.at', '<', sql<Date>`(${q.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
      const [rows, total] = await Promise.all([
        query
          .select(['l.id', 'l.at', 'l.actor_account_id', 'a.username', 'a.display_name', 'l.actor_label', 'l.ip', 'l.request_id', 'l.action', 'l.table_name', 'l.record_id', 'l.before', 'l.after'])
          .orderBy('l.id', 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(total.n),
        items: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actor: r.actor_account_id && r.username ? { id: r.actor_account_id, username: r.username, displayName: r.display_name! } : null,
          actorLabel: r.actor_label,
          ip: r.ip,
          requestId: r.request_id,
          action: r.action,
          table: r.table_name,
          recordId: r.record_id,
          before: r.before ?? null,
          after: r.after ?? null,
        })),
      };
    },
  });
}
