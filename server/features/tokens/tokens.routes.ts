import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/errors.ts';
import { actorOf } from '../../http/auth.ts';
import { requestContext } from '../../http/request-context.ts';
import { okResponse, uuidParam } from '../../http/schemas.ts';
import * as service from './tokens.service.ts';
import { createTokenBody, createTokenResponse, listTokensResponse } from './tokens.schemas.ts';

const errors = errorResponses(400, 401, 403, 404);

export function tokensRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tokens'];
  // Built once per request: the signed-in account is both who acts and whose tokens these are.
  const tokens = (request: FastifyRequest) =>
    requestContext(ctx, request, () => Promise.resolve({ accountId: actorOf(request).accountId }));

  r.get('/api/tokens', {
    schema: {
      operationId: 'listTokens',
      tags,
      summary: 'My personal API tokens',
      response: { 200: listTokensResponse, ...errors },
    },
    handler: async (request) => ({ items: await service.listTokens(await tokens(request)) }),
  });

  r.post('/api/tokens', {
    schema: {
      operationId: 'createToken',
      tags,
      summary: 'Create a personal API token (the secret is shown once)',
      body: createTokenBody,
      response: { 201: createTokenResponse, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.createToken(await tokens(request), request.body)),
  });

  r.delete('/api/tokens/:id', {
    schema: {
      operationId: 'revokeToken',
      tags,
      summary: 'Revoke one of my API tokens',
      params: uuidParam,
      response: { 200: okResponse, ...errors },
    },
    handler: async (request) => {
      await service.revokeToken(await tokens(request), request.params.id);
      return { ok: true as const };
    },
  });
}
