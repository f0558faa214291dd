import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { uuidParam } from '../../http/schemas.ts';
import { reportingCallerOf } from './reporting.scope.ts';
import * as s from './targets.schemas.ts';
import * as service from './targets.service.ts';

const errors = errorResponses();

/** Targets (kế hoạch giao): read with the unit, set from the level above, split down the tree. */
export function targetsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const caller = (request: FastifyRequest) => requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));

  r.get('/api/reporting/targets', {
    schema: {
      operationId: 'listReportingTargets',
      tags,
      summary: 'The targets of a unit and of its children, optionally of one period and indicator',
      querystring: s.targetsQuery,
      response: { 200: s.targetList, ...errors },
    },
    config: { auth: 'user' },
    handler: async (request) => service.listTargets(await caller(request), request.query),
  });

  r.put('/api/reporting/targets', {
    schema: {
      operationId: 'putReportingTarget',
      tags,
      summary:
        'Set the target of an indicator for a unit and period (by those managing reporting over the unit’s parent)',
      body: s.putTargetBody,
      response: { 200: s.target, ...errors },
    },
    config: { auth: 'user', scope: 'unit' },
    handler: async (request) => service.putTarget(await caller(request), request.body),
  });

  r.post('/api/reporting/targets/:id/split', {
    schema: {
      operationId: 'splitReportingTarget',
      tags,
      summary:
        'Split a target among the unit’s children: proportionally (last year’s results or equal; rounding adds up ' +
        'exactly) or by hand (shares adding up to it)',
      params: uuidParam,
      body: s.splitTargetBody,
      response: { 200: s.targetList, ...errors },
    },
    config: { auth: 'user', scope: 'unit' },
    handler: async (request) => service.splitTarget(await caller(request), request.params.id, request.body),
  });
}
