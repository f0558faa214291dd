import dayjs from 'dayjs';
import { solarOfLunar } from './lunar.ts';

/** How a rule counts: every day (ngày) or working days only (ngày làm việc). */
export type DayKind = 'calendar' | 'working';

/** A public holiday as the Labour Code defines it, dated (public_holidays). */
export type HolidayDefinition = {
  code: string;
  name: string;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  /** the first day off, counted from the date (Tết: -1, the last day of the old year) */
  firstOffset: number;
  days: number;
  /** adjacent: one day next to the date, before or after, chosen each year (the second National Day holiday) */
  placement: 'fixed' | 'adjacent';
  validFrom: string | null;
  validTo: string | null;
};

/** An announced change to the computed calendar: a day off (bridge) or a working day (swapped Saturday). */
export type Adjustment = { date: string; kind: 'off' | 'work'; note: string | null };

/** What a day is, and why. */
export type DayStatus = {
  date: string;
  working: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'in_lieu' | 'off' | 'work';
  /** the holiday's name (a holiday, or the one a day in lieu stands for), or the adjustment's note */
  name: string | null;
};

/** A computed day off of a year: a holiday, or a day in lieu of one that fell on a weekend. */
export type Holiday = { date: string; code: string; name: string; inLieu: boolean };

const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
export const nextDay = (date: string) => fmt(dayjs(date).add(1, 'day'));
const isWeekend = (date: string) => [0, 6].includes(dayjs(date).day());
const inForce = (d: { validFrom: string | null; validTo: string | null }, day: string) =>
  (d.validFrom === null || d.validFrom <= day) && (d.validTo === null || day < d.validTo);

/** The second National Day holiday goes where it joins a weekend, by the weekday of 2/9 (Sunday = 0): the choices
 * announced for 2021–2025 (Thu → 3/9, Fri → 1/9, Sat → 1/9, Mon → 3/9, Tue → 1/9). Wednesday joins none: the day
 * before, until the year's announcement says otherwise. */
const ADJACENT_SIDE = [1, 1, -1, -1, 1, -1, -1] as const;

/** The holidays of a solar year computed from the definitions in force on each holiday's date, with the days in lieu
 * of those that fall on a Saturday or Sunday (Bộ luật Lao động 2019, Điều 111 khoản 3: the next working day). */
export function holidaysOfYear(definitions: readonly HolidayDefinition[], year: number): Holiday[] {
  const days = new Map<string, Holiday>();
  for (const def of definitions) {
    const anchor =
      def.calendar === 'lunar'
        ? solarOfLunar(def.day, def.month, year)
        : fmt(
            dayjs(`${year}-01-01`)
              .month(def.month - 1)
              .date(def.day),
          );
    if (!inForce(def, anchor)) continue;
    const first =
      def.placement === 'adjacent'
        ? dayjs(anchor).add(ADJACENT_SIDE[dayjs(anchor).day()], 'day')
        : dayjs(anchor).add(def.firstOffset, 'day');
    for (let i = 0; i < def.days; i++) {
      const date = fmt(first.add(i, 'day'));
      if (!days.has(date)) days.set(date, { date, code: def.code, name: def.name, inLieu: false });
    }
  }
  const holidays = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  for (const h of holidays.filter((x) => isWeekend(x.date))) {
    let d = nextDay(h.date);
    while (isWeekend(d) || days.has(d)) d = nextDay(d);
    days.set(d, { date: d, code: h.code, name: h.name, inLieu: true });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The working calendar of civil servants: Monday to Friday, less the computed holidays and days in lieu, with each
 * year's announced adjustments on top (a `work` day is worked whatever it is; an `off` day is not). Years are computed
 * when first asked for. */
export class WorkCalendar {
  readonly #definitions: readonly HolidayDefinition[];
  readonly #adjustments: Map<string, Adjustment>;
  readonly #confirmed: ReadonlySet<number>;
  readonly #years = new Map<number, Map<string, Holiday>>();

  constructor(
    definitions: readonly HolidayDefinition[],
    adjustments: readonly Adjustment[],
    confirmedYears: Iterable<number>,
  ) {
    this.#definitions = definitions;
    this.#adjustments = new Map(adjustments.map((a) => [a.date, a]));
    this.#confirmed = new Set(confirmedYears);
  }

  /** The computed holidays of a year (before adjustments). */
  holidays(year: number): Map<string, Holiday> {
    let y = this.#years.get(year);
    if (!y) {
      y = new Map(holidaysOfYear(this.#definitions, year).map((h) => [h.date, h]));
      this.#years.set(year, y);
    }
    return y;
  }

  day(date: string): DayStatus {
    const adjustment = this.#adjustments.get(date);
    if (adjustment)
      return { date, working: adjustment.kind === 'work', reason: adjustment.kind, name: adjustment.note };
    const holiday = this.holidays(Number(date.slice(0, 4))).get(date);
    if (holiday) return { date, working: false, reason: holiday.inLieu ? 'in_lieu' : 'holiday', name: holiday.name };
    return isWeekend(date)
      ? { date, working: false, reason: 'weekend', name: null }
      : { date, working: true, reason: 'weekday', name: null };
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).working;
  }

  /** Whether an administrator checked the year against its announcement. */
  confirmed(year: number): boolean {
    return this.#confirmed.has(year);
  }
}

/** The last day of a period of `days` calendar days after `start` (Bộ luật Dân sự 2015, Điều 147–148): the event
 * day is not counted, and a period ending on a rest day or a holiday ends on the next working day. */
export function addCalendarDays(calendar: WorkCalendar, start: string, days: number): string {
  let due = fmt(dayjs(start).add(days, 'day'));
  while (!calendar.isWorkingDay(due)) due = nextDay(due);
  return due;
}

/** The last day of a period of `days` working days after `start`: rest days and holidays are skipped throughout. */
export function addWorkingDays(calendar: WorkCalendar, start: string, days: number): string {
  let due = start;
  for (let left = days; left > 0;) {
    due = nextDay(due);
    if (calendar.isWorkingDay(due)) left--;
  }
  return due;
}

/** The due date of a period and whether it is provisional: a year it runs through (after the event day) is not
 * confirmed. */
export function dueDate(
  calendar: WorkCalendar,
  start: string,
  dayKind: DayKind,
  days: number,
): { due: string; provisional: boolean } {
  const due = dayKind === 'working' ? addWorkingDays(calendar, start, days) : addCalendarDays(calendar, start, days);
  let provisional = false;
  for (let y = Number(nextDay(start).slice(0, 4)); y <= Number(due.slice(0, 4)); y++)
    if (!calendar.confirmed(y)) provisional = true;
  return { due, provisional };
}

/** A rule version as the count needs it: its days, its variants and the counts of their combinations. */
export type VersionTerms = {
  days: number;
  basis: string;
  variants: readonly {
    code: string;
    kind: 'combine' | 'repeat';
    days: number | null;
    maxUses: number | null;
    basis: string | null;
  }[];
  combinations: readonly { variants: readonly string[]; days: number; basis: string | null }[];
};

export type VariantProblem =
  | { problem: 'unknown'; variant: string }
  | { problem: 'repeated'; variant: string }
  | { problem: 'tooMany'; variant: string; max: number }
  | { problem: 'combination'; variants: string[] };

/** The days of a version with the variants chosen: the count the law gives for the set of circumstances (the
 * version's own without any), plus each use of a repeatable variant (an extension). The basis names what was used. */
export function countWithVariants(
  terms: VersionTerms,
  chosen: readonly string[],
): { days: number; basis: string } | VariantProblem {
  const uses = new Map<string, number>();
  for (const code of chosen) uses.set(code, (uses.get(code) ?? 0) + 1);
  const circumstances: string[] = [];
  let added = 0;
  const extra: string[] = [];
  for (const [code, n] of uses) {
    const v = terms.variants.find((x) => x.code === code);
    if (!v) return { problem: 'unknown', variant: code };
    if (v.kind === 'combine') {
      if (n > 1) return { problem: 'repeated', variant: code };
      circumstances.push(code);
    } else {
      if (n > (v.maxUses ?? 1)) return { problem: 'tooMany', variant: code, max: v.maxUses ?? 1 };
      added += n * (v.days ?? 0);
      if (v.basis) extra.push(n > 1 ? `${v.basis} (${n} lần)` : v.basis);
    }
  }
  circumstances.sort();
  let days = terms.days;
  let basis = terms.basis;
  if (circumstances.length) {
    const key = circumstances.join(',');
    const combination = terms.combinations.find((c) => [...c.variants].sort().join(',') === key);
    if (!combination) return { problem: 'combination', variants: circumstances };
    days = combination.days;
    basis = combination.basis ?? basis;
  }
  return { days: days + added, basis: [basis, ...extra].join('; ') };
}
