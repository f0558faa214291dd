import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';
import type { ReferenceCaller, ReferenceCheck, ReferenceRule } from './references.ts';

type Q = Database | Trx;

/** The first field of `checks` (in their order) whose id may not be named, as one SQL expression (null when all
 * may), for a statement that reads the rest of what the write needs. `ownerUnit` is an SQL expression of the owner
 * unit's id. */
export function firstRefusedSql(
  c: ReferenceCaller,
  ownerUnit: RawBuilder<string | null>,
  checks: readonly ReferenceCheck[],
): RawBuilder<string | null> {
  if (!checks.length) return sql<string | null>`null::text`;
  const acc = c.isAdmin ? null : c.accountId;
  return sql<string | null>`(select f.field
      from (select ${ownerUnit} as owner_unit) o,
        lateral (select reference_roots(${acc}::uuid, ${c.today}::date, o.owner_unit) as roots) r,
        unnest(${checks.map((x) => x.field)}::text[], ${checks.map((x) => x.rule)}::text[], ${checks.map((x) => x.id)}::uuid[]) with ordinality as f(field, rule, id, ord)
      where not coalesce(reference_ok(r.roots, o.owner_unit, f.rule, f.id), false)
      order by f.ord limit 1)`;
}

/** An SQL condition: the record `id` may be named under `rule` by a write about the owner unit, in the owner's
 * scope alone (a list offering the choices; the write itself also narrows them to its caller). */
export function namableSql(
  ownerUnit: RawBuilder<string | null>,
  rule: ReferenceRule,
  id: RawBuilder<unknown>,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce(reference_ok(reference_roots(null, current_date, ${ownerUnit}), ${ownerUnit}, ${rule}, ${id}), false)`;
}

/** The field of the first check refused in a write about the owner unit (its id, or an SQL expression of it), or null. */
export async function firstRefused(
  q: Q,
  c: ReferenceCaller,
  ownerUnit: string | RawBuilder<string | null>,
  checks: readonly ReferenceCheck[],
): Promise<string | null> {
  const unit = typeof ownerUnit === 'string' ? sql<string | null>`${ownerUnit}::uuid` : ownerUnit;
  const r = await sql<{ refused: string | null }>`select ${firstRefusedSql(c, unit, checks)} as refused`.execute(q);
  return r.rows[0]?.refused ?? null;
}

/** The ids of `ids` that may be named under `rule` in a write about `ownerUnitId`. */
export async function namableIds(
  q: Q,
  c: ReferenceCaller,
  ownerUnitId: string,
  rule: ReferenceRule,
  ids: readonly string[],
): Promise<string[]> {
  const acc = c.isAdmin ? null : c.accountId;
  const r = await sql<{ id: string }>`select f.id
      from lateral (select reference_roots(${acc}::uuid, ${c.today}::date, ${ownerUnitId}::uuid) as roots) r,
        unnest(${[...new Set(ids)]}::uuid[]) as f(id)
      where reference_ok(r.roots, ${ownerUnitId}::uuid, ${rule}, f.id)`.execute(q);
  return r.rows.map((x) => x.id);
}
