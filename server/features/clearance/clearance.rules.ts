import dayjs from 'dayjs';

// The figures a leader reads to say whether clearance meets its schedule (pure: no I/O).

export const CONSENT_STATUSES = ['not_agreed', 'mobilising', 'agreed', 'handed_over'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Whether a status counts as consent (đồng ý): agreed, or the land already handed over. */
export const consents = (s: ConsentStatus) => s === 'agreed' || s === 'handed_over';

export type ScheduleStatus = 'not_started' | 'on_schedule' | 'behind' | 'completed' | 'no_households';

export type StatusCounts = Record<ConsentStatus, number>;

export type Schedule = {
  startDate: string;
  plannedCompletionDate: string;
  completedOn: string | null;
  milestones: readonly { dueOn: string; targetPercent: number }[];
};

/** The households a project counts: the announced number, or the register when it holds more. A register still
 * being entered does not make the project look further along than it is. */
export const householdsCounted = (announced: number | null, registered: number) => Math.max(announced ?? 0, registered);

/** A percentage with one decimal (null for no households). */
export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;

const days = (from: string, to: string) => dayjs(to).diff(dayjs(from), 'day');

/** The consent expected on a day: the straight line through (start, 0 %), the milestones in date order and
 * (planned completion, 100 %); 0 before the start and 100 after the planned completion. One decimal. */
export function expectedPercent(s: Schedule, day: string): number {
  const points: [string, number][] = [[s.startDate, 0]];
  for (const m of [...s.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn)))
    if (m.dueOn > s.startDate && m.dueOn < s.plannedCompletionDate) points.push([m.dueOn, m.targetPercent]);
  points.push([s.plannedCompletionDate, 100]);
  if (day <= s.startDate) return 0;
  for (let i = 1; i < points.length; i++) {
    const [d1, p1] = points[i]!;
    if (day > d1) continue;
    const [d0, p0] = points[i - 1]!;
    const share = days(d0, day) / days(d0, d1);
    return Math.round((p0 + (p1 - p0) * share) * 10) / 10;
  }
  return 100;
}

/** Whether clearance meets its schedule on `day`: completed (the project is marked done, or every household counted
 * has handed over its land), not started (before the start), no households (nothing to count yet), otherwise on
 * schedule when the consent reached is at least the expected consent of the day (expectedPercent), else behind. */
export function scheduleStatus(s: Schedule, counts: StatusCounts, total: number, day: string): ScheduleStatus {
  if (s.completedOn && s.completedOn <= day) return 'completed';
  if (total > 0 && counts.handed_over >= total) return 'completed';
  if (day < s.startDate) return 'not_started';
  if (total === 0) return 'no_households';
  const reached = ((counts.agreed + counts.handed_over) * 100) / total;
  return reached + 1e-9 >= expectedPercent(s, day) ? 'on_schedule' : 'behind';
}

/** A household's status on a day from its history: the last row on or before the day (rows in the order they were
 * entered break ties); not_agreed before any row. */
export function statusOn(
  history: readonly { status: ConsentStatus; onDate: string; seq: number }[],
  day: string,
): ConsentStatus {
  let best: { status: ConsentStatus; onDate: string; seq: number } | null = null;
  for (const h of history) {
    if (h.onDate > day) continue;
    if (!best || h.onDate > best.onDate || (h.onDate === best.onDate && h.seq > best.seq)) best = h;
  }
  return best?.status ?? 'not_agreed';
}

/** Month ends from the start up to `until` (and `until` itself last), for the consent curve. At most 60 points. */
export function curveDays(start: string, until: string): string[] {
  const out: string[] = [];
  let d = dayjs(start).endOf('month');
  while (d.format('YYYY-MM-DD') < until && out.length < 59) {
    out.push(d.format('YYYY-MM-DD'));
    d = d.add(1, 'month').endOf('month');
  }
  if (until >= start) out.push(until);
  return out;
}

export const emptyCounts = (): StatusCounts => ({ not_agreed: 0, mobilising: 0, agreed: 0, handed_over: 0 });
