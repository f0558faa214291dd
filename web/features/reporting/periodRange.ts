import dayjs, { type Dayjs } from 'dayjs';

/** The steps a dashboard's period range is chosen in. */
export type RangeKind = 'month' | 'quarter' | 'year';

/** A period, as DHIS2 names it, of the step containing a day: 202107, 2021Q3, 2021. */
export function periodIdOf(kind: RangeKind, d: Dayjs): string {
  if (kind === 'year') return String(d.year());
  if (kind === 'quarter') return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
  return `${d.year()}${String(d.month() + 1).padStart(2, '0')}`;
}

/** A range of periods: one id when both ends are the same period, else `a..b`. */
export function rangeId(kind: RangeKind, from: Dayjs, to: Dayjs): string {
  const [a, b] = [periodIdOf(kind, from), periodIdOf(kind, to)];
  return a === b ? a : `${a}..${b}`;
}

/** The first day of a period id (202107, 2021Q3, 2021S2, 2021), or null when it is none of those. */
function startOf(id: string): { kind: RangeKind; day: Dayjs } | null {
  let m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(id);
  if (m) return { kind: 'month', day: dayjs(`${m[1]}-${m[2]}-01`) };
  m = /^(\d{4})Q([1-4])$/.exec(id);
  if (m) return { kind: 'quarter', day: dayjs(`${m[1]}-01-01`).month((Number(m[2]) - 1) * 3) };
  m = /^(\d{4})$/.exec(id);
  if (m) return { kind: 'year', day: dayjs(`${m[1]}-01-01`) };
  return null;
}

/** A range read from the address (`202601..202612`, `2026Q1`, `2019..2021`): its step and both ends; null when it
 * is not one this page writes. */
export function parseRange(id: string | null): { kind: RangeKind; from: Dayjs; to: Dayjs } | null {
  if (!id) return null;
  const [a = '', b = a] = id.split('..');
  const from = startOf(a);
  const to = startOf(b);
  if (!from || !to || from.kind !== to.kind || to.day.isBefore(from.day)) return null;
  return { kind: from.kind, from: from.day, to: to.day };
}

/** This year so far, by month: January to the current month. */
export function yearSoFar(today: Dayjs): string {
  return rangeId('month', today.startOf('year'), today);
}
