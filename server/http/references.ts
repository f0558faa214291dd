import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';
import { AppError } from './errors.ts';

type Q = Database | Trx;

/** How an id named by a write is checked against the record the write is about (its owner unit) and the caller
 * (migration 0017, docs/security.md): `lead` a body that may lead the work, `near` a body that may take part,
 * `person` a person who may be named responsible, `nearPerson` a person who may take part, `account` an account that
 * may follow the work. */
export type ReferenceRule = 'lead' | 'near' | 'person' | 'nearPerson' | 'account';

/** One id to check, with the request field it came from (dotted path, as errors name fields). */
export type ReferenceCheck = { field: string; rule: ReferenceRule; id: string };

/** Who writes: an administrator (or the system) is narrowed by nothing but the owner's subtree. */
export type ReferenceCaller = { accountId: string; isAdmin: boolean; today: string };

/** A referenced record that is missing, deleted, unreadable or outside what the write may name: one answer for all
 * of these, so that an id cannot be probed. */
export function referenceRefused(field: string): AppError {
  return new AppError('NOT_FOUND', { field, issues: [{ field, message: 'validation.refUnavailable' }] });
}

/** The first field of `checks` (in their order) whose id may not be named, as one SQL expression (null when all
 * may), for a statement that reads the rest of what the write needs. `ownerUnit` is an SQL expression of the owner
 * unit's id. */
export function firstRefusedSql(c: ReferenceCaller, ownerUnit: RawBuilder<string | null>, checks: readonly ReferenceCheck[]): RawBuilder<string | null> {
  if (!checks.length) return sql<string | null>`null::text`;
  const acc = c.isAdmin ? null : c.accountId;
  return sql<string | null>`(select f.field
      from (select ${ownerUnit} as owner_unit) o,
        lateral (select reference_roots(${acc}::uuid, ${c.today}::date, o.owner_unit) as roots) r,
        unnest(${checks.map((x) => x.field)}::text[], ${checks.map((x) => x.rule)}::text[], ${checks.map((x) => x.id)}::uuid[]) with ordinality as f(field, rule, id, ord)
      where not coalesce(reference_ok(r.roots, o.owner_unit, f.rule, f.id), false)
      order by f.ord limit 1)`;
}

/** Throws referenceRefused for the first id of `checks` that may not be named in a write about the owner unit (its
 * id, or an SQL expression of it). */
export async function assertReferences(q: Q, c: ReferenceCaller, ownerUnit: string | RawBuilder<string | null>, checks: readonly ReferenceCheck[]): Promise<void> {
  if (!checks.length) return;
  const unit = typeof ownerUnit === 'string' ? sql<string | null>`${ownerUnit}::uuid` : ownerUnit;
  const r = await sql<{ refused: string | null }>`select ${firstRefusedSql(c, unit, checks)} as refused`.execute(q);
  const refused = r.rows[0]?.refused;
  if (refused) throw referenceRefused(refused);
}

/** The ids of `ids` that may be named under `rule` in a write about `ownerUnitId` (a copy keeps only those). */
export async function allowedReferences(q: Q, c: ReferenceCaller, ownerUnitId: string, rule: ReferenceRule, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const acc = c.isAdmin ? null : c.accountId;
  const r = await sql<{ id: string }>`select f.id
      from lateral (select reference_roots(${acc}::uuid, ${c.today}::date, ${ownerUnitId}::uuid) as roots) r,
        unnest(${[...new Set(ids)]}::uuid[]) as f(id)
      where reference_ok(r.roots, ${ownerUnitId}::uuid, ${rule}, f.id)`.execute(q);
  return new Set(r.rows.map((x) => x.id));
}

/** An SQL condition: the record `id` may be named under `rule` by a write about the owner unit, in the owner's
 * scope alone (a list offering the choices; the write itself also narrows them to its caller). */
export function namableSql(ownerUnit: RawBuilder<string | null>, rule: ReferenceRule, id: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce(reference_ok(reference_roots(null, current_date, ${ownerUnit}), ${ownerUnit}, ${rule}, ${id}), false)`;
}

/** The checks of a list's items, in order, each naming its field: `attendees.2.personId`. */
export function itemChecks<T>(list: string, items: readonly T[], fields: readonly (readonly [key: string, rule: ReferenceRule, id: (item: T) => string | null | undefined])[]): ReferenceCheck[] {
  return items.flatMap((item, i) =>
    fields.flatMap(([key, rule, id]) => {
      const v = id(item);
      return v ? [{ field: `${list}.${i}.${key}`, rule, id: v }] : [];
    }),
  );
}
