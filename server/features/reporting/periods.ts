import dayjs from 'dayjs';

/**
 * Reporting periods, named as DHIS2 names them: `2021` (year), `2021S1`/`2021S2` (six months), `2021Q3` (quarter),
 * `202107` (month), and a range of those, `202101..202109` (nine months, or any run of periods). A period is held as
 * a run of months, each numbered year * 12 + month − 1, so that a range takes every value whose months lie inside
 * it whatever the form's period type. Pure: no I/O.
 */

export type PeriodType = 'month' | 'quarter' | 'half' | 'nine_months' | 'year' | 'ad_hoc';

/** A period: its id as written, and its first and last month (numbered as above). */
export type Period = { id: string; firstMonth: number; lastMonth: number };

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export const monthNumber = (year: number, month: number): number => year * 12 + month - 1;
export const yearOf = (m: number): number => Math.floor(m / 12);
export const monthOf = (m: number): number => (m % 12) + 1;

/** The first day of a numbered month, YYYY-MM-DD. */
export function monthStart(m: number): string {
  return `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}-01`;
}

/** The last day of a numbered month, YYYY-MM-DD. */
export function monthEnd(m: number): string {
  return dayjs(monthStart(m)).endOf('month').format('YYYY-MM-DD');
}

/** One period id (not a range), or null when it is not one. */
function parseSingle(id: string): Period | null {
  let m = /^(\d{4})$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    return inYears(y) ? { id, firstMonth: monthNumber(y, 1), lastMonth: monthNumber(y, 12) } : null;
  }
  m = /^(\d{4})S([12])$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    const first = Number(m[2]) === 1 ? 1 : 7;
    return inYears(y) ? { id, firstMonth: monthNumber(y, first), lastMonth: monthNumber(y, first + 5) } : null;
  }
  m = /^(\d{4})Q([1-4])$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    return inYears(y) ? { id, firstMonth: monthNumber(y, first), lastMonth: monthNumber(y, first + 2) } : null;
  }
  m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    const n = monthNumber(y, Number(m[2]));
    return inYears(y) ? { id, firstMonth: n, lastMonth: n } : null;
  }
  return null;
}

function inYears(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

/** A period id or a range `a..b` (from the first month of a to the last of b), or null when it is not one. */
export function parsePeriod(id: string): Period | null {
  const parts = id.split('..');
  if (parts.length === 1) return parseSingle(id);
  if (parts.length !== 2) return null;
  const a = parseSingle(parts[0]!);
  const b = parseSingle(parts[1]!);
  if (!a || !b || a.firstMonth > b.lastMonth) return null;
  return { id, firstMonth: a.firstMonth, lastMonth: b.lastMonth };
}

/** The id a form's period type gives the period that holds a month: 202107, 2021Q3, 2021S2, 2021; nine months:
 * 202101..202109 of that year. Null for ad hoc (its periods are ranges chosen by hand). */
export function periodIdOf(type: PeriodType, month: number): string | null {
  const y = yearOf(month);
  const mo = monthOf(month);
  switch (type) {
    case 'month':
      return `${y}${String(mo).padStart(2, '0')}`;
    case 'quarter':
      return `${y}Q${Math.ceil(mo / 3)}`;
    case 'half':
      return `${y}S${mo <= 6 ? 1 : 2}`;
    case 'year':
      return `${y}`;
    case 'nine_months':
      return mo <= 9 ? `${y}01..${y}09` : null;
    case 'ad_hoc':
      return null;
  }
}

/** Whether a period id is one of a form's periods (an ad hoc form takes any range of whole months). */
export function fitsType(type: PeriodType, p: Period): boolean {
  if (type === 'ad_hoc') return true;
  if (type === 'nine_months') {
    return monthOf(p.firstMonth) === 1 && p.lastMonth === p.firstMonth + 8;
  }
  return periodIdOf(type, p.firstMonth) === p.id && parseSingle(p.id)?.lastMonth === p.lastMonth;
}

/** The periods of a type one after the other, the latest first, from the period holding `month` back `count`. */
export function recentPeriods(type: PeriodType, month: number, count: number): Period[] {
  const out: Period[] = [];
  // nine months end in September: from October on, the latest is this year's
  let m = type === 'nine_months' && monthOf(month) > 9 ? monthNumber(yearOf(month), 9) : month;
  while (out.length < count && m >= monthNumber(MIN_YEAR, 1)) {
    const id = periodIdOf(type, m);
    const p = id ? parsePeriod(id) : null;
    if (!p) break;
    if (!out.some((o) => o.id === p.id)) out.push(p);
    m = p.firstMonth - 1;
    if (type === 'nine_months') m = monthNumber(yearOf(p.firstMonth) - 1, 9);
  }
  return out;
}

/** The period before (the previous month, quarter… ) and the same period a year earlier. Nine months (January to
 * September) come once a year: the one before is last year's. */
export function previousPeriod(p: Period): Period | null {
  const length = p.lastMonth - p.firstMonth + 1;
  if (length === 9 && monthOf(p.firstMonth) === 1) return samePeriodLastYear(p);
  return shifted(p, -length);
}
export function samePeriodLastYear(p: Period): Period | null {
  return shifted(p, -12);
}

function shifted(p: Period, by: number): Period | null {
  const first = p.firstMonth + by;
  const last = p.lastMonth + by;
  const id = idOfMonths(first, last);
  return id ? { id, firstMonth: first, lastMonth: last } : null;
}

/** The shortest id naming a run of months: a month, quarter, half or year, else a range of months. */
export function idOfMonths(first: number, last: number): string | null {
  if (yearOf(first) < MIN_YEAR || yearOf(last) > MAX_YEAR || first > last) return null;
  for (const type of ['month', 'quarter', 'half', 'year'] as const) {
    const id = periodIdOf(type, first)!;
    const p = parseSingle(id)!;
    if (p.firstMonth === first && p.lastMonth === last) return id;
  }
  return `${periodIdOf('month', first)}..${periodIdOf('month', last)}`;
}

/**
 * The days a period's figures cover. With a collection window day d (15 by Decree 09/2019's convention) a period
 * runs from day d of the month before its first month to day d − 1 of its last month (202111: 15/10 to 14/11;
 * 2021: 15/12/2020 to 14/12/2021); without one, the calendar months.
 */
export function periodDays(p: Period, windowDay: number | null): { start: string; end: string } {
  if (windowDay === null) return { start: monthStart(p.firstMonth), end: monthEnd(p.lastMonth) };
  const start = dayjs(monthStart(p.firstMonth - 1))
    .date(windowDay)
    .format('YYYY-MM-DD');
  const end = dayjs(monthStart(p.lastMonth))
    .date(windowDay - 1)
    .format('YYYY-MM-DD');
  return { start, end };
}

/** When a period's report is due (days after its last day) and, if the form locks, the first day it is locked. */
export function periodDeadlines(
  end: string,
  dueDays: number,
  lockDays: number | null,
): { due: string; locksOn: string | null } {
  const due = dayjs(end).add(dueDays, 'day').format('YYYY-MM-DD');
  return {
    due,
    locksOn:
      lockDays === null
        ? null
        : dayjs(due)
            .add(lockDays + 1, 'day')
            .format('YYYY-MM-DD'),
  };
}
