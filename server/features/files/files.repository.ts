import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FilesTable } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

/** Records a stored file; returns its id. */
export function insertFile(trx: Trx, values: Insertable<FilesTable>) {
  return trx.insertInto('files').values(values).returning(['id']).executeTakeFirstOrThrow();
}

/** A stored file that is not deleted, or undefined. */
export function findFile(q: Q, id: string) {
  return q.selectFrom('files').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** The tasks a file is attached to (as an attachment or evidence). */
export async function taskIdsOfFile(q: Q, fileId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('task_files')
    .select('task_id')
    .where('file_id', '=', fileId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((x) => x.task_id);
}

/** Whether one of the tasks meets `visible` (a condition on the alias `t`). */
export async function anyTaskVisible(q: Q, taskIds: readonly string[], visible: RawBuilder<SqlBool>): Promise<boolean> {
  const row = await q
    .selectFrom('tasks as t')
    .select('t.id')
    .where('t.id', 'in', taskIds)
    .where(visible)
    .executeTakeFirst();
  return Boolean(row);
}

/** Whether the file is a person's photo. */
export async function isPersonPhoto(q: Q, fileId: string): Promise<boolean> {
  return Boolean(await q.selectFrom('people').select('id').where('photo_file_id', '=', fileId).executeTakeFirst());
}

/** The petition a file is attached to, or undefined. */
export async function petitionOfFile(q: Q, fileId: string): Promise<string | undefined> {
  const r = await q
    .selectFrom('petition_attachments')
    .select('petition_id')
    .where('file_id', '=', fileId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r?.petition_id;
}

/** Whether the file was attached to the public petition form (migration 0024). */
export async function isPublicUpload(q: Q, fileId: string): Promise<boolean> {
  return Boolean(
    await q.selectFrom('public_uploads').select('file_id').where('file_id', '=', fileId).executeTakeFirst(),
  );
}

/** Whether an account sees a petition's identities on a day (petition_identity_visible, migration 0021). */
export async function petitionIdentityVisible(q: Q, accountId: string, day: string, petitionId: string) {
  const r = await sql<{
    ok: boolean;
  }>`select petition_identity_visible(${accountId}::uuid, ${day}::date, ${petitionId}::uuid) as ok`.execute(q);
  return r.rows[0]?.ok ?? false;
}
