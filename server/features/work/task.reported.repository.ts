import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import { programmeOwnerUnit } from './programmes.repository.ts';

type Q = Database | Trx;

/** Whether a unit lies in the subtree of a programme owner's unit, in a tree of any date since the records began (a
 * programme of 2021 names the communes of its day). */
export async function unitWithinOwner(q: Q, unitId: string, programmeId: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    select exists (
      select 1 from unit_tree u join unit_tree o on u.path <@ o.path
       where u.unit_id = ${unitId}::uuid and o.unit_id = ${programmeOwnerUnit(programmeId)}
         and coalesce(u.valid_from, '-infinity') < coalesce(o.valid_to, 'infinity')
         and coalesce(o.valid_from, '-infinity') < coalesce(u.valid_to, 'infinity')
    ) as ok`.execute(q);
  return r.rows[0]?.ok ?? false;
}
