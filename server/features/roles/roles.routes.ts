import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestBasics, requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam } from '../../http/schemas.ts';
import * as service from './roles.service.ts';
import { assignmentItem, createAssignment, roleItem, updateAssignment, versionBody } from './roles.schemas.ts';

const errors = errorResponses();

export function rolesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];
  const admin = { auth: 'admin' as const };
  // Built once per request; the route's access (admin) is all the service needs of the caller.
  const roles = (request: FastifyRequest): Promise<service.RolesRequest> =>
    requestContext(ctx, request, () => Promise.resolve(null));
  const reading = (request: FastifyRequest) => requestBasics(ctx, request);
  r.get('/api/roles', {
    schema: {
      operationId: 'listRoles',
      tags,
      summary: 'Roles: permission sets stored as data',
      response: { 200: z.array(roleItem), ...errors },
    },
    handler: (request) => service.listRoles(reading(request)),
  });
  r.get('/api/accounts/:id/roles', {
    config: admin,
    schema: {
      operationId: 'listAccountRoleAssignments',
      tags,
      summary: 'The role assignments of an account (dated, per unit, optionally narrowed to a body)',
      params: uuidParam,
      response: { 200: z.array(assignmentItem), ...errors },
    },
    handler: (request) => service.listAssignments(reading(request), request.params.id),
  });
  r.get('/api/auth/me/roles', {
    config: { allowWhilePasswordChange: true },
    schema: {
      operationId: 'listMyRoleAssignments',
      tags,
      summary: 'My role assignments',
      response: { 200: z.array(assignmentItem), ...errors },
    },
    handler: (request) => service.listAssignments(reading(request), request.identity!.me.id),
  });
  r.post('/api/accounts/:id/roles', {
    config: admin,
    schema: {
      operationId: 'createRoleAssignment',
      tags,
      summary: 'Give an account a role for a unit (optionally a body), dated',
      params: uuidParam,
      body: createAssignment,
      response: { 201: assignmentItem, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.addAssignment(await roles(request), request.params.id, request.body)),
  });
  r.patch('/api/role-assignments/:id', {
    config: admin,
    schema: {
      operationId: 'updateRoleAssignment',
      tags,
      summary: 'Change the dates of a role assignment (end it)',
      params: uuidParam,
      body: updateAssignment,
      response: { 200: assignmentItem, ...errors },
    },
    handler: async (request) => service.changeAssignment(await roles(request), request.params.id, request.body),
  });
  r.post('/api/role-assignments/:id/delete', {
    config: admin,
    schema: {
      operationId: 'deleteRoleAssignment',
      tags,
      summary: 'Delete a role assignment made by mistake',
      params: uuidParam,
      body: versionBody,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => {
      await service.deleteAssignment(await roles(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
}
