import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { attachment, DOCX_TYPE, XLSX_TYPE } from '../../documents/admin-docx.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { sendXlsx } from '../../http/xlsx-table.ts';
import { reportingCallerOf } from './reporting.scope.ts';
import { reviewQuery } from './reporting.exports.schemas.ts';
import { pivotXlsx, reviewDocx } from './reporting.exports.service.ts';
import { pivotQuery } from './totals.schemas.ts';

const errors = errorResponses();

/** Exports of reporting: the pivot view as Excel, a unit's period as a Word review report (sơ kết / tổng kết). */
export function reportingExportsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];

  r.get('/api/reporting/pivot.xlsx', {
    schema: {
      operationId: 'exportReportingPivotXlsx',
      tags,
      produces: [XLSX_TYPE],
      summary:
        'The pivot view (the same query and scope as GET /api/reporting/pivot) as an Excel workbook: unit, period and ' +
        'date above rows × indicators with result, target, % of target, difference and the same period last year',
      querystring: pivotQuery,
      response: errors,
    },
    config: { auth: 'user' },
    handler: async (request, reply) => {
      const rq = await requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));
      const file = await pivotXlsx(rq, request.query);
      return sendXlsx(reply, file.filename, file.data);
    },
  });

  r.get('/api/reporting/review.docx', {
    schema: {
      operationId: 'exportReportingReviewDocx',
      tags,
      produces: [DOCX_TYPE],
      summary:
        'A unit’s period as a Word review report (báo cáo sơ kết / tổng kết) in the issuing body’s document layout: ' +
        'results by task group and by indicator against the plan and last year, then shortcomings, causes and tasks ' +
        'ahead from the approved reports’ narratives, ready to edit',
      querystring: reviewQuery,
      response: errors,
    },
    config: { auth: 'user' },
    handler: async (request, reply) => {
      const rq = await requestContext(ctx, request, (req) => reportingCallerOf(ctx, req));
      const file = await reviewDocx(rq, request.query);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .send(file.data as never);
    },
  });
}
