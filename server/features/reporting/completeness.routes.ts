import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import * as s from './completeness.schemas.ts';
import * as service from './completeness.service.ts';
import { reportingCallerOf } from './reporting.scope.ts';

const errors = errorResponses();

/** Which units and bodies submitted a form's period on time, late or not at all; a reminder to the missing ones. */
export function completenessRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const caller = (request: FastifyRequest) => requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));

  r.get('/api/reporting/completeness', {
    schema: {
      operationId: 'readReportingCompleteness',
      tags,
      summary: 'Who under a unit submitted a form’s period on time, late or not at all',
      querystring: s.completenessQuery,
      response: { 200: s.completenessResponse, ...errors },
    },
    config: { auth: 'user' },
    handler: async (request) => service.readCompleteness(await caller(request), request.query),
  });

  r.post('/api/reporting/completeness/remind', {
    schema: {
      operationId: 'remindMissingReports',
      tags,
      summary: 'Notify those who report for the units and bodies that have not submitted (once a day each)',
      body: s.remindBody,
      response: { 200: s.remindResponse, ...errors },
    },
    config: { auth: 'user', scope: 'unit' },
    handler: async (request) => service.remindMissing(await caller(request), request.body),
  });
}
