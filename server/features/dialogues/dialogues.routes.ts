import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { DOCX_TYPE } from '../../documents/admin-docx.ts';
import { errorBodySchema, errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam } from '../../http/schemas.ts';
import { readUpload } from '../files/index.ts';
import { callerOf, type WorkRequest } from '../work/index.ts';
import * as s from './dialogues.schemas.ts';
import * as service from './dialogues.service.ts';

const errors = errorResponses();
export const MINUTES_LIMIT = 20 * 1024 * 1024;

/** Dialogues (đối thoại) of a body's leaders with residents: readable where the caller reads the body's records,
 * changed with 'dialogues.manage' over the body (checked in the service: out of scope is 404 on reads, 403 on
 * changes). An outcome's follow-up task is created in the same transaction, with the work module's checks. */
export function dialoguesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dialogues = (request: FastifyRequest): Promise<WorkRequest> =>
    requestContext(ctx, request, () => callerOf(ctx.db, request.identity, localDate(ctx.clock.now())));
  const tags = ['dialogues'];
  const scoped = { scope: 'unit' as const };

  r.get('/api/dialogues', {
    schema: {
      operationId: 'listDialogues',
      tags,
      summary: 'Dialogues of the bodies the caller reads, newest first',
      querystring: s.listQuery,
      response: { 200: s.dialoguePage, ...errors },
    },
    handler: async (request) => service.listDialogues(await dialogues(request), request.query),
  });
  r.post('/api/dialogues', {
    config: scoped,
    schema: {
      operationId: 'createDialogue',
      tags,
      summary:
        'Record a dialogue with attendees and outcomes, creating the follow-up tasks asked for in the same step (dialogues.manage over the body; work.manage over each task’s programme)',
      body: s.createDialogue,
      response: { 201: s.dialogueDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createDialogue(await dialogues(request), request.body)),
  });
  r.get('/api/dialogues/:id', {
    schema: {
      operationId: 'getDialogue',
      tags,
      summary: 'A dialogue with its attendees, outcomes and the tasks they became',
      params: uuidParam,
      response: { 200: s.dialogueDetail, ...errors },
    },
    handler: async (request) => service.dialogueDetail(await dialogues(request), request.params.id),
  });
  r.patch('/api/dialogues/:id', {
    config: scoped,
    schema: {
      operationId: 'updateDialogue',
      tags,
      summary: 'Edit a dialogue: fields, attendees, outcomes (and create an outcome’s task now)',
      params: uuidParam,
      body: s.updateDialogue,
      response: { 200: s.dialogueDetail, ...errors },
    },
    handler: async (request) => service.updateDialogue(await dialogues(request), request.params.id, request.body),
  });
  r.post('/api/dialogues/:id/delete', {
    config: scoped,
    schema: {
      operationId: 'deleteDialogue',
      tags,
      summary: 'Delete a dialogue (the tasks made from its outcomes stay)',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => service.deleteDialogue(await dialogues(request), request.params.id, request.body),
  });
  r.post('/api/dialogues/:id/minutes-file', {
    config: { ...scoped, multipart: true },
    schema: {
      operationId: 'setDialogueMinutesFile',
      tags,
      summary: 'Attach the signed minutes (PDF, Word or a scanned image, at most 20 MB); a new file replaces it',
      consumes: ['multipart/form-data'],
      params: uuidParam,
      response: { 200: s.dialogueDetail, 413: errorBodySchema, 415: errorBodySchema, ...errors },
    },
    handler: async (request) =>
      service.setMinutesFile(
        { ...(await dialogues(request)), app: ctx },
        request.params.id,
        await readUpload(request, MINUTES_LIMIT),
      ),
  });
  r.get('/api/dialogues/:id/minutes-file', {
    schema: {
      operationId: 'getDialogueMinutesFile',
      tags,
      produces: ['application/pdf', DOCX_TYPE, 'image/jpeg', 'image/png', 'image/webp'],
      summary: 'The dialogue’s minutes file, for its readers',
      params: uuidParam,
      response: { 401: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (request, reply) => {
      const f = await service.minutesFile({ ...(await dialogues(request)), app: ctx }, request.params.id);
      return reply
        .type(f.contentType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .send(f.data as never);
    },
  });
}
