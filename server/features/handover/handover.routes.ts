import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/errors.ts';
import { uuidParam } from '../../http/schemas.ts';
import * as service from './handover.service.ts';
import { handoverBody, handoverResult, openWork } from './handover.schemas.ts';

const lang = (request: FastifyRequest): 'vi' | 'en' =>
  request.headers['accept-language']?.startsWith('en') ? 'en' : 'vi';

export function handoverRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses();
  r.get('/api/accounts/:id/open-work', {
    config: { auth: 'admin' },
    schema: {
      operationId: 'getAccountOpenWork',
      tags: ['handover'],
      summary: 'What open work an account holds, per module',
      params: uuidParam,
      response: { 200: openWork, ...errors },
    },
    handler: (request) => service.openWorkOf(ctx, lang(request), request.params.id),
  });
  r.post('/api/accounts/:id/handover', {
    config: { auth: 'admin' },
    schema: {
      operationId: 'handOverAccountWork',
      tags: ['handover'],
      summary: 'Hand an account’s open work to another account in one step (a person leaves or changes post)',
      params: uuidParam,
      body: handoverBody,
      response: { 200: handoverResult, ...errors },
    },
    handler: (request) => service.handover(ctx, actorOf(request), lang(request), request.params.id, request.body),
  });
}
