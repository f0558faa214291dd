import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/errors.ts';
import { pickLang } from '../../i18n/messages.ts';
import * as service from './retention.service.ts';
import { kindParam, ruleItem, ruleUpdate } from './retention.schemas.ts';

export function retentionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses();
  const lang = (q: FastifyRequest) => pickLang(q.headers['accept-language']);
  r.get('/api/retention-rules', {
    config: { auth: 'admin' },
    schema: {
      operationId: 'listRetentionRules',
      tags: ['retention'],
      summary: 'How long personal data is kept, per kind of record',
      response: { 200: z.array(ruleItem), ...errors },
    },
    handler: (request) => service.listRules(ctx, lang(request)),
  });
  r.put('/api/retention-rules/:kind', {
    config: { auth: 'admin' },
    schema: {
      operationId: 'updateRetentionRule',
      tags: ['retention'],
      summary: 'Set the retention period of a kind of personal data (months; null keeps it)',
      params: kindParam,
      body: ruleUpdate,
      response: { 200: ruleItem, ...errors },
    },
    handler: (request) => service.updateRule(ctx, actorOf(request), lang(request), request.params.kind, request.body),
  });
}
