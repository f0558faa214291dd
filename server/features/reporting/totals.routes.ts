import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { completenessRoutes } from './completeness.routes.ts';
import { reportingCallerOf } from './reporting.scope.ts';
import { targetsRoutes } from './targets.routes.ts';
import { readPivot } from './totals.pivot.service.ts';
import * as s from './totals.schemas.ts';
import { readTotal } from './totals.service.ts';

const errors = errorResponses();

/** Totals, the pivot, targets and completeness: the figures of a subtree, read from the totals kept at approval. */
export function totalsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const reading = (request: FastifyRequest) => requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));

  r.get('/api/reporting/totals', {
    schema: {
      operationId: 'readReportingTotal',
      tags,
      summary:
        'The approved total of an indicator over a unit’s subtree (or a body’s line) and a period or range, with ' +
        'its target, % of target and the reports approved and expected (a fixed contract)',
      querystring: s.totalsQuery,
      response: { 200: s.totalsResponse, ...errors },
    },
    config: { auth: 'user' },
    handler: async (request) => readTotal(await reading(request), request.query),
  });

  r.get('/api/reporting/pivot', {
    schema: {
      operationId: 'readReportingPivot',
      tags,
      summary:
        'Indicators × the unit’s children (with a total row) or × the periods of a range: value, target, % of ' +
        'target, difference and the same period last year',
      querystring: s.pivotQuery,
      response: { 200: s.pivotResponse, ...errors },
    },
    config: { auth: 'user' },
    handler: async (request) => readPivot(await reading(request), request.query),
  });

  targetsRoutes(app, ctx);
  completenessRoutes(app, ctx);
}
