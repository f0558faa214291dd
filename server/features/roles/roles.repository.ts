import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';

type Q = Database | Trx;

/** Assignments with their role, body and unit, the unit named as on the assignment's first day (or today). */
function assignments(q: Q) {
  return q
    .selectFrom('role_assignments as ra')
    .innerJoin('roles as r', 'r.code', 'ra.role')
    .leftJoin('bodies as b', 'b.id', 'ra.body_id')
    .leftJoin('unit_versions as uv', (j) =>
      j
        .onRef('uv.unit_id', '=', 'ra.unit_id')
        .on('uv.deleted_at', 'is', null)
        .on(
          sql<SqlBool>`(uv.valid_from is null or uv.valid_from <= coalesce(ra.valid_from, current_date)) and (uv.valid_to is null or coalesce(ra.valid_from, current_date) < uv.valid_to)`,
        ),
    )
    .select([
      'ra.id',
      'ra.account_id',
      'ra.role',
      'r.name_vi',
      'r.name_en',
      'ra.unit_id',
      'uv.code as unit_code',
      'uv.name as unit_name',
      'ra.body_id',
      'b.name as body_name',
      'ra.valid_from',
      'ra.valid_to',
      'ra.version',
    ])
    .where('ra.deleted_at', 'is', null);
}

/** An account's live assignments, the latest first. */
export async function assignmentsOfAccount(q: Q, accountId: string) {
  return assignments(q)
    .where('ra.account_id', '=', accountId)
    .orderBy(sql`ra.valid_from desc nulls last`)
    .execute();
}

export async function assignment(q: Q, id: string) {
  return assignments(q).where('ra.id', '=', id).executeTakeFirstOrThrow();
}

export async function roles(q: Q) {
  return q.selectFrom('roles').selectAll().orderBy('sort').execute();
}

export async function roleExists(q: Q, code: string) {
  return q.selectFrom('roles').select('code').where('code', '=', code).executeTakeFirst();
}

export async function accountExists(q: Q, accountId: string) {
  return q
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A live body's unit. */
export async function bodyUnit(q: Q, bodyId: string) {
  return q
    .selectFrom('bodies')
    .select(['unit_id'])
    .where('id', '=', bodyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insert(
  q: Q,
  values: {
    account_id: string;
    role: string;
    unit_id: string;
    body_id: string | null;
    valid_from: string | null;
    valid_to: string | null;
  },
) {
  return q.insertInto('role_assignments').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A live assignment, locked for the change. */
export async function forUpdate(q: Q, id: string) {
  return q
    .selectFrom('role_assignments')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function setDates(q: Q, id: string, validFrom: string | null, validTo: string | null) {
  await q
    .updateTable('role_assignments')
    .set((eb) => ({ valid_from: validFrom, valid_to: validTo, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Deletes a live assignment only at `version`; undefined when stale or absent. */
export async function softDelete(q: Q, id: string, version: number) {
  return q
    .updateTable('role_assignments')
    .set((eb) => ({ deleted_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export async function exists(q: Q, id: string) {
  return q
    .selectFrom('role_assignments')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The permissions an account holds on a day through its assignments in force, anywhere (account_grants, migration
 * 0013), each once. */
export async function permissionsHeld(q: Q, accountId: string, day: string): Promise<string[]> {
  const r = await sql<{
    permission: string;
  }>`select distinct unnest(g.permissions) as permission from account_grants(${accountId}::uuid, ${day}::date) g`.execute(
    q,
  );
  return r.rows.map((row) => row.permission).sort();
}
