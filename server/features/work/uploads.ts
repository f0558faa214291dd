import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { fileUrl, readUpload, storeFile } from '../files/index.ts';
import { sniffDocument } from '../../storage/file-store.ts';

export const UPLOAD_LIMIT = 20 * 1024 * 1024;

/** Stores one uploaded file for the caller; it is linked to a task or a progress report afterwards, and until then
 * only the account that uploaded it may read it. */
export async function upload(ctx: AppContext, request: FastifyRequest) {
  const f = await readUpload(request, UPLOAD_LIMIT);
  const type = sniffDocument(f.data, f.filename);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { field: 'file' });
  const actor = actorOf(request);
  const row = await inTransaction(ctx.db, actor, (trx) =>
    storeFile(ctx, trx, { data: f.data, filename: f.filename, contentType: type, createdBy: actor.accountId }),
  );
  return {
    id: row.id,
    filename: f.filename.normalize('NFC'),
    contentType: type,
    size: f.data.length,
    url: fileUrl(row.id)!,
    createdAt: new Date().toISOString(),
  };
}
