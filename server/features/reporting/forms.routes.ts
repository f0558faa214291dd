import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestBasics, requestContext } from '../../http/request-context.ts';
import { uuidParam } from '../../http/schemas.ts';
import * as s from './forms.schemas.ts';
import * as service from './forms.service.ts';
import { reportingCallerOf } from './reporting.scope.ts';
import { rulesRoutes } from './rules.routes.ts';

const errors = errorResponses();

/** Report forms (mẫu báo cáo) with their dated versions, and the validation rules: read by every signed-in account,
 * changed by those who manage reporting. */
export function formsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const managing = (request: FastifyRequest) => requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));
  const reading = (request: FastifyRequest) => requestBasics(ctx, request);

  r.get('/api/reporting/forms', {
    schema: {
      operationId: 'listReportForms',
      tags,
      summary: 'Report forms, each with the version in force today',
      response: { 200: s.formList, ...errors },
    },
    handler: async (request) => ({ items: await service.listForms(reading(request)) }),
  });

  r.get('/api/reporting/forms/:id', {
    schema: {
      operationId: 'getReportForm',
      tags,
      summary: 'A report form with all its versions, the latest first',
      params: uuidParam,
      response: { 200: s.formDetail, ...errors },
    },
    handler: (request) => service.getForm(reading(request), request.params.id),
  });

  r.post('/api/reporting/forms', {
    schema: {
      operationId: 'createReportForm',
      tags,
      summary: 'Add a report form with its first version (in force since ever)',
      body: s.createFormBody,
      response: { 201: s.formDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createForm(await managing(request), request.body)),
  });

  r.patch('/api/reporting/forms/:id', {
    schema: {
      operationId: 'updateReportForm',
      tags,
      summary: 'Rename a report form',
      params: uuidParam,
      body: s.updateFormBody,
      response: { 200: s.formDetail, ...errors },
    },
    handler: async (request) => service.updateForm(await managing(request), request.params.id, request.body),
  });

  r.post('/api/reporting/forms/:id/versions', {
    schema: {
      operationId: 'addReportFormVersion',
      tags,
      summary: 'A new version of a form from a date; the version in force until then ends the day before',
      params: uuidParam,
      body: s.newVersionBody,
      response: { 201: s.formDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.addVersion(await managing(request), request.params.id, request.body)),
  });

  r.patch('/api/reporting/forms/:id/versions/:versionId', {
    schema: {
      operationId: 'updateReportFormVersion',
      tags,
      summary: 'Correct a version of a form in place',
      params: s.versionParams,
      body: s.updateVersionBody,
      response: { 200: s.formDetail, ...errors },
    },
    handler: async (request) =>
      service.updateVersion(await managing(request), request.params.id, request.params.versionId, request.body),
  });

  r.get('/api/reporting/forms/:id/periods', {
    schema: {
      operationId: 'listReportFormPeriods',
      tags,
      summary: 'The periods of a form up to a date, the latest first, with their days, due date and lock',
      params: uuidParam,
      querystring: s.periodsQuery,
      response: { 200: s.formPeriods, ...errors },
    },
    handler: async (request) => ({
      items: await service.formPeriods(reading(request), request.params.id, request.query),
    }),
  });

  rulesRoutes(app, ctx);
}
