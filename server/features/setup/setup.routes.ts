import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorBodySchema } from '../../http/errors.ts';
import { email, password, text, username } from '../../http/schemas.ts';
import * as service from './setup.service.ts';

const setupBody = z.strictObject({
  username,
  displayName: text(200),
  email: email.optional(),
  password,
  setupToken: z
    .string()
    .max(200)
    .optional()
    .describe('Printed in the server log; not needed from the server machine itself'),
});

export function setupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/setup/status', {
    config: { auth: 'public' },
    schema: {
      operationId: 'getSetupStatus',
      tags: ['setup'],
      summary: 'Whether the first administrator still has to be created',
      response: { 200: z.object({ needsSetup: z.boolean() }) },
    },
    handler: async () => ({ needsSetup: await service.needsSetup(ctx) }),
  });
  r.post('/api/setup', {
    config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      operationId: 'createFirstAdministrator',
      tags: ['setup'],
      summary: 'Create the first administrator (empty database only; from loopback, or with the one-time setup token)',
      body: setupBody,
      response: {
        201: z.object({ ok: z.literal(true) }),
        400: errorBodySchema,
        403: errorBodySchema,
        409: errorBodySchema,
      },
    },
    handler: async (request, reply) => {
      await service.createFirstAdmin(ctx, request.body, {
        ip: request.ip,
        requestId: String(request.id),
        fromLoopback: service.isLoopback(request.socket.remoteAddress) && request.ip === request.socket.remoteAddress,
      });
      return reply.status(201).send({ ok: true as const });
    },
  });
}
