import { localDate } from '../../clock.ts';
import { periodDeadlines } from './periods.ts';

/** The lifecycle of a report: who moves it from which status to which. Pure. */
export const LIFECYCLE = {
  edit: { from: ['draft', 'returned'], who: 'submit' },
  submit: { from: ['draft', 'returned'], who: 'submit', to: 'submitted' },
  approve: { from: ['submitted'], who: 'review', to: 'approved' },
  return: { from: ['submitted'], who: 'review', to: 'returned' },
  reopen: { from: ['approved'], who: 'review', to: 'returned' },
} as const;
export type LifecycleAction = keyof typeof LIFECYCLE;

/** When a report is due and when its period locks (periods.ts), and whether it is locked on `today`: from the lock
 * day on, unless a reopening lasts until today or later. */
export function lockState(
  periodEnd: string,
  v: { due_days: number; lock_days: number | null },
  today: string,
  reopenedUntil: string | null,
): { due: string; locksOn: string | null; locked: boolean } {
  const { due, locksOn } = periodDeadlines(periodEnd, v.due_days, v.lock_days);
  const locked = locksOn !== null && today >= locksOn && !(reopenedUntil !== null && reopenedUntil >= today);
  return { due, locksOn, locked };
}

/** Late: submitted after the due day, or not yet submitted (nor approved) and the due day has passed. */
export function isLate(
  due: string,
  s: { status: string; submitted_at: Date | string | null } | null,
  today: string,
): boolean {
  if (s?.submitted_at) return localDate(new Date(s.submitted_at)) > due;
  return today > due;
}

/** dd/MM/yyyy, as the messages write dates. */
export const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
