import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../db/tx.ts';

export function insertDocument(trx: Trx, values: Insertable<DB['petition_documents']>) {
  return trx.insertInto('petition_documents').values(values).returning(['id', 'symbol']).executeTakeFirstOrThrow();
}

/** A notice, locked for the transaction (its signature or issue), or undefined. */
export function findDocument(trx: Trx, id: string) {
  return trx
    .selectFrom('petition_documents')
    .select(['id', 'petition_id', 'status', 'issuer_body_id', 'series', 'file_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export function setDocument(trx: Trx, id: string, set: Updateable<DB['petition_documents']>) {
  return trx
    .updateTable('petition_documents')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
