import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError, errorBodySchema } from '../../http/errors.ts';
import { badText } from '../../http/input-guard.ts';
import { uuidParam } from '../../http/schemas.ts';
import { localDate } from '../../clock.ts';
import { callerOf, taskVisible } from '../work/index.ts';
import { DOCX_TYPE, XLSX_TYPE } from '../../documents/admin-docx.ts';

/** Stores bytes and their record in the caller's transaction. The bytes are written first (a crash leaves at
 * most an unreferenced file, never a row without its bytes). */
export async function storeFile(ctx: Pick<AppContext, 'files'>, trx: Trx, file: { data: Buffer; filename: string; contentType: string; createdBy: string | null }) {
  const key = crypto.randomUUID();
  await ctx.files.put(key, file.data);
  return trx
    .insertInto('files')
    .values({
      storage_key: key,
      // Cut by code points: a cut through a surrogate pair would store half a character.
      filename: Array.from(file.filename.normalize('NFC')).slice(0, 255).join(''),
      content_type: file.contentType,
      size_bytes: file.data.length,
      sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
      created_by: file.createdBy,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export const fileUrl = (id: string | null) => (id ? `/api/files/${id}` : null);

/** Reads one multipart upload of at most `limit` bytes; a larger file is a 413 naming the field. */
export async function readUpload(request: FastifyRequest, limit: number): Promise<{ data: Buffer; filename: string }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file({ limits: { fileSize: limit, files: 1 } });
  if (!file) throw new AppError('VALIDATION_FAILED', { field: 'file', issues: [{ field: 'file', message: 'validation.fileMissing' }] });
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { field: 'file' });
    throw err;
  });
  const why = badText(file.filename);
  if (why) throw new AppError('VALIDATION_FAILED', { field: 'file', issues: [{ field: 'file', message: why }] });
  return { data, filename: file.filename };
}

/** Who may read a stored file: a task's attachment or evidence — whoever may read one of its tasks; a person's
 * photo — every signed-in account (the register is reference data); a file not linked yet — only its uploader. */
async function mayReadFile(ctx: AppContext, request: FastifyRequest, f: { id: string; created_by: string | null }): Promise<boolean> {
  const me = request.identity!.me;
  if (me.isAdmin || f.created_by === me.id) return true;
  const tasks = await ctx.db.selectFrom('task_files').select('task_id').where('file_id', '=', f.id).where('deleted_at', 'is', null).execute();
  if (tasks.length) {
    const caller = await callerOf(ctx.db, request.identity, localDate(ctx.clock.now()));
    const visible = await ctx.db.selectFrom('tasks as t').select('t.id').where('t.id', 'in', tasks.map((x) => x.task_id)).where(taskVisible(caller)).executeTakeFirst();
    return Boolean(visible);
  }
  const photo = await ctx.db.selectFrom('people').select('id').where('photo_file_id', '=', f.id).executeTakeFirst();
  return Boolean(photo);
}

export function filesRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/files/:id', {
    schema: { operationId: 'getFile', tags: ['files'], produces: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', DOCX_TYPE, XLSX_TYPE], summary: 'A stored file (a person’s photo, an attachment), for signed-in accounts', params: uuidParam, response: { 401: errorBodySchema, 404: errorBodySchema } },
    handler: async (request, reply) => {
      const f = await ctx.db.selectFrom('files').selectAll().where('id', '=', request.params.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!f) throw new AppError('NOT_FOUND');
      if (!(await mayReadFile(ctx, request, f))) throw new AppError('NOT_FOUND');
      const data = await ctx.files.get(f.storage_key);
      if (!data) throw new AppError('NOT_FOUND');
      return reply
        .type(f.content_type)
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .send(data as never);
    },
  });
}
