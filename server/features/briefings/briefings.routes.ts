import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { errorResponses, errorBodySchema } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam } from '../../http/schemas.ts';
import { attachment, DOCX_TYPE } from '../../documents/admin-docx.ts';
import { taskDetailSchema as taskDetail } from '../work/index.ts';
import { callerOf, type WorkRequest } from '../work/index.ts';
import { noticeDocx } from './briefings.notice.ts';
import * as s from './briefings.schemas.ts';
import * as service from './briefings.service.ts';

const errors = errorResponses();

/** Briefings (họp giao ban): readable where the caller reads the body's records, changed with 'work.manage' over
 * the body (checked in the service: out of scope is 404 on reads, 403 on changes). */
export function briefingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Built once per request: the caller as the work module sees it, with its scope as of today.
  const briefings = (request: FastifyRequest): Promise<WorkRequest> =>
    requestContext(ctx, request, () => callerOf(ctx.db, request.identity, localDate(ctx.clock.now())));
  const tags = ['briefings'];
  const scoped = { scope: 'unit' as const };

  r.get('/api/briefings', {
    schema: {
      operationId: 'listBriefings',
      tags,
      summary: 'Briefings of the bodies the caller reads, newest first',
      querystring: s.listQuery,
      response: { 200: s.briefingPage, ...errors },
    },
    handler: async (request) => service.listBriefings(await briefings(request), request.query),
  });
  r.post('/api/briefings', {
    config: scoped,
    schema: {
      operationId: 'createBriefing',
      tags,
      summary: 'Record a briefing with its attendees and conclusions (work.manage over the body)',
      body: s.createBriefing,
      response: { 201: s.briefingDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createBriefing(await briefings(request), request.body)),
  });
  r.get('/api/briefings/:id', {
    schema: {
      operationId: 'getBriefing',
      tags,
      summary: 'A briefing with its attendees, conclusions (and the tasks they became) and notice',
      params: uuidParam,
      response: { 200: s.briefingDetail, ...errors },
    },
    handler: async (request) => service.briefingDetail(await briefings(request), request.params.id),
  });
  r.patch('/api/briefings/:id', {
    config: scoped,
    schema: {
      operationId: 'updateBriefing',
      tags,
      summary: 'Edit a briefing: fields, attendees, conclusions (add, edit, reorder, remove an unlinked one)',
      params: uuidParam,
      body: s.updateBriefing,
      response: { 200: s.briefingDetail, ...errors },
    },
    handler: async (request) => service.updateBriefing(await briefings(request), request.params.id, request.body),
  });
  r.post('/api/briefings/:id/delete', {
    config: scoped,
    schema: {
      operationId: 'deleteBriefing',
      tags,
      summary: 'Delete a briefing (the tasks made from its conclusions stay)',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => service.deleteBriefing(await briefings(request), request.params.id, request.body),
  });
  r.post('/api/briefings/:id/notice', {
    config: scoped,
    schema: {
      operationId: 'issueBriefingNotice',
      tags,
      summary: 'Issue the conclusions notice number (once; asking again keeps it)',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: s.briefingDetail, ...errors },
    },
    handler: async (request) => service.issueNotice(await briefings(request), request.params.id, request.body),
  });
  r.get('/api/briefings/:id/notice.docx', {
    schema: {
      operationId: 'exportBriefingNoticeDocx',
      tags,
      produces: [DOCX_TYPE],
      summary:
        'The conclusions notice as a Word document (Decree 30 layout; a draft without number before it is issued)',
      params: uuidParam,
      response: { 401: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (request, reply) => {
      const doc = await noticeDocx(await briefings(request), request.params.id);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachment(doc.filename))
        .header('cache-control', 'no-store')
        .send(doc.data as never);
    },
  });
  r.post('/api/briefing-conclusions/:id/task', {
    config: scoped,
    schema: {
      operationId: 'createTaskFromConclusion',
      tags,
      summary:
        'Turn a conclusion into a task (its title the conclusion’s text unless given); 409 when it already has one',
      params: uuidParam,
      body: s.conclusionTask,
      response: { 201: taskDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.conclusionToTask(await briefings(request), request.params.id, request.body)),
  });
}
