import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import * as service from './audit.service.ts';
import { auditQuery, auditResponse } from './audit.schemas.ts';

const errors = errorResponses(400, 401, 403);

/** Quản trị › Nhật ký: every create, update, delete and sign-in with who, when, from where and the values
 * before and after (never secrets), each record named as people call it. Administrators see it all; scope by unit
 * arrives with unit-owned records. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    config: { auth: 'admin' },
    schema: {
      operationId: 'listAuditEntries',
      tags: ['audit'],
      summary: 'The audit log, newest first, filterable by record, account, action and date',
      querystring: auditQuery,
      response: { 200: auditResponse, ...errors },
    },
    handler: async (request) =>
      service.listEntries(await requestContext(ctx, request, () => Promise.resolve(null)), request.query),
  });
}
