import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestBasics } from '../../http/request-context.ts';
import * as s from './legal-deadlines.schemas.ts';
import * as service from './legal-deadlines.service.ts';

const errors = errorResponses();

/** Legal deadlines: every signed-in account reads the rules, computes a deadline and reads a year's calendar;
 * administrators add rule versions, confirm them and keep each year's announced holiday adjustments. */
export function legalDeadlinesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['legal-deadlines'];
  const basics = (request: FastifyRequest) => requestBasics(ctx, request);
  const admin = { auth: 'admin' as const };

  r.get('/api/legal-deadlines', {
    schema: {
      operationId: 'listLegalDeadlines',
      tags,
      summary: 'The deadline rules in force on a day (the applied version of each)',
      querystring: s.asOfQuery,
      response: { 200: s.listResponse, ...errors },
    },
    handler: (request) => service.listInForce(basics(request), request.query.asOf),
  });

  r.get('/api/legal-deadlines/compute', {
    schema: {
      operationId: 'computeLegalDeadline',
      tags,
      summary:
        'The due date of a rule for an event day (not counted), with the variants of the case (Civil Code Đ.147–148)',
      querystring: s.computeQuery,
      response: { 200: s.computeResponse, ...errors },
    },
    handler: (request) => service.compute(basics(request), request.query),
  });

  r.get('/api/legal-deadlines/rules', {
    schema: {
      operationId: 'listLegalDeadlineRules',
      tags,
      summary: 'Every rule with all its versions, applied and alternative, marking the one in force on a day',
      querystring: s.asOfQuery,
      response: { 200: s.rulesResponse, ...errors },
    },
    handler: (request) => service.listRulesWithVersions(basics(request), request.query.asOf),
  });

  r.post('/api/legal-deadlines/rules/:code/versions', {
    config: admin,
    schema: {
      operationId: 'addLegalDeadlineVersion',
      tags,
      summary: 'Add a version of a rule (an applied one ends the version in force on its first day)',
      params: s.ruleCodeParam,
      body: s.addVersionBody,
      response: { 201: s.versionResponse, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.addVersion(basics(request), request.params.code, request.body)),
  });

  r.post('/api/legal-deadlines/versions/:id/confirm', {
    config: admin,
    schema: {
      operationId: 'confirmLegalDeadlineVersion',
      tags,
      summary: 'Mark a rule version checked against the published text',
      params: s.versionIdParam,
      response: { 200: s.versionResponse, ...errors },
    },
    handler: (request) => service.confirmVersion(basics(request), request.params.id),
  });

  r.get('/api/legal-deadlines/holidays/:year', {
    schema: {
      operationId: 'getHolidayYear',
      tags,
      summary: 'A year’s holidays, days in lieu and announced adjustments, and whether the year is confirmed',
      params: s.yearParam,
      response: { 200: s.yearResponse, ...errors },
    },
    handler: (request) => service.holidayYear(basics(request), request.params.year),
  });

  r.put('/api/legal-deadlines/holidays/:year', {
    config: admin,
    schema: {
      operationId: 'setHolidayAdjustments',
      tags,
      summary: 'Replace a year’s announced adjustments (bridge days, swapped working Saturdays)',
      params: s.yearParam,
      body: s.setAdjustmentsBody,
      response: { 200: s.yearResponse, ...errors },
    },
    handler: (request) => service.setAdjustments(basics(request), request.params.year, request.body),
  });

  r.post('/api/legal-deadlines/holidays/:year/confirm', {
    config: admin,
    schema: {
      operationId: 'confirmHolidayYear',
      tags,
      summary: 'Confirm a year’s calendar against its announcement (or withdraw the confirmation)',
      params: s.yearParam,
      body: s.confirmYearBody,
      response: { 200: s.yearResponse, ...errors },
    },
    handler: (request) => service.confirmYear(basics(request), request.params.year, request.body),
  });
}
