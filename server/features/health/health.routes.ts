import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError, errorBodySchema } from '../../http/errors.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { auth: 'public', rateLimit: false },
    schema: {
      operationId: 'getHealth',
      tags: ['health'],
      summary: 'Liveness and database check for monitoring',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['embedded', 'external']) }), 503: errorBodySchema },
    },
    handler: async () => {
      try {
        await sql`select 1`.execute(ctx.db);
      } catch {
        throw new AppError('DB_UNAVAILABLE');
      }
      return { status: 'ok' as const, db: ctx.dbMode };
    },
  });
}
