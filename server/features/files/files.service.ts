import crypto from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Trx } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import type { Identity } from '../../http/identity.ts';
import { localDate } from '../../clock.ts';
import { callerOf, taskVisible } from '../work/index.ts';
import * as repo from './files.repository.ts';

/** Stores bytes and their record in the caller's transaction. The bytes are written first (a crash leaves at
 * most an unreferenced file, never a row without its bytes). */
export async function storeFile(
  ctx: Pick<AppContext, 'files'>,
  trx: Trx,
  file: { data: Buffer; filename: string; contentType: string; createdBy: string | null },
) {
  const key = crypto.randomUUID();
  await ctx.files.put(key, file.data);
  return repo.insertFile(trx, {
    storage_key: key,
    // Cut by code points: a cut through a surrogate pair would store half a character.
    filename: Array.from(file.filename.normalize('NFC')).slice(0, 255).join(''),
    content_type: file.contentType,
    size_bytes: file.data.length,
    sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
    created_by: file.createdBy,
  });
}

export const fileUrl = (id: string | null) => (id ? `/api/files/${id}` : null);

/** Who may read a stored file: a petition's attachment — only those who see that case's petitioners' identities
 * (personal data: not the uploader as such, not an administrator as such; petition_identity_visible, migration 0021),
 * and a file a citizen attached to the public form — no one until a submission makes it a petition's;
 * a task's attachment or evidence — whoever may read one of its tasks; a person's photo — every signed-in account
 * (the register is reference data); a file not linked yet — only its uploader. */
async function mayReadFile(
  ctx: AppContext,
  identity: Identity,
  f: { id: string; created_by: string | null },
): Promise<boolean> {
  const me = identity.me;
  const petition = await repo.petitionOfFile(ctx.db, f.id);
  if (petition) return repo.petitionIdentityVisible(ctx.db, me.id, localDate(ctx.clock.now()), petition);
  if (await repo.isPublicUpload(ctx.db, f.id)) return false;
  if (me.isAdmin || f.created_by === me.id) return true;
  const tasks = await repo.taskIdsOfFile(ctx.db, f.id);
  if (tasks.length) {
    const caller = await callerOf(ctx.db, identity, localDate(ctx.clock.now()));
    return repo.anyTaskVisible(ctx.db, tasks, taskVisible(caller));
  }
  return repo.isPersonPhoto(ctx.db, f.id);
}

/** A stored file and its bytes, for a caller who may read it. Throws NOT_FOUND when it is missing, deleted or not
 * the caller's to read (one answer for all, so that ids cannot be probed). */
export async function readStoredFile(
  ctx: AppContext,
  identity: Identity,
  id: string,
): Promise<{ contentType: string; filename: string; data: Buffer }> {
  const f = await repo.findFile(ctx.db, id);
  if (!f) throw new AppError('NOT_FOUND');
  if (!(await mayReadFile(ctx, identity, f))) throw new AppError('NOT_FOUND');
  const data = await ctx.files.get(f.storage_key);
  if (!data) throw new AppError('NOT_FOUND');
  return { contentType: f.content_type, filename: f.filename, data };
}
