import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { AppError, errorBodySchema } from '../../http/errors.ts';
import { badText, parseFormFields } from '../../http/input-guard.ts';
import type { z } from 'zod';
import { uuidParam } from '../../http/schemas.ts';
import { DOCX_TYPE, XLSX_TYPE } from '../../documents/admin-docx.ts';
import { readStoredFile } from './files.service.ts';

/** Reads one multipart upload of at most `limit` bytes; a larger file is a 413 naming the field. */
export async function readUpload(request: FastifyRequest, limit: number): Promise<{ data: Buffer; filename: string }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file({ limits: { fileSize: limit, files: 1 } });
  if (!file)
    throw new AppError('VALIDATION_FAILED', {
      field: 'file',
      issues: [{ field: 'file', message: 'validation.fileMissing' }],
    });
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { field: 'file' });
    throw err;
  });
  const why = badText(file.filename);
  if (why) throw new AppError('VALIDATION_FAILED', { field: 'file', issues: [{ field: 'file', message: why }] });
  return { data, filename: file.filename };
}

const refuse = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { field, issues: [{ field, message }] });

/** Reads a multipart form of text fields and one `file` part of at most `limit` bytes (413; 415 when not multipart):
 * the fields through the same guard and schema as a JSON body would go, the file's name through the text guard. */
export async function readUploadForm<S extends z.ZodType>(
  request: FastifyRequest,
  limit: number,
  schema: S,
): Promise<{ fields: z.output<S>; file: { data: Buffer; filename: string } }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const fields: Record<string, string> = {};
  let file: { data: Buffer; filename: string } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: limit, files: 1, fields: 10 } })) {
      if (part.type !== 'file') {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a field sent as application/json arrives parsed; its String() text is what the schema judges
        fields[part.fieldname] = String(part.value ?? '').normalize('NFC');
        continue;
      }
      const data = await part.toBuffer();
      if (part.fieldname !== 'file') throw refuse(part.fieldname, 'validation.unknownFile');
      const why = badText(part.filename);
      if (why) throw refuse('file', why);
      file = { data, filename: part.filename };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { field: 'file' });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw refuse('file', 'validation.oneFile');
    throw err;
  }
  if (!file?.data.length) throw refuse('file', 'validation.fileMissing');
  return { fields: parseFormFields(schema, fields), file };
}

export function filesRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/files/:id', {
    schema: {
      operationId: 'getFile',
      tags: ['files'],
      produces: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', DOCX_TYPE, XLSX_TYPE],
      summary: 'A stored file (a person’s photo, an attachment), for signed-in accounts',
      params: uuidParam,
      response: { 401: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (request, reply) => {
      const f = await readStoredFile(ctx, request.identity!, request.params.id);
      return reply
        .type(f.contentType)
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .send(f.data as never);
    },
  });
}
