import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestBasics, requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam, versionBody } from '../../http/schemas.ts';
import * as s from './indicators.schemas.ts';
import * as service from './indicators.service.ts';
import { reportingCallerOf } from './reporting.scope.ts';

const errors = errorResponses();

/** Indicators are reference data: every signed-in account reads them; those who manage reporting change them. */
export function indicatorsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const managing = (request: FastifyRequest) => requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));
  const reading = (request: FastifyRequest) => requestBasics(ctx, request);

  r.get('/api/reporting/indicators', {
    schema: {
      operationId: 'listIndicators',
      tags,
      summary: 'Indicators (chỉ tiêu), optionally matching a code or name (without diacritics) or of one kind',
      querystring: s.indicatorsQuery,
      response: { 200: s.indicatorList, ...errors },
    },
    handler: async (request) => ({ items: await service.listIndicators(reading(request), request.query) }),
  });

  r.get('/api/reporting/indicators/:id', {
    schema: {
      operationId: 'getIndicator',
      tags,
      summary: 'One indicator',
      params: uuidParam,
      response: { 200: s.indicator, ...errors },
    },
    handler: (request) => service.getIndicator(reading(request), request.params.id),
  });

  r.post('/api/reporting/indicators', {
    schema: {
      operationId: 'createIndicator',
      tags,
      summary: 'Add an indicator (a computed one: its formula is parsed and checked for cycles)',
      body: s.createIndicatorBody,
      response: { 201: s.indicator, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createIndicator(await managing(request), request.body)),
  });

  r.patch('/api/reporting/indicators/:id', {
    schema: {
      operationId: 'updateIndicator',
      tags,
      summary: 'Change an indicator',
      params: uuidParam,
      body: s.updateIndicatorBody,
      response: { 200: s.indicator, ...errors },
    },
    handler: async (request) => service.updateIndicator(await managing(request), request.params.id, request.body),
  });

  r.delete('/api/reporting/indicators/:id', {
    schema: {
      operationId: 'deleteIndicator',
      tags,
      summary: 'Delete an indicator that no form, value, indicator, rule or target names (else 409 IN_USE)',
      params: uuidParam,
      body: versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => {
      await service.deleteIndicator(await managing(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
}
