import dayjs from 'dayjs';

/**
 * The one rule for progress and deadlines, used by every view, export and report.
 *
 * Progress of a task: accepted → 100; a task with subtasks → the mean of its subtasks' progress weighted by each
 * subtask's weight (default 1), cancelled subtasks left out, recursively; otherwise the latest reported percentage.
 *
 * Timeliness, with today the local date in Asia/Ho_Chi_Minh and days counted as calendar days: done on time = accepted
 * and the accepted report's date is on or before the due date in force; late = accepted after it; awaiting
 * acceptance = reported done on or before the due date (or with none) and not yet accepted: the officer's part is
 * done in time, so the leader's wait does not make it overdue; overdue = not accepted and the due date has passed
 * (a task reported done after its due date is overdue while it waits); due soon = not accepted and due within
 * `soonDays` days.
 */
export type RollupNode = {
  id: string;
  parent_id: string | null;
  status: string;
  reported_progress: number;
  weight: number | string;
};

export function rollupProgress(nodes: readonly RollupNode[]): Map<string, number> {
  const children = new Map<string, RollupNode[]>();
  for (const n of nodes) {
    if (!n.parent_id) continue;
    const list = children.get(n.parent_id) ?? [];
    list.push(n);
    children.set(n.parent_id, list);
  }
  const memo = new Map<string, number>();
  const visit = (n: RollupNode, depth: number): number => {
    const known = memo.get(n.id);
    if (known !== undefined) return known;
    let value: number;
    if (n.status === 'accepted') value = 100;
    else {
      const kids = (children.get(n.id) ?? []).filter((k) => k.status !== 'cancelled');
      if (kids.length && depth < 50) {
        let sum = 0;
        let weights = 0;
        for (const k of kids) {
          const w = Number(k.weight) || 1;
          sum += w * visit(k, depth + 1);
          weights += w;
        }
        value = weights ? sum / weights : 0;
      } else value = n.reported_progress;
    }
    value = Math.round(value * 10) / 10;
    memo.set(n.id, value);
    return value;
  };
  for (const n of nodes) visit(n, 0);
  return memo;
}

export type Timeliness =
  'on_time' | 'late' | 'awaiting_acceptance' | 'overdue' | 'due_soon' | 'open' | 'no_due' | 'cancelled';

type Timed = { status: string; due_date: string | null; reported_done_on: string | null };

/** Reported (or accepted) with the report dated on or before the due date in force, or with no due date. */
const reportedInTime = (t: Timed) => !t.due_date || (t.reported_done_on ?? t.due_date) <= t.due_date;

export function timelinessOf(t: Timed, today: string, soonDays = 7): Timeliness {
  if (t.status === 'cancelled') return 'cancelled';
  if (t.status === 'accepted') return reportedInTime(t) ? 'on_time' : 'late';
  if (t.status === 'reported_done' && reportedInTime(t)) return 'awaiting_acceptance';
  if (!t.due_date) return 'no_due';
  if (t.due_date < today) return 'overdue';
  return daysBetween(today, t.due_date) <= soonDays ? 'due_soon' : 'open';
}

/** Whole days from one ISO date to another. Remembered by pair (a page of tasks shares a few due dates and one
 * today; parsing two dates for each row was a twentieth of a full page's time in the server). */
export function daysBetween(from: string, to: string): number {
  const key = from + '|' + to;
  let days = daysMemo.get(key);
  if (days === undefined) {
    days = dayjs(to).diff(dayjs(from), 'day');
    if (daysMemo.size >= 4096) daysMemo.clear();
    daysMemo.set(key, days);
  }
  return days;
}
const daysMemo = new Map<string, number>();

/** Calendar days an overdue task is late: until today, or, for one reported done after its due date and waiting for
 * acceptance, until its report (the leader's wait is not the officer's lateness). */
export function daysOverdue(
  t: { status: string; due_date: string; reported_done_on: string | null },
  today: string,
): number {
  const until = t.status === 'reported_done' && t.reported_done_on ? t.reported_done_on : today;
  return daysBetween(t.due_date, until);
}

/** Calendar days a task reported done has waited for acceptance (0 on the day of the report); null when it does not
 * wait. */
export function waitingDays(t: { status: string; reported_done_on: string | null }, today: string): number | null {
  if (t.status !== 'reported_done' || !t.reported_done_on) return null;
  return Math.max(0, daysBetween(t.reported_done_on, today));
}

export type Counts = {
  total: number;
  done: number;
  onTime: number;
  late: number;
  awaiting: number;
  overdue: number;
  open: number;
  progress: number;
};

/** Counts over top-level tasks (the caller passes them), cancelled ones left out. */
export function countTasks(
  tasks: readonly {
    status: string;
    due_date: string | null;
    reported_done_on: string | null;
    weight: number | string;
    progress: number;
  }[],
  today: string,
): Counts {
  const c: Counts = { total: 0, done: 0, onTime: 0, late: 0, awaiting: 0, overdue: 0, open: 0, progress: 0 };
  let weighted = 0;
  let weights = 0;
  for (const t of tasks) {
    const tl = timelinessOf(t, today);
    if (tl === 'cancelled') continue;
    c.total++;
    if (tl === 'on_time' || tl === 'late') {
      c.done++;
      if (tl === 'on_time') c.onTime++;
      else c.late++;
    } else if (tl === 'awaiting_acceptance') c.awaiting++;
    else if (tl === 'overdue') c.overdue++;
    else c.open++;
    const w = Number(t.weight) || 1;
    weighted += w * t.progress;
    weights += w;
  }
  c.progress = weights ? Math.round((weighted / weights) * 10) / 10 : 0;
  return c;
}
