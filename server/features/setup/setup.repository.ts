import { sql } from 'kysely';
import type { Trx } from '../../db/tx.ts';

/** Serialises first-run attempts until the transaction ends, so two of them cannot both find no account. */
export async function lockSetup(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
}
