import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestBasics, requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam, versionBody } from '../../http/schemas.ts';
import { reportingCallerOf } from './reporting.scope.ts';
import * as s from './rules.schemas.ts';
import * as service from './rules.service.ts';

const errors = errorResponses();

/** Validation rules of reported values: read by every signed-in account, changed by those who manage reporting. */
export function rulesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const managing = (request: FastifyRequest) => requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));

  r.get('/api/reporting/rules', {
    schema: {
      operationId: 'listReportRules',
      tags,
      summary: 'Validation rules, of a form (with those of every form) or an indicator',
      querystring: s.rulesQuery,
      response: { 200: s.ruleList, ...errors },
    },
    handler: async (request) => ({ items: await service.listRules(requestBasics(ctx, request), request.query) }),
  });

  r.post('/api/reporting/rules', {
    schema: {
      operationId: 'createReportRule',
      tags,
      summary: 'Add a validation rule',
      body: s.createRuleBody,
      response: { 201: s.rule, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createRule(await managing(request), request.body)),
  });

  r.patch('/api/reporting/rules/:id', {
    schema: {
      operationId: 'updateReportRule',
      tags,
      summary: 'Change a validation rule',
      params: uuidParam,
      body: s.updateRuleBody,
      response: { 200: s.rule, ...errors },
    },
    handler: async (request) => service.updateRule(await managing(request), request.params.id, request.body),
  });

  r.delete('/api/reporting/rules/:id', {
    schema: {
      operationId: 'deleteReportRule',
      tags,
      summary: 'Delete a validation rule',
      params: uuidParam,
      body: versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => {
      await service.deleteRule(await managing(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
}
