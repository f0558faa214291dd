import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { formsRoutes } from './forms.routes.ts';
import { indicatorsRoutes } from './indicators.routes.ts';
import { importRoutes } from './submissions.import.routes.ts';
import { reportingExportsRoutes } from './reporting.exports.routes.ts';
import { submissionsRoutes } from './submissions.routes.ts';
import { totalsRoutes } from './totals.routes.ts';

/** The reporting module's routes, under /api/reporting. */
export function reportingRoutes(app: FastifyInstance, ctx: AppContext): void {
  indicatorsRoutes(app, ctx);
  formsRoutes(app, ctx);
  submissionsRoutes(app, ctx);
  importRoutes(app, ctx);
  totalsRoutes(app, ctx);
  reportingExportsRoutes(app, ctx);
}
