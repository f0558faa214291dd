import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { attachment, DOCX_TYPE, XLSX_TYPE } from '../../documents/admin-docx.ts';
import { errorResponses } from '../../http/errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { uuidParam } from '../../http/schemas.ts';
import { sendXlsx } from '../../http/xlsx-table.ts';
import { petitionCallerOf, type PetitionRequest } from '../petitions/index.ts';
import * as s from './documents.schemas.ts';
import * as service from './documents.service.ts';
import { registerExport, reportExport } from './exports.service.ts';

const errors = errorResponses();

const sendDocx = (reply: FastifyReply, file: { filename: string; data: Buffer }) =>
  reply
    .type(DOCX_TYPE)
    .header('content-disposition', attachment(file.filename))
    .header('cache-control', 'no-store')
    .send(file.data);

/** The petitions' notices (drafted, signed, numbered when issued; each step on the case's timeline), their attachments
 * (for those who see the case's identities), the two registers and the six-monthly / yearly report, as Word and Excel.
 * A case the caller does not read is 404, an action it may not take 403. */
export function petitionDocumentsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];
  const petitions = (request: FastifyRequest): Promise<PetitionRequest> =>
    requestContext(ctx, request, (req) => petitionCallerOf(ctx, req));

  r.get('/api/petitions/:id/documents', {
    config: { auth: 'user' },
    schema: {
      operationId: 'listPetitionDocuments',
      tags,
      summary: 'The notices of a petition: kind, status, number once issued, who signed',
      params: uuidParam,
      response: { 200: s.documentsAnswer, ...errors },
    },
    handler: async (request) => service.listDocuments(await petitions(request), request.params.id),
  });

  r.post('/api/petitions/:id/documents', {
    config: { auth: 'user', scope: 'unit' },
    schema: {
      operationId: 'draftPetitionDocument',
      tags,
      summary:
        'Draft a notice of a petition (receipt, guidance, forwarding slip, filing notice, proposal, reminder, reply to ' +
        'the citizen, withdrawal notice) — not numbered; 409 INVALID_TRANSITION where its step was not taken',
      params: uuidParam,
      body: s.draftBody,
      response: { 201: s.documentOut, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.draftDocument(await petitions(request), request.params.id, request.body)),
  });

  r.post('/api/petitions/:id/documents/:documentId/sign', {
    config: { auth: 'user', scope: 'unit' },
    schema: {
      operationId: 'signPetitionDocument',
      tags,
      summary: 'Record who signed a drafted notice, and when',
      params: s.documentParams,
      body: s.signBody,
      response: { 200: s.documentOut, ...errors },
    },
    handler: async (request) =>
      service.signDocument(await petitions(request), request.params.id, request.params.documentId, request.body),
  });

  r.post('/api/petitions/:id/documents/:documentId/issue', {
    config: { auth: 'user', scope: 'unit' },
    schema: {
      operationId: 'issuePetitionDocument',
      tags,
      summary: 'Issue a signed notice: it takes its number now, from the issuer’s gap-free counter of the year',
      params: s.documentParams,
      body: s.issueBody,
      response: { 200: s.documentOut, ...errors },
    },
    handler: async (request) =>
      service.issueDocument(await petitions(request), request.params.id, request.params.documentId, request.body),
  });

  r.get('/api/petitions/:id/documents/:documentId/docx', {
    config: { auth: 'user' },
    schema: {
      operationId: 'downloadPetitionDocument',
      tags,
      produces: [DOCX_TYPE],
      summary:
        'A notice as Word, in the issuing body’s layout (a draft marked and unnumbered); petitioners as I may see ' +
        'them, never a denouncer in a notice to the competent body',
      params: s.documentParams,
      response: errors,
    },
    handler: async (request, reply) =>
      sendDocx(
        reply,
        await service.documentDocx(await petitions(request), request.params.id, request.params.documentId),
      ),
  });

  r.get('/api/petitions/:id/attachments/:fileId', {
    config: { auth: 'user' },
    schema: {
      operationId: 'getPetitionAttachment',
      tags,
      produces: ['application/octet-stream'],
      summary: 'An attachment of a petition — personal data: only for those who see its petitioners’ identities (403)',
      params: s.attachmentParams,
      response: errors,
    },
    handler: async (request, reply) => {
      const f = await service.attachmentFile(
        await petitions(request),
        ctx.files,
        request.params.id,
        request.params.fileId,
      );
      return reply
        .type(f.contentType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachment(f.filename))
        .send(f.data as never);
    },
  });

  for (const format of ['xlsx', 'docx'] as const) {
    const produces = [format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE];
    const Format = format === 'xlsx' ? 'Xlsx' : 'Docx';
    r.get(`/api/petition-registers.${format}`, {
      config: { auth: 'user' },
      schema: {
        operationId: `exportPetitionRegister${Format}`,
        tags,
        produces,
        summary:
          `A receiving body’s register of a year (sổ tiếp công dân, sổ theo dõi đơn) as ${format === 'xlsx' ? 'Excel' : 'Word (A4 landscape)'}; ` +
          'petitioners as I may see them',
        querystring: s.registerQuery,
        response: errors,
      },
      handler: async (request, reply) => {
        const file = await registerExport(await petitions(request), request.query, format);
        return format === 'xlsx' ? sendXlsx(reply, file.filename, file.data) : sendDocx(reply, file);
      },
    });
    r.get(`/api/petition-report.${format}`, {
      config: { auth: 'user' },
      schema: {
        operationId: `exportPetitionReport${Format}`,
        tags,
        produces,
        summary:
          `The six-monthly / yearly petition report of a body as ${format === 'xlsx' ? 'Excel' : 'Word (a báo cáo in its layout)'}: ` +
          'counts by kind, channel, competence, action, on time or late, against the same period last year',
        querystring: s.reportQuery,
        response: errors,
      },
      handler: async (request, reply) => {
        const file = await reportExport(await petitions(request), request.query, format);
        return format === 'xlsx' ? sendXlsx(reply, file.filename, file.data) : sendDocx(reply, file);
      },
    });
  }
}
