import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { uuidParam, version as versionField } from '../../http/schemas.ts';
import * as service from './accounts.service.ts';
import { accountResponse, createBody, listQuery, listResponse, resetBody, updateBody } from './accounts.schemas.ts';

const errors = errorResponses();
const versionBody = z.strictObject({ version: versionField.optional() }).optional();

export function accountsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { auth: 'admin' as const };
  const tags = ['accounts'];
  // Built once per request; the route's access (admin) is all the service needs of the caller. The app is given
  // whole, as the service hashes passwords.
  const accounts = async (request: FastifyRequest): Promise<service.AccountsRequest> => ({
    ...(await requestContext(ctx, request, () => Promise.resolve(null))),
    app: ctx,
  });
  const reading = { app: ctx };

  r.get('/api/accounts', {
    config: admin,
    schema: {
      operationId: 'listAccounts',
      tags,
      summary: 'List accounts',
      querystring: listQuery,
      response: { 200: listResponse, ...errors },
    },
    handler: (request) => service.listAccounts(reading, request.query),
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
    handler: async (request) => ({ account: await service.getAccount(reading, request.params.id) }),
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
      const account = await service.createAccount(await accounts(request), request.body);
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
      account: await service.updateAccount(await accounts(request), request.params.id, request.body),
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
      account: await service.disableAccount(await accounts(request), request.params.id, request.body),
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
      account: await service.enableAccount(await accounts(request), request.params.id, request.body),
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
      account: await service.resetPassword(await accounts(request), request.params.id, request.body),
    }),
  });
}
