import { monthEnd, periodDays, periodDeadlines, type Period } from './periods.ts';

/** The dated fields of a form version that place a period in time. */
export type DatedVersion = {
  valid_from: string | null;
  valid_to: string | null;
  window_day: number | null;
  due_days: number;
  lock_days: number | null;
};

/** The version among `versions` in force on `day` (half-open validity, an open start meaning since ever). */
export function versionOnDay<V extends DatedVersion>(versions: readonly V[], day: string): V | undefined {
  return versions.find(
    (v) => (v.valid_from === null || v.valid_from <= day) && (v.valid_to === null || day < v.valid_to),
  );
}

/**
 * A period of a form in time: the version in force on its last day, the days its figures cover, when it is due and
 * when it locks. The last day depends on the version's collection window, so the version is first taken on the
 * calendar end of the period and, if the window moves the end into another version, taken again there. Null when
 * no version is in force then. Pure: the versions are given.
 */
export function placePeriod<V extends DatedVersion>(
  versions: readonly V[],
  p: Period,
): { version: V; start: string; end: string; due: string; locksOn: string | null } | null {
  let version = versionOnDay(versions, monthEnd(p.lastMonth));
  if (!version) return null;
  let days = periodDays(p, version.window_day);
  const atEnd = versionOnDay(versions, days.end);
  if (!atEnd) return null;
  if (atEnd !== version) {
    version = atEnd;
    days = periodDays(p, version.window_day);
  }
  return { version, ...days, ...periodDeadlines(days.end, version.due_days, version.lock_days) };
}
