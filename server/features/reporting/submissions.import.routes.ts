import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { localDate } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import { attachment, XLSX_TYPE } from '../../documents/admin-docx.ts';
import { errorBodySchema, errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { uuidParam } from '../../http/schemas.ts';
import { readUploadForm } from '../files/index.ts';
import { reportingCaller, type ReportingRequest } from './reporting.scope.ts';
import { REPORT_IMPORT_LIMIT } from './submissions.import.ts';
import * as s from './submissions.import.schemas.ts';
import { importReports, importTemplate } from './submissions.import.service.ts';

/** Importing a period's figures from a sheet, and the sheet to fill. Scope is checked row by row in the service: a
 * row of a unit or body the caller does not report for is one of the rows' problems. */
export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];
  const reporting = (request: FastifyRequest): Promise<ReportingRequest> =>
    requestContext(ctx, request, () => Promise.resolve(reportingCaller(request.identity, localDate(ctx.clock.now()))));

  r.post('/api/reporting/import', {
    config: { multipart: true, multipartFields: s.importFields, scope: 'unit' },
    schema: {
      operationId: 'importReports',
      tags,
      summary:
        'Import a period’s figures from an Excel (.xlsx) or CSV sheet of at most 5 MB (UTF-8, Windows-1258, TCVN3 or VNI text): columns Mã đơn vị, Tổ chức (forms that bodies submit), Mã chỉ tiêu, Phân loại, Giá trị; fields formId, periodId, submit. Any row with a problem is listed and nothing is written; otherwise the values go into the drafts',
      consumes: ['multipart/form-data'],
      response: { 200: s.importResult, 413: errorBodySchema, 415: errorBodySchema, ...errorResponses() },
    },
    handler: async (request) => {
      const form = await readUploadForm(request, REPORT_IMPORT_LIMIT, s.importFields);
      const { submit, ...fields } = form.fields;
      return importReports(await reporting(request), { ...fields, submit: submit === 'true' }, form.file);
    },
  });

  r.get('/api/reporting/forms/:id/template.xlsx', {
    schema: {
      operationId: 'reportImportTemplate',
      tags,
      produces: [XLSX_TYPE],
      summary:
        'The Excel sheet to fill for an import: a row per indicator of the form for each unit or body I report for (the values of the period already entered filled in)',
      params: uuidParam,
      querystring: s.templateQuery,
      response: { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (request, reply) => {
      const file = await importTemplate(await reporting(request), request.params.id, request.query.period);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .send(file.data as never);
    },
  });
}
