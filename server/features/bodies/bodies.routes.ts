import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestBasics, requestContext } from '../../http/request-context.ts';
import { uuidParam } from '../../http/schemas.ts';
import { asOfOnly } from '../units/index.ts';
import * as s from './bodies.schemas.ts';
import * as service from './bodies.service.ts';

const errors = errorResponses();

/** Bodies are reference data: every signed-in account reads them; administrators change them. */
export function bodiesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bodies'];
  const admin = { auth: 'admin' as const };
  // Built once per request; the route's access (admin) is all the service needs of the caller.
  const bodies = (request: FastifyRequest): Promise<service.BodiesRequest> =>
    requestContext(ctx, request, () => Promise.resolve(null));
  const reading = (request: FastifyRequest) => requestBasics(ctx, request);

  r.get('/api/bodies', {
    schema: {
      operationId: 'listBodies',
      tags,
      summary: 'Bodies in force on a date, optionally of one unit, kind or name',
      querystring: s.listQuery,
      response: { 200: z.array(s.bodyItem), ...errors },
    },
    handler: (request) => service.listBodies(reading(request), request.query),
  });
  r.get('/api/bodies/kinds', {
    schema: {
      operationId: 'listBodyKinds',
      tags,
      summary: 'Kinds of bodies (data an administrator extends)',
      response: { 200: z.array(s.kindItem), ...errors },
    },
    handler: (request) => service.listKinds(reading(request)),
  });
  r.post('/api/bodies/kinds', {
    config: admin,
    schema: {
      operationId: 'createBodyKind',
      tags,
      summary: 'Add a kind of body',
      body: s.createKind,
      response: { 201: s.kindItem, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createKind(await bodies(request), request.body)),
  });
  r.get('/api/bodies/:id', {
    schema: {
      operationId: 'getBody',
      tags,
      summary: 'A body with its line, the bodies below it and its predecessors and successors',
      params: uuidParam,
      querystring: asOfOnly,
      response: { 200: s.bodyDetail, ...errors },
    },
    handler: (request) => service.bodyDetail(reading(request), request.params.id, request.query.asOf),
  });
  r.post('/api/bodies', {
    config: admin,
    schema: {
      operationId: 'createBody',
      tags,
      summary: 'Add a body on a unit',
      body: s.createBody,
      response: { 201: s.bodyItem, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createBodyRecord(await bodies(request), request.body)),
  });
  r.patch('/api/bodies/:id', {
    config: admin,
    schema: {
      operationId: 'updateBody',
      tags,
      summary: 'Edit a body (name, short name, the body above it)',
      params: uuidParam,
      body: s.updateBody,
      response: { 200: s.bodyItem, ...errors },
    },
    handler: async (request) => service.updateBodyRecord(await bodies(request), request.params.id, request.body),
  });
  r.post('/api/bodies/:id/end', {
    config: admin,
    schema: {
      operationId: 'endBody',
      tags,
      summary: 'End a body on a date, naming its successors',
      params: uuidParam,
      body: s.endBody,
      response: { 200: s.bodyItem, ...errors },
    },
    handler: async (request) => service.endBodyRecord(await bodies(request), request.params.id, request.body),
  });
  r.post('/api/bodies/:id/delete', {
    config: admin,
    schema: {
      operationId: 'deleteBody',
      tags,
      summary: 'Delete a body entered by mistake (restorable)',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: s.bodyItem, ...errors },
    },
    handler: async (request) => service.deleteBody(await bodies(request), request.params.id, request.body),
  });
  r.post('/api/bodies/:id/restore', {
    config: admin,
    schema: {
      operationId: 'restoreBody',
      tags,
      summary: 'Restore a deleted body',
      params: uuidParam,
      body: s.versionBody,
      response: { 200: s.bodyItem, ...errors },
    },
    handler: async (request) => service.restoreBody(await bodies(request), request.params.id, request.body),
  });
}
