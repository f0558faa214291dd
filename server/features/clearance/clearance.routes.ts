import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { errorBodySchema, errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam } from '../../http/schemas.ts';
import { readUpload } from '../files/index.ts';
import { callerOf, type WorkRequest } from '../work/index.ts';
import * as s from './clearance.schemas.ts';
import * as service from './clearance.service.ts';
import * as households from './households.service.ts';

const errors = errorResponses();
/** A visit's photo, taken on a phone (compressed by the page before it is sent). */
export const VISIT_PHOTO_LIMIT = 5 * 1024 * 1024;

/** Site clearance (giải phóng mặt bằng): key projects, their households' consent over time, mobilisation visits.
 * Readable by the project's owner body's readers and by the readers of the units it crosses; changed with
 * 'clearance.manage' (projects, register) or 'clearance.visit' (visits, consent), checked in the services: out of
 * scope is 404 on reads, 403 on changes. */
export function clearanceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clearance = (request: FastifyRequest): Promise<WorkRequest> =>
    requestContext(ctx, request, () => callerOf(ctx.db, request.identity, localDate(ctx.clock.now())));
  const tags = ['clearance'];
  const scoped = { scope: 'unit' as const };

  r.get('/api/key-projects', {
    schema: {
      operationId: 'listKeyProjects',
      tags,
      summary: 'Key projects the caller reads, with consent %, schedule status, visits, dialogues, open petitions',
      querystring: s.listQuery,
      response: { 200: s.projectPage, ...errors },
    },
    handler: async (request) => service.listProjects(await clearance(request), request.query),
  });
  r.post('/api/key-projects', {
    config: scoped,
    schema: {
      operationId: 'createKeyProject',
      tags,
      summary: 'Create a key project (clearance.manage over the body)',
      body: s.createProject,
      response: { 201: s.projectDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createProject(await clearance(request), request.body)),
  });
  r.get('/api/key-projects/:id', {
    schema: {
      operationId: 'getKeyProject',
      tags,
      summary: 'A key project: summary, affected units, milestones, the consent curve, the commissioned task',
      params: uuidParam,
      response: { 200: s.projectDetail, ...errors },
    },
    handler: async (request) => service.projectDetail(await clearance(request), request.params.id),
  });
  r.patch('/api/key-projects/:id', {
    config: scoped,
    schema: {
      operationId: 'updateKeyProject',
      tags,
      summary: 'Edit a key project (affected units and milestones, when given, are replaced)',
      params: uuidParam,
      body: s.updateProject,
      response: { 200: s.projectDetail, ...errors },
    },
    handler: async (request) => service.updateProject(await clearance(request), request.params.id, request.body),
  });
  r.post('/api/key-projects/:id/delete', {
    config: scoped,
    schema: {
      operationId: 'deleteKeyProject',
      tags,
      summary: 'Delete a key project',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => service.deleteProject(await clearance(request), request.params.id, request.body),
  });

  r.get('/api/key-projects/:id/households', {
    schema: {
      operationId: 'listKeyHouseholds',
      tags,
      summary: 'The register of households with their current consent; identities only where the caller may see them',
      params: uuidParam,
      querystring: s.householdsQuery,
      response: { 200: s.householdPage, ...errors },
    },
    handler: async (request) => households.listHouseholds(await clearance(request), request.params.id, request.query),
  });
  r.post('/api/key-projects/:id/households', {
    config: scoped,
    schema: {
      operationId: 'createKeyHousehold',
      tags,
      summary: 'Add a household to the register with its consent now (clearance.manage)',
      params: uuidParam,
      body: s.householdInput,
      response: { 201: s.householdDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await households.createHousehold(await clearance(request), request.params.id, request.body)),
  });
  r.get('/api/key-households/:id', {
    schema: {
      operationId: 'getKeyHousehold',
      tags,
      summary: 'A household, its consent history (newest first) and its visits',
      params: uuidParam,
      response: { 200: s.householdDetail, ...errors },
    },
    handler: async (request) => households.householdDetail(await clearance(request), request.params.id),
  });
  r.patch('/api/key-households/:id', {
    config: scoped,
    schema: {
      operationId: 'updateKeyHousehold',
      tags,
      summary: 'Edit a household’s register entry (clearance.manage)',
      params: uuidParam,
      body: s.updateHousehold,
      response: { 200: s.householdDetail, ...errors },
    },
    handler: async (request) => households.updateHousehold(await clearance(request), request.params.id, request.body),
  });
  r.post('/api/key-households/:id/consents', {
    config: scoped,
    schema: {
      operationId: 'addKeyHouseholdConsent',
      tags,
      summary: 'Record a change of the household’s consent on a day (clearance.visit); the history is kept',
      params: uuidParam,
      body: s.consentInput,
      response: { 201: s.householdDetail, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await households.addConsent(await clearance(request), request.params.id, request.body)),
  });

  r.get('/api/key-projects/:id/visits', {
    schema: {
      operationId: 'listKeyVisits',
      tags,
      summary: 'Mobilisation visits of a project (or of one household), newest first',
      params: uuidParam,
      querystring: s.visitsQuery,
      response: { 200: s.visitPage, ...errors },
    },
    handler: async (request) => households.listVisits(await clearance(request), request.params.id, request.query),
  });
  r.post('/api/key-projects/:id/visits', {
    config: scoped,
    schema: {
      operationId: 'createKeyVisit',
      tags,
      summary: 'Log a mobilisation visit, and the consent it brought (clearance.visit)',
      params: uuidParam,
      body: s.visitInput,
      response: { 201: s.visitItem, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await households.createVisit(await clearance(request), request.params.id, request.body)),
  });
  r.post('/api/key-visits/:id/photo', {
    config: { ...scoped, multipart: true },
    schema: {
      operationId: 'setKeyVisitPhoto',
      tags,
      summary: 'Attach the visit’s photo (JPEG, PNG or WebP, at most 5 MB); a new one replaces it',
      consumes: ['multipart/form-data'],
      params: uuidParam,
      response: { 200: s.visitItem, 413: errorBodySchema, 415: errorBodySchema, ...errors },
    },
    handler: async (request) =>
      households.setVisitPhoto(
        { ...(await clearance(request)), app: ctx },
        request.params.id,
        await readUpload(request, VISIT_PHOTO_LIMIT),
      ),
  });
  r.get('/api/key-visits/:id/photo', {
    schema: {
      operationId: 'getKeyVisitPhoto',
      tags,
      produces: ['image/jpeg', 'image/png', 'image/webp'],
      summary: 'The visit’s photo, for those who see the household’s identity',
      params: uuidParam,
      response: { 401: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (request, reply) => {
      const f = await households.visitPhoto({ ...(await clearance(request)), app: ctx }, request.params.id);
      return reply
        .type(f.contentType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .send(f.data as never);
    },
  });
}
