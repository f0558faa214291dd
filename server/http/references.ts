import type { RawBuilder } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Trx } from '../db/tx.ts';
import { AppError } from './errors.ts';
import * as repo from './references.repository.ts';

// The SQL fragments, for the repositories whose statements check references themselves.
export { firstRefusedSql, namableSql } from './references.repository.ts';

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

/** Throws referenceRefused for the first id of `checks` that may not be named in a write about the owner unit (its
 * id, or an SQL expression of it). */
export async function assertReferences(
  q: Q,
  c: ReferenceCaller,
  ownerUnit: string | RawBuilder<string | null>,
  checks: readonly ReferenceCheck[],
): Promise<void> {
  if (!checks.length) return;
  const refused = await repo.firstRefused(q, c, ownerUnit, checks);
  if (refused) throw referenceRefused(refused);
}

/** The ids of `ids` that may be named under `rule` in a write about `ownerUnitId` (a copy keeps only those). */
export async function allowedReferences(
  q: Q,
  c: ReferenceCaller,
  ownerUnitId: string,
  rule: ReferenceRule,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set(await repo.namableIds(q, c, ownerUnitId, rule, ids));
}

/** The checks of a list's items, in order, each naming its field: `attendees.2.personId`. */
export function itemChecks<T>(
  list: string,
  items: readonly T[],
  fields: readonly (readonly [key: string, rule: ReferenceRule, id: (item: T) => string | null | undefined])[],
): ReferenceCheck[] {
  return items.flatMap((item, i) =>
    fields.flatMap(([key, rule, id]) => {
      const v = id(item);
      return v ? [{ field: `${list}.${i}.${key}`, rule, id: v }] : [];
    }),
  );
}
