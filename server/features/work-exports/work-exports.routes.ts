import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { errorResponses, errorBodySchema } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { uuidParam } from '../../http/schemas.ts';
import { attachment, DOCX_TYPE, XLSX_TYPE } from '../../documents/admin-docx.ts';
import { readUploadForm } from '../files/index.ts';
import { callerOf, type WorkRequest } from '../work/index.ts';
import { programmeReportDocx, programmeXlsx } from './exports.service.ts';
import { PROGRAMME_IMPORT_LIMIT } from './programme.import.ts';
import { importProgramme } from './programme.import.service.ts';
import * as s from './work-exports.schemas.ts';

const errors = errorResponses();

/** Exports of a programme (Excel table, Word report) and its import from a sheet of the same layout. Reading
 * needs the programme readable (404 otherwise); the import needs 'work.manage' over the body (403). */
export function workExportsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The caller without the work routes' remembered scope: each statement works the caller's scope out itself.
  const work = (request: FastifyRequest): Promise<WorkRequest> =>
    requestContext(ctx, request, () => callerOf(ctx.db, request.identity, localDate(ctx.clock.now())));
  const tags = ['work-exports'];

  r.get('/api/programmes/:id/export.xlsx', {
    schema: {
      operationId: 'exportProgrammeXlsx',
      tags,
      produces: [XLSX_TYPE],
      summary:
        'The programme as an Excel table: groups, tasks and subtasks with lead and cooperating bodies, dates, targets, progress, status',
      params: uuidParam,
      response: { 401: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (request, reply) => {
      const file = await programmeXlsx(await work(request), request.params.id);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`Chương trình công tác năm ${file.year}.xlsx`))
        .header('cache-control', 'no-store')
        .send(file.data as never);
    },
  });
  r.get('/api/programmes/:id/report.docx', {
    schema: {
      operationId: 'exportProgrammeReportDocx',
      tags,
      produces: [DOCX_TYPE],
      summary:
        'The status report of the programme as a Word document (figures per group and body, key and commissioned tasks, overdue tasks)',
      params: uuidParam,
      response: { 401: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (request, reply) => {
      const file = await programmeReportDocx(await work(request), request.params.id);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachment(`Báo cáo kết quả năm ${file.year}.docx`))
        .header('cache-control', 'no-store')
        .send(file.data as never);
    },
  });
  r.post('/api/programmes/import', {
    config: { multipart: true, multipartFields: s.importFields, scope: 'unit' },
    schema: {
      operationId: 'importProgrammeXlsx',
      tags,
      summary:
        'Create a programme from an Excel sheet laid out as the export (fields bodyId, year, title and one .xlsx file of at most 5 MB); a row that cannot be read is reported and nothing is written',
      consumes: ['multipart/form-data'],
      response: { 201: s.importResult, 413: errorBodySchema, 415: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => {
      const form = await readUploadForm(request, PROGRAMME_IMPORT_LIMIT, s.importFields);
      const result = await importProgramme(await work(request), form.fields, form.file.data);
      return reply.status(201).send(result);
    },
  });
}
