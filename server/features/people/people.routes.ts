import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth.ts';
import { errorResponses, errorBodySchema } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam } from '../../http/schemas.ts';
import { asOfOnly } from '../units/index.ts';
import * as s from './people.schemas.ts';
import * as service from './people.service.ts';
import { readUpload } from '../files/index.ts';

export const PHOTO_LIMIT = 2 * 1024 * 1024;

const errors = errorResponses();

export function peopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  const admin = { auth: 'admin' as const };
  // Built once per request: who calls, with whether it is an administrator (personal data, photos). The app is
  // given whole, as setting a photo stores a file.
  const people = async (request: FastifyRequest) => ({
    ...(await requestContext(ctx, request, () =>
      Promise.resolve({ accountId: actorOf(request).accountId, isAdmin: request.identity!.me.isAdmin }),
    )),
    app: ctx,
  });
  const reading = { app: ctx };

  r.get('/api/people', {
    schema: {
      operationId: 'listPeople',
      tags,
      summary: 'People (cán bộ) with their positions on a date; no personal data',
      querystring: s.listQuery,
      response: { 200: s.listResponse, ...errors },
    },
    handler: (request) => service.listPeople(reading, request.query),
  });
  r.get('/api/people/:id', {
    schema: {
      operationId: 'getPerson',
      tags,
      summary:
        'A person, their positions over time and, for administrators and the person, their personal data (the view is logged)',
      params: uuidParam,
      querystring: asOfOnly,
      response: { 200: s.personDetail, ...errors },
    },
    handler: async (request) => service.personDetail(await people(request), request.params.id, request.query.asOf),
  });
  r.post('/api/people', {
    config: admin,
    schema: {
      operationId: 'createPerson',
      tags,
      summary: 'Add a person (with or without an account)',
      body: s.createPerson,
      response: { 201: s.personItem, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createPerson(await people(request), request.body)),
  });
  r.patch('/api/people/:id', {
    config: admin,
    schema: {
      operationId: 'updatePerson',
      tags,
      summary: 'Edit a person',
      params: uuidParam,
      body: s.updatePerson,
      response: { 200: s.personItem, ...errors },
    },
    handler: async (request) => service.updatePerson(await people(request), request.params.id, request.body),
  });
  r.post('/api/people/:id/delete', {
    config: admin,
    schema: {
      operationId: 'deletePerson',
      tags,
      summary: 'Delete a person entered by mistake (restorable)',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: s.personItem, ...errors },
    },
    handler: async (request) => service.deletePerson(await people(request), request.params.id, request.body),
  });
  r.post('/api/people/:id/restore', {
    config: admin,
    schema: {
      operationId: 'restorePerson',
      tags,
      summary: 'Restore a deleted person',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: s.personItem, ...errors },
    },
    handler: async (request) => service.restorePerson(await people(request), request.params.id, request.body),
  });
  r.post('/api/people/:id/positions', {
    config: admin,
    schema: {
      operationId: 'createPosition',
      tags,
      summary: 'Give a person a position in a body (dated; acting or concurrent)',
      params: uuidParam,
      body: s.createPosition,
      response: { 201: s.positionItem, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.addPosition(await people(request), request.params.id, request.body)),
  });
  r.patch('/api/positions/:id', {
    config: admin,
    schema: {
      operationId: 'updatePosition',
      tags,
      summary: 'Edit or end a position (set validTo)',
      params: uuidParam,
      body: s.updatePosition,
      response: { 200: s.positionItem, ...errors },
    },
    handler: async (request) => service.updatePosition(await people(request), request.params.id, request.body),
  });
  r.post('/api/positions/:id/delete', {
    config: admin,
    schema: {
      operationId: 'deletePosition',
      tags,
      summary: 'Delete a position entered by mistake',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => {
      await service.deletePosition(await people(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
  r.post('/api/people/:id/photo', {
    config: { multipart: true },
    schema: {
      operationId: 'setPersonPhoto',
      tags,
      summary: 'Set a person’s photo (JPEG, PNG or WebP, at most 2 MB): administrators and the person',
      consumes: ['multipart/form-data'],
      params: uuidParam,
      response: {
        200: z.object({ photoUrl: z.string().nullable() }),
        413: errorBodySchema,
        415: errorBodySchema,
        ...errors,
      },
    },
    handler: async (request) =>
      service.setPhoto(await people(request), request.params.id, await readUpload(request, PHOTO_LIMIT)),
  });
  r.post('/api/people/:id/photo/delete', {
    schema: {
      operationId: 'deletePersonPhoto',
      tags,
      summary: 'Remove a person’s photo',
      params: uuidParam,
      response: { 200: z.object({ photoUrl: z.string().nullable() }), ...errors },
    },
    handler: async (request) => service.setPhoto(await people(request), request.params.id, null),
  });
  r.get('/api/bodies/:id/positions', {
    schema: {
      operationId: 'listBodyPositions',
      tags,
      summary: 'Who holds positions in a body on a date',
      params: uuidParam,
      querystring: asOfOnly,
      response: { 200: z.array(s.positionItem), ...errors },
    },
    handler: (request) => service.positionsOfBody(reading, request.params.id, request.query.asOf),
  });
}
