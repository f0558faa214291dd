import dayjs from 'dayjs';
import type { Kysely, Transaction } from 'kysely';
import { today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { isoDate } from '../../http/schemas.ts';
import { workCalendar } from './legal-deadlines.calendar.ts';
import {
  asDayKind,
  groupTerms,
  presentRuleInForce,
  presentVersion,
  versionTerms,
} from './legal-deadlines.presenter.ts';
import * as repo from './legal-deadlines.repository.ts';
import { countWithVariants, dueDate, nextDay, type DayKind, type DayStatus } from './legal-deadlines.rules.ts';
import type { AddVersionInput, ConfirmYearInput, SetAdjustmentsInput } from './legal-deadlines.schemas.ts';

type Q = Kysely<DB> | Transaction<DB>;
/** The rules are reference data: the services need the app and the actor, not a scope. */
type R = Pick<RequestContext<unknown>, 'app' | 'actor' | 'lang'>;

/** A deadline as the law sets it for one event. */
export type DeadlineResult = {
  rule: string;
  /** the rule version in force on `start` */
  version: number;
  /** the event day, not counted */
  start: string;
  /** the last day of the period */
  due: string;
  dayKind: DayKind;
  /** the days counted, variants included */
  days: number;
  basis: string;
  /** a year the period runs through has a holiday calendar not yet confirmed */
  provisional: boolean;
  name: string;
  /** the rule version has been checked against the published text */
  confirmed: boolean;
};

function checkDate(field: string, date: string) {
  if (!isoDate.safeParse(date).success) throw invalid(field, 'validation.date');
}

/** The deadline of `rule` for an event on `start` with the variants of the case (a repeatable one named once per
 * use), by the rule version in force on `start`, on the working calendar as `db` sees it (a transaction of the
 * caller's sees its own snapshot).
 * @throws AppError VALIDATION_FAILED on `rule` (no such rule), `start` (not a date, or no version in force that
 * day) or `variant` (unknown, repeated, over its limit, or a combination the law does not list). */
export async function computeDeadline(
  db: Q,
  input: { rule: string; start: string; variants?: readonly string[] },
): Promise<DeadlineResult> {
  checkDate('start', input.start);
  const found = await repo.versionForComputation(db, input.rule, input.start);
  if (!found.rule) throw invalid('rule', 'legalDeadlines.unknownRule');
  const v = found.version;
  if (!v) throw invalid('start', 'legalDeadlines.noVersion');
  const [variants, combinations, calendar, rule] = [
    await repo.variantsOf(db, [v.id]),
    await repo.combinationsOf(db, [v.id]),
    await workCalendar(db, found.stamp),
    await repo.findRule(db, input.rule),
  ];
  const counted = countWithVariants(versionTerms(v, groupTerms(variants, combinations)(v.id)), input.variants ?? []);
  if ('problem' in counted) {
    const params: Record<string, string | number> =
      counted.problem === 'combination'
        ? { variant: counted.variants.join(' + ') }
        : { variant: counted.variant, max: counted.problem === 'tooMany' ? counted.max : 0 };
    const message = `legalDeadlines.variant.${counted.problem}`;
    throw new AppError('VALIDATION_FAILED', { field: 'variant', params, issues: [{ field: 'variant', message }] });
  }
  const dayKind = asDayKind(v.day_kind);
  const { due, provisional } = dueDate(calendar, input.start, dayKind, counted.days);
  return {
    rule: input.rule,
    version: v.number,
    start: input.start,
    due,
    dayKind,
    days: counted.days,
    basis: counted.basis,
    provisional,
    name: rule?.name ?? input.rule,
    confirmed: v.confirmed,
  };
}

/** Whether `date` is a working day for civil servants (weekends, holidays, days in lieu and the year's announced
 * adjustments taken into account). */
export async function isWorkingDay(db: Q, date: string): Promise<boolean> {
  checkDate('date', date);
  return (await workCalendar(db)).isWorkingDay(date);
}

/** The day `days` working days after `start` (not counted), and whether a year it runs through is unconfirmed. */
export async function addWorkingDays(
  db: Q,
  start: string,
  days: number,
): Promise<{ due: string; provisional: boolean }> {
  checkDate('start', start);
  return dueDate(await workCalendar(db), start, 'working', days);
}

// ---- what the HTTP routes call ----

export async function listInForce(r: R, asOf: string | undefined) {
  const day = asOf ?? today(r.app);
  const versions = await repo.versionsInForce(r.app.db, day);
  const ids = versions.map((v) => v.id);
  const terms = groupTerms(await repo.variantsOf(r.app.db, ids), await repo.combinationsOf(r.app.db, ids));
  return versions.map((v) => presentRuleInForce(v, terms(v.id)));
}

export async function compute(r: R, q: { rule: string; start: string; variant?: string | string[] }) {
  const variants = q.variant === undefined ? [] : Array.isArray(q.variant) ? q.variant : [q.variant];
  return computeDeadline(r.app.db, { rule: q.rule, start: q.start, variants });
}

/** Every rule with all its versions (applied and alternative), marking the one in force on `asOf`. */
export async function listRulesWithVersions(r: R, asOf: string | undefined) {
  const day = asOf ?? today(r.app);
  const rules = await repo.listRules(r.app.db);
  const versions = await repo.versionsOfRules(
    r.app.db,
    rules.map((x) => x.id),
  );
  const ids = versions.map((v) => v.id);
  const terms = groupTerms(await repo.variantsOf(r.app.db, ids), await repo.combinationsOf(r.app.db, ids));
  const inForceOn = (v: repo.VersionRow) =>
    v.status === 'applied' &&
    (v.valid_from === null || v.valid_from <= day) &&
    (v.valid_to === null || day < v.valid_to);
  return {
    asOf: day,
    items: rules.map((rule) => ({
      code: rule.code,
      name: rule.name,
      description: rule.description,
      versions: versions.filter((v) => v.rule_id === rule.id).map((v) => presentVersion(v, terms(v.id), inForceOn(v))),
    })),
  };
}

/** Checks a new version's variants and combinations against each other (what the schema cannot say). */
function checkTerms(input: AddVersionInput) {
  const codes = new Set<string>();
  input.variants.forEach((v, i) => {
    if (codes.has(v.code)) throw invalid(`variants.${i}.code`, 'legalDeadlines.variantDuplicate');
    codes.add(v.code);
    if (v.kind === 'repeat' && (v.days === undefined || v.maxUses === undefined))
      throw invalid(`variants.${i}.days`, 'legalDeadlines.repeatNeedsDays');
    if (v.kind === 'combine' && (v.days !== undefined || v.maxUses !== undefined))
      throw invalid(`variants.${i}.days`, 'legalDeadlines.combineHasNoDays');
  });
  const combine = new Set(input.variants.filter((v) => v.kind === 'combine').map((v) => v.code));
  const sets = new Set<string>();
  input.combinations.forEach((c, i) => {
    const key = [...c.variants].sort().join(',');
    if (c.variants.some((x) => !combine.has(x)) || new Set(c.variants).size !== c.variants.length)
      throw invalid(`combinations.${i}.variants`, 'legalDeadlines.combinationVariant');
    if (sets.has(key)) throw invalid(`combinations.${i}.variants`, 'legalDeadlines.combinationDuplicate');
    sets.add(key);
  });
  if (input.validTo !== undefined && input.validTo <= input.validFrom)
    throw invalid('validTo', 'legalDeadlines.validTo');
}

/** Adds a version of a rule. An applied version starting on `validFrom` ends the applied one in force that day (its
 * validTo becomes validFrom) and itself ends where the next one starts; an alternative one is kept beside them.
 * @throws NOT_FOUND for an unknown rule; VALIDATION_FAILED for inconsistent terms or an applied version already
 * starting that day. */
export async function addVersion(r: R, code: string, input: AddVersionInput) {
  checkTerms(input);
  const rule = await repo.findRule(r.app.db, code);
  if (!rule) throw new AppError('NOT_FOUND');
  const id = await inTransaction(r.app.db, r.actor, async (trx) => {
    const versions = await repo.lockVersionsOfRule(trx, rule.id);
    let validTo = input.validTo ?? null;
    if (input.status === 'applied') {
      const applied = versions.filter((v) => v.status === 'applied');
      if (applied.some((v) => v.valid_from === input.validFrom)) throw invalid('validFrom', 'legalDeadlines.sameStart');
      const previous = applied.find(
        (v) =>
          (v.valid_from === null || v.valid_from < input.validFrom) &&
          (v.valid_to === null || input.validFrom < v.valid_to),
      );
      const next = applied
        .filter((v) => v.valid_from !== null && v.valid_from > input.validFrom)
        .sort((a, b) => a.valid_from!.localeCompare(b.valid_from!))[0];
      const ends = [validTo, next?.valid_from ?? null, previous?.valid_to ?? null].filter((d): d is string => !!d);
      validTo = ends.sort()[0] ?? null;
      if (previous) await repo.closeVersion(trx, previous.id, input.validFrom, r.app.clock.now());
    }
    const versionId = await repo.insertVersion(trx, {
      ruleId: rule.id,
      number: Math.max(0, ...versions.map((v) => v.number)) + 1,
      dayKind: input.dayKind,
      days: input.days,
      basis: input.basis,
      validFrom: input.validFrom,
      validTo,
      status: input.status,
      confirmed: input.confirmed,
      note: input.note ?? null,
      createdBy: r.actor.accountId,
    });
    await repo.insertVariants(
      trx,
      versionId,
      input.variants.map((v) => ({
        code: v.code,
        name: v.name,
        kind: v.kind,
        days: v.days ?? null,
        maxUses: v.maxUses ?? null,
        basis: v.basis ?? null,
      })),
    );
    await repo.insertCombinations(
      trx,
      versionId,
      input.combinations.map((c) => ({ variants: [...c.variants].sort(), days: c.days, basis: c.basis ?? null })),
    );
    return versionId;
  });
  return versionById(r, id);
}

async function versionById(r: R, id: string) {
  const v = await repo.findVersion(r.app.db, id);
  if (!v) throw new AppError('NOT_FOUND');
  const terms = groupTerms(await repo.variantsOf(r.app.db, [id]), await repo.combinationsOf(r.app.db, [id]));
  const day = today(r.app);
  const inForce =
    v.status === 'applied' &&
    (v.valid_from === null || v.valid_from <= day) &&
    (v.valid_to === null || day < v.valid_to);
  return { rule: v.code, ...presentVersion(v, terms(id), inForce) };
}

/** Marks a version checked against the published text (again: no change). @throws NOT_FOUND */
export async function confirmVersion(r: R, id: string) {
  const v = await repo.findVersion(r.app.db, id);
  if (!v) throw new AppError('NOT_FOUND');
  if (!v.confirmed)
    await inTransaction(r.app.db, r.actor, (trx) =>
      repo.confirmVersion(trx, id, v.version, r.actor.accountId, r.app.clock.now()),
    );
  return versionById(r, id);
}

// ---- the holiday calendar of a year ----

/** A year's calendar: its computed holidays and days in lieu, its adjustments, whether it is confirmed. */
export async function holidayYear(r: R, year: number) {
  const db = r.app.db;
  const [row, adjustments, definitions, calendar] = [
    await repo.findYear(db, year),
    await repo.adjustmentsOfYear(db, year),
    await repo.holidayDefinitions(db),
    await workCalendar(db),
  ];
  const days: DayStatus[] = [];
  const last = `${year}-12-31`;
  for (let d = `${year}-01-01`; d <= last; d = nextDay(d)) {
    const s = calendar.day(d);
    if (s.reason !== 'weekday' && s.reason !== 'weekend') days.push(s);
  }
  const first = dayjs(`${year}-01-01`);
  return {
    year,
    confirmed: row?.confirmed ?? false,
    confirmedAt: row?.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
    basis: row?.basis ?? null,
    note: row?.note ?? null,
    version: row?.version ?? null,
    days,
    adjustments: adjustments.map((a) => ({
      date: a.day,
      kind: a.kind === 'work' ? ('work' as const) : ('off' as const),
      note: a.note,
    })),
    // the definitions that apply to some day of the year
    definitions: definitions
      .filter(
        (d) =>
          (d.valid_from === null || d.valid_from <= last) &&
          (d.valid_to === null || first.format('YYYY-MM-DD') < d.valid_to),
      )
      .map((d) => ({
        code: d.code,
        name: d.name,
        calendar: d.calendar === 'lunar' ? ('lunar' as const) : ('solar' as const),
        month: d.month,
        day: d.day,
        days: d.days,
        basis: d.basis,
        validFrom: d.valid_from,
        validTo: d.valid_to,
      })),
  };
}

/** Locks the year's row (made if missing) and checks the version the caller read (null: it had none). */
async function lockYearAt(trx: Transaction<DB>, year: number, version: number | null) {
  const row = await repo.lockYear(trx, year);
  if (row.version !== (version ?? 1)) throw new AppError('CONFLICT');
}

/** Replaces the year's adjustments. A changed list leaves the year unconfirmed: it must be checked again.
 * @throws VALIDATION_FAILED for a day outside the year or named twice; CONFLICT for a stale version. */
export async function setAdjustments(r: R, year: number, input: SetAdjustmentsInput) {
  const seen = new Set<string>();
  input.adjustments.forEach((a, i) => {
    if (!a.date.startsWith(`${year}-`)) throw invalid(`adjustments.${i}.date`, 'legalDeadlines.adjustmentYear');
    if (seen.has(a.date)) throw invalid(`adjustments.${i}.date`, 'legalDeadlines.adjustmentDuplicate');
    seen.add(a.date);
  });
  await inTransaction(r.app.db, r.actor, async (trx) => {
    await lockYearAt(trx, year, input.version);
    const existing = await repo.adjustmentsOfYear(trx, year);
    const same = (e: (typeof existing)[number], a: SetAdjustmentsInput['adjustments'][number]) =>
      e.day === a.date && e.kind === a.kind && e.note === (a.note ?? null);
    const gone = existing.filter((e) => !input.adjustments.some((a) => same(e, a)));
    const added = input.adjustments.filter((a) => !existing.some((e) => same(e, a)));
    const now = r.app.clock.now();
    await repo.removeAdjustments(
      trx,
      gone.map((e) => e.id),
      now,
    );
    await repo.insertAdjustments(
      trx,
      added.map((a) => ({ date: a.date, kind: a.kind, note: a.note ?? null })),
    );
    const changed = gone.length > 0 || added.length > 0;
    await repo.updateYear(trx, year, {
      confirmed: changed ? false : undefined,
      basis: input.basis,
      note: input.note,
      by: r.actor.accountId,
      now,
    });
  });
  return holidayYear(r, year);
}

/** Confirms a year's calendar (checked against the announcement), or withdraws the confirmation.
 * @throws CONFLICT for a stale version. */
export async function confirmYear(r: R, year: number, input: ConfirmYearInput) {
  await inTransaction(r.app.db, r.actor, async (trx) => {
    await lockYearAt(trx, year, input.version);
    await repo.updateYear(trx, year, {
      confirmed: input.confirmed,
      basis: input.basis,
      by: r.actor.accountId,
      now: r.app.clock.now(),
    });
  });
  return holidayYear(r, year);
}
