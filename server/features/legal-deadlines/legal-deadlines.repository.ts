import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../db/schema.ts';
import { inForce } from '../../db/validity.ts';

/** The database or a transaction of the caller's (the petitions module computes inside its own). */
type Q = Kysely<DB> | Transaction<DB>;

const versionColumns = [
  'v.id',
  'v.rule_id',
  'v.number',
  'v.day_kind',
  'v.days',
  'v.basis',
  'v.valid_from',
  'v.valid_to',
  'v.status',
  'v.confirmed',
  'v.confirmed_at',
  'v.note',
  'v.version',
] as const;

export type VersionRow = {
  id: string;
  rule_id: string;
  number: number;
  day_kind: string;
  days: number;
  basis: string;
  valid_from: string | null;
  valid_to: string | null;
  status: string;
  confirmed: boolean;
  confirmed_at: Date | null;
  note: string | null;
  version: number;
};

export type RuleRow = { id: string; code: string; name: string; description: string | null; sort: number };

/** A live rule by its code. */
export async function findRule(q: Q, code: string): Promise<RuleRow | undefined> {
  return q
    .selectFrom('legal_deadline_rules')
    .select(['id', 'code', 'name', 'description', 'sort'])
    .where('code', '=', code)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Every live rule, in the order the office reads them. */
export async function listRules(q: Q): Promise<RuleRow[]> {
  return q
    .selectFrom('legal_deadline_rules')
    .select(['id', 'code', 'name', 'description', 'sort'])
    .where('deleted_at', 'is', null)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

/** The applied version of a rule in force on `day`, with the calendar's stamp read in the same statement (the
 * computation then needs no second round trip to know whether its cached calendar is current). `rule` is undefined
 * when no live rule has the code; `version` when none of its versions is in force that day. */
export async function versionForComputation(q: Q, code: string, day: string) {
  const row = await q
    .selectFrom('legal_calendar_state as s')
    .leftJoin('legal_deadline_rules as r', (j) => j.on('r.code', '=', code).on('r.deleted_at', 'is', null))
    .leftJoin('legal_deadline_versions as v', (j) =>
      j
        .onRef('v.rule_id', '=', 'r.id')
        .on('v.deleted_at', 'is', null)
        .on('v.status', '=', 'applied')
        .on(inForce('v', day)),
    )
    .select(['s.stamp', 'r.id as rule', ...versionColumns])
    .executeTakeFirstOrThrow();
  return {
    stamp: row.stamp,
    rule: row.rule ?? undefined,
    version: row.id ? (row as VersionRow) : undefined,
  };
}

/** Every live version of the given rules (all statuses), oldest first. */
export async function versionsOfRules(q: Q, ruleIds: readonly string[]): Promise<VersionRow[]> {
  if (!ruleIds.length) return [];
  return q
    .selectFrom('legal_deadline_versions as v')
    .select(versionColumns)
    .where('v.rule_id', 'in', [...ruleIds])
    .where('v.deleted_at', 'is', null)
    .orderBy('v.rule_id')
    .orderBy('v.number')
    .execute();
}

/** The applied versions in force on `day`, with their rule. */
export async function versionsInForce(q: Q, day: string) {
  return q
    .selectFrom('legal_deadline_versions as v')
    .innerJoin('legal_deadline_rules as r', 'r.id', 'v.rule_id')
    .select([...versionColumns, 'r.code', 'r.name', 'r.sort'])
    .where('v.deleted_at', 'is', null)
    .where('r.deleted_at', 'is', null)
    .where('v.status', '=', 'applied')
    .where(inForce('v', day))
    .orderBy('r.sort')
    .orderBy('r.code')
    .execute();
}

export async function variantsOf(q: Q, versionIds: readonly string[]) {
  if (!versionIds.length) return [];
  return q
    .selectFrom('legal_deadline_variants')
    .select(['version_id', 'code', 'name', 'kind', 'days', 'max_uses', 'basis'])
    .where('version_id', 'in', [...versionIds])
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export async function combinationsOf(q: Q, versionIds: readonly string[]) {
  if (!versionIds.length) return [];
  return q
    .selectFrom('legal_deadline_combinations')
    .select(['version_id', 'variants', 'days', 'basis'])
    .where('version_id', 'in', [...versionIds])
    .orderBy('days')
    .execute();
}

/** The versions of a rule locked for adding one (a concurrent addition waits, then sees the new one). */
export async function lockVersionsOfRule(trx: Transaction<DB>, ruleId: string): Promise<VersionRow[]> {
  await trx.selectFrom('legal_deadline_rules').select('id').where('id', '=', ruleId).forUpdate().execute();
  return versionsOfRules(trx, [ruleId]);
}

/** Ends a version on `day` (the day the next one starts). */
export async function closeVersion(trx: Transaction<DB>, id: string, day: string, now: Date) {
  await trx
    .updateTable('legal_deadline_versions')
    .set((eb) => ({ valid_to: day, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function insertVersion(
  trx: Transaction<DB>,
  v: {
    ruleId: string;
    number: number;
    dayKind: string;
    days: number;
    basis: string;
    validFrom: string | null;
    validTo: string | null;
    status: string;
    confirmed: boolean;
    note: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('legal_deadline_versions')
    .values({
      rule_id: v.ruleId,
      number: v.number,
      day_kind: v.dayKind,
      days: v.days,
      basis: v.basis,
      valid_from: v.validFrom,
      valid_to: v.validTo,
      status: v.status,
      confirmed: v.confirmed,
      confirmed_at: v.confirmed ? sql<Date>`now()` : null,
      confirmed_by: v.confirmed ? v.createdBy : null,
      note: v.note,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertVariants(
  trx: Transaction<DB>,
  versionId: string,
  variants: readonly {
    code: string;
    name: string;
    kind: string;
    days: number | null;
    maxUses: number | null;
    basis: string | null;
  }[],
) {
  if (!variants.length) return;
  await trx
    .insertInto('legal_deadline_variants')
    .values(
      variants.map((v, i) => ({
        version_id: versionId,
        code: v.code,
        name: v.name,
        kind: v.kind,
        days: v.days,
        max_uses: v.maxUses,
        basis: v.basis,
        position: i + 1,
      })),
    )
    .execute();
}

export async function insertCombinations(
  trx: Transaction<DB>,
  versionId: string,
  combinations: readonly { variants: string[]; days: number; basis: string | null }[],
) {
  if (!combinations.length) return;
  await trx
    .insertInto('legal_deadline_combinations')
    .values(combinations.map((c) => ({ version_id: versionId, variants: c.variants, days: c.days, basis: c.basis })))
    .execute();
}

/** Marks a version checked against the published text; undefined when it is missing or `version` is stale. */
export async function confirmVersion(trx: Transaction<DB>, id: string, version: number, by: string | null, now: Date) {
  return trx
    .updateTable('legal_deadline_versions')
    .set((eb) => ({
      confirmed: true,
      confirmed_at: now,
      confirmed_by: by,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export async function findVersion(q: Q, id: string) {
  return q
    .selectFrom('legal_deadline_versions as v')
    .innerJoin('legal_deadline_rules as r', 'r.id', 'v.rule_id')
    .select([...versionColumns, 'r.code'])
    .where('v.id', '=', id)
    .where('v.deleted_at', 'is', null)
    .executeTakeFirst();
}

// ---- the holiday calendar ----

/** Everything the working calendar is computed from, with its stamp, in one statement (one snapshot: the stamp names
 * exactly the rows read with it). */
export async function calendarData(q: Q) {
  return q
    .selectFrom('legal_calendar_state as s')
    .select((eb) => [
      's.stamp',
      jsonArrayFrom(
        eb
          .selectFrom('public_holidays')
          .select(['code', 'name', 'calendar', 'month', 'day', 'first_offset', 'days', 'placement'])
          .select(['valid_from', 'valid_to'])
          .where('deleted_at', 'is', null),
      ).as('definitions'),
      jsonArrayFrom(
        eb.selectFrom('holiday_adjustments').select(['day', 'kind', 'note']).where('deleted_at', 'is', null),
      ).as('adjustments'),
      sql<number[]>`array(select year::int from holiday_years where confirmed)`.as('confirmedYears'),
    ])
    .executeTakeFirstOrThrow();
}

/** The calendar's stamp alone. */
export async function calendarStamp(q: Q): Promise<string> {
  return (await q.selectFrom('legal_calendar_state').select('stamp').executeTakeFirstOrThrow()).stamp;
}

export async function holidayDefinitions(q: Q) {
  return q
    .selectFrom('public_holidays')
    .select(['id', 'code', 'name', 'calendar', 'month', 'day', 'first_offset', 'days', 'placement', 'basis'])
    .select(['valid_from', 'valid_to'])
    .where('deleted_at', 'is', null)
    .orderBy('month')
    .orderBy('day')
    .orderBy('valid_from')
    .execute();
}

export async function findYear(q: Q, year: number) {
  return q
    .selectFrom('holiday_years')
    .select(['year', 'confirmed', 'confirmed_at', 'basis', 'note', 'version'])
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The year's row, locked, made if missing (a year nobody has touched has none). */
export async function lockYear(trx: Transaction<DB>, year: number) {
  await trx
    .insertInto('holiday_years')
    .values({ year })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  return trx
    .selectFrom('holiday_years')
    .select(['year', 'confirmed', 'version'])
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Changes a year's row; `confirmed` undefined leaves the confirmation (and who gave it) as it is. */
export async function updateYear(
  trx: Transaction<DB>,
  year: number,
  v: { confirmed?: boolean; basis?: string | null; note?: string | null; by: string | null; now: Date },
) {
  await trx
    .updateTable('holiday_years')
    .set((eb) => ({
      ...(v.confirmed !== undefined
        ? {
            confirmed: v.confirmed,
            confirmed_at: v.confirmed ? v.now : null,
            confirmed_by: v.confirmed ? v.by : null,
          }
        : {}),
      ...(v.basis !== undefined ? { basis: v.basis } : {}),
      ...(v.note !== undefined ? { note: v.note } : {}),
      updated_at: v.now,
      version: eb('version', '+', 1),
    }))
    .where('year', '=', year)
    .execute();
}

export async function adjustmentsOfYear(q: Q, year: number) {
  return q
    .selectFrom('holiday_adjustments')
    .select(['id', 'day', 'kind', 'note'])
    .where('deleted_at', 'is', null)
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
}

/** Soft-deletes the year's adjustments that are not kept (by day and kind and note unchanged). */
export async function removeAdjustments(trx: Transaction<DB>, ids: readonly string[], now: Date) {
  if (!ids.length) return;
  await trx
    .updateTable('holiday_adjustments')
    .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', 'in', [...ids])
    .execute();
}

export async function insertAdjustments(
  trx: Transaction<DB>,
  rows: readonly { date: string; kind: string; note: string | null }[],
) {
  if (!rows.length) return;
  await trx
    .insertInto('holiday_adjustments')
    .values(rows.map((r) => ({ day: r.date, kind: r.kind, note: r.note })))
    .execute();
}
