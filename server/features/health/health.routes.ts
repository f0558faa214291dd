import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorBodySchema } from '../../http/errors.ts';
import { health } from './health.service.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { auth: 'public', rateLimit: false },
    schema: {
      operationId: 'getHealth',
      tags: ['health'],
      summary: 'Liveness and database check for monitoring',
      response: {
        200: z.object({ status: z.literal('ok'), db: z.enum(['embedded', 'external']) }),
        503: errorBodySchema,
      },
    },
    handler: () => health(ctx),
  });
}
