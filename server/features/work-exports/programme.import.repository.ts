import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Trx } from '../../db/tx.ts';
import type { BodyRow } from './programme.import.ts';

const foldSql = (col: string) => sql`lower(translate(unaccent(coalesce(${sql.ref(col)}, '')), 'đĐ', 'dD'))`;

/** A body that is not deleted, with its unit and its validity. */
export function bodyToImportInto(db: Database, id: string) {
  return db
    .selectFrom('bodies')
    .select(['id', 'unit_id', 'valid_from', 'valid_to'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The bodies whose name or short name, folded, is one of the given folded names. */
export function bodiesNamed(db: Database, folded: string[]): Promise<BodyRow[]> {
  return db
    .selectFrom('bodies')
    .select(['id', 'name', 'short_name', 'valid_from', 'valid_to'])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb(foldSql('name'), '=', eb.fn.any(eb.val(folded))),
        eb(foldSql('short_name'), '=', eb.fn.any(eb.val(folded))),
      ]),
    )
    .execute();
}

/** The people whose full name, folded, is one of the given folded names. */
export function peopleNamed(db: Database, folded: string[]) {
  return db
    .selectFrom('people')
    .select(['id', 'full_name'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb(foldSql('full_name'), '=', eb.fn.any(eb.val(folded))))
    .execute();
}

/** The kinds of task in their order, with both names. */
export function taskKindNames(db: Database) {
  return db
    .selectFrom('task_kinds')
    .select(['code', 'name_vi', 'name_en'])
    .where('deleted_at', 'is', null)
    .orderBy('sort')
    .execute();
}

/** The body's programme of the year, if it has one. */
export function programmeOfYear(trx: Trx, bodyId: string, year: number) {
  return trx
    .selectFrom('programmes')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertProgramme(
  trx: Trx,
  values: { body_id: string; year: number; title: string; created_by: string | null },
): Promise<string> {
  return (await trx.insertInto('programmes').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertGroup(
  trx: Trx,
  values: { programme_id: string; position: number; name: string },
): Promise<string> {
  return (await trx.insertInto('task_groups').values(values).returning('id').executeTakeFirstOrThrow()).id;
}
