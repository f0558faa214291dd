import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/errors.ts';
import { uuidParam, version as versionField } from '../../http/schemas.ts';
import * as service from './accounts.service.ts';
import { accountResponse, createBody, listQuery, listResponse, resetBody, updateBody } from './accounts.schemas.ts';

const errors = errorResponses();
const versionBody = z.strictObject({ version: versionField.optional() }).optional();

export function accountsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { auth: 'admin' as const };
  const tags = ['accounts'];

  r.get('/api/accounts', {
    config: admin,
    schema: {
      operationId: 'listAccounts',
      tags,
      summary: 'List accounts',
      querystring: listQuery,
      response: { 200: listResponse, ...errors },
    },
    handler: (request) => service.listAccounts(ctx, request.query),
  });

  r.get('/api/accounts/:id', {
    config: admin,
    schema: {
      operationId: 'getAccount',
      tags,
      summary: 'One account',
      params: uuidParam,
      response: { 200: accountResponse, ...errors },
    },
    handler: async (request) => ({ account: await service.getAccount(ctx, request.params.id) }),
  });

  r.post('/api/accounts', {
    config: admin,
    schema: {
      operationId: 'createAccount',
      tags,
      summary: 'Add an account (must change its password at first sign-in)',
      body: createBody,
      response: { 201: accountResponse, ...errors },
    },
    handler: async (request, reply) => {
      const account = await service.createAccount(ctx, actorOf(request), request.body);
      return reply.status(201).send({ account });
    },
  });

  r.patch('/api/accounts/:id', {
    config: admin,
    schema: {
      operationId: 'updateAccount',
      tags,
      summary: 'Edit an account',
      params: uuidParam,
      body: updateBody,
      response: { 200: accountResponse, ...errors },
    },
    handler: async (request) => ({
      account: await service.updateAccount(ctx, actorOf(request), request.params.id, request.body),
    }),
  });

  r.post('/api/accounts/:id/disable', {
    config: admin,
    schema: {
      operationId: 'disableAccount',
      tags,
      summary: 'Disable an account: its sessions end at once',
      params: uuidParam,
      body: versionBody,
      response: { 200: accountResponse, ...errors },
    },
    handler: async (request) => ({
      account: await service.disableAccount(ctx, actorOf(request), request.params.id, request.body?.version),
    }),
  });

  r.post('/api/accounts/:id/enable', {
    config: admin,
    schema: {
      operationId: 'enableAccount',
      tags,
      summary: 'Enable a disabled account',
      params: uuidParam,
      body: versionBody,
      response: { 200: accountResponse, ...errors },
    },
    handler: async (request) => ({
      account: await service.enableAccount(ctx, actorOf(request), request.params.id, request.body?.version),
    }),
  });

  r.post('/api/accounts/:id/reset-password', {
    config: admin,
    schema: {
      operationId: 'resetAccountPassword',
      tags,
      summary: 'Set a temporary password; the account must change it at next sign-in',
      params: uuidParam,
      body: resetBody,
      response: { 200: accountResponse, ...errors },
    },
    handler: async (request) => ({
      account: await service.resetPassword(ctx, actorOf(request), request.params.id, request.body.password),
    }),
  });
}
