import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { uuidParam, versionBody } from '../../http/schemas.ts';
import { reportingCallerOf, type ReportingRequest } from './reporting.scope.ts';
import * as read from './submissions.read.service.ts';
import * as s from './submissions.schemas.ts';
import * as service from './submissions.service.ts';

const errors = errorResponses();

/** Submissions: my reports, the list, a draft's values, submit, approve, return, reopen, conflict choices, and
 * reopening a locked period. Scope is checked in the services (reporting.scope.ts): a submission the caller does not
 * read is 404, an action it may not take 403. */
export function submissionsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const reporting = (request: FastifyRequest): Promise<ReportingRequest> =>
    requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));

  r.get('/api/reporting/my-reports', {
    schema: {
      operationId: 'myReports',
      tags,
      summary: 'What I must report now: each form and unit or body I report for, its latest period, its report',
      querystring: s.myReportsQuery,
      response: { 200: s.myReports, ...errors },
    },
    handler: async (request) => read.myReports(await reporting(request), request.query),
  });

  r.get('/api/reporting/submissions', {
    schema: {
      operationId: 'listSubmissions',
      tags,
      summary: 'The submissions I review (my subtree) or made (my units and bodies)',
      querystring: s.submissionsQuery,
      response: { 200: s.submissionsPage, ...errors },
    },
    handler: async (request) => read.listSubmissions(await reporting(request), request.query),
  });

  r.post('/api/reporting/submissions', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'createSubmission',
      tags,
      summary: 'Open a draft report of a unit or body for a period (409 CONFLICT naming the existing one)',
      body: s.createSubmissionBody,
      response: { 201: s.submission, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createSubmission(await reporting(request), request.body)),
  });

  r.get('/api/reporting/submissions/:id', {
    schema: {
      operationId: 'getSubmission',
      tags,
      summary: 'A submission: values, last period and last year beside them, checks, conflicts, lock, what I may do',
      params: uuidParam,
      response: { 200: s.submission, ...errors },
    },
    handler: async (request) => read.submissionDetail(await reporting(request), request.params.id),
  });

  r.put('/api/reporting/submissions/:id/values', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'saveSubmissionValues',
      tags,
      summary: 'Save a draft’s values (the whole set) and narrative',
      params: uuidParam,
      body: s.valuesBody,
      response: { 200: s.submission, ...errors },
    },
    handler: async (request) => service.saveValues(await reporting(request), request.params.id, request.body),
  });

  r.post('/api/reporting/submissions/:id/submit', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'submitSubmission',
      tags,
      summary: 'Submit a report to the level above (422 CHECKS_FAILED when a blocking rule is broken)',
      params: uuidParam,
      body: versionBody,
      response: { 200: s.submission, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => service.submitSubmission(await reporting(request), request.params.id, request.body),
  });

  r.post('/api/reporting/submissions/:id/approve', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'approveSubmission',
      tags,
      summary: 'Approve a submitted report (the level above): its values count in every total at once',
      params: uuidParam,
      body: versionBody,
      response: { 200: s.submission, ...errors },
    },
    handler: async (request) => service.approveSubmission(await reporting(request), request.params.id, request.body),
  });

  r.post('/api/reporting/submissions/:id/return', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'returnSubmission',
      tags,
      summary: 'Return a submitted report to its reporter with a reason',
      params: uuidParam,
      body: s.reasonBody,
      response: { 200: s.submission, ...errors },
    },
    handler: async (request) => service.returnSubmission(await reporting(request), request.params.id, request.body),
  });

  r.post('/api/reporting/submissions/:id/reopen', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'reopenSubmission',
      tags,
      summary: 'Reopen an approved report (it is returned; its values leave the totals at once)',
      params: uuidParam,
      body: s.reasonBody,
      response: { 200: s.submission, ...errors },
    },
    handler: async (request) => service.reopenSubmission(await reporting(request), request.params.id, request.body),
  });

  r.post('/api/reporting/submissions/:id/conflicts/choose', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'chooseSubmissionConflict',
      tags,
      summary: 'Count this report’s value of a figure also reported elsewhere (the other stops counting)',
      params: uuidParam,
      body: s.chooseBody,
      response: { 200: s.submission, ...errors },
    },
    handler: async (request) => service.chooseConflict(await reporting(request), request.params.id, request.body),
  });

  r.post('/api/reporting/forms/:id/periods/:periodId/reopen', {
    config: { scope: 'unit' },
    schema: {
      operationId: 'reopenReportPeriod',
      tags,
      summary: 'Reopen a locked period until a day, for a unit’s reporters (its reviewers) or all (administrators)',
      params: s.reopenPeriodParams,
      body: s.reopenPeriodBody,
      response: { 201: s.reopening, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.reopenPeriod(
            await reporting(request),
            request.params.id,
            request.params.periodId,
            request.body,
          ),
        ),
  });
}
