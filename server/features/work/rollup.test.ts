import { describe, expect, it } from 'vitest';
import { countTasks, daysOverdue, rollupProgress, timelinessOf, waitingDays } from './rollup.ts';

const node = (id: string, parent_id: string | null, reported_progress: number, weight = 1, status = 'in_progress') => ({
  id,
  parent_id,
  reported_progress,
  weight,
  status,
});

describe('the rollup rule', () => {
  it('weights subtasks by their weight, recursively; accepted counts 100; cancelled ones are left out', () => {
    const p = rollupProgress([
      node('root', null, 0),
      node('a', 'root', 0, 3),
      node('a1', 'a', 100, 1, 'accepted'),
      node('a2', 'a', 0, 1, 'in_progress'),
      node('b', 'root', 20, 1),
      node('c', 'root', 90, 5, 'cancelled'),
    ]);
    expect(p.get('a')).toBe(50);
    // (3 × 50 + 1 × 20) / 4 = 42.5
    expect(p.get('root')).toBe(42.5);
  });

  it('done on time, late, overdue and due soon against the due date in force, today in Viet Nam', () => {
    const today = '2026-03-10';
    expect(timelinessOf({ status: 'accepted', due_date: '2026-03-10', reported_done_on: '2026-03-10' }, today)).toBe(
      'on_time',
    );
    expect(timelinessOf({ status: 'accepted', due_date: '2026-03-10', reported_done_on: '2026-03-11' }, today)).toBe(
      'late',
    );
    // Reported done by the due date: waiting for acceptance, however long the leader takes; reported after it:
    // overdue while it waits.
    expect(
      timelinessOf({ status: 'reported_done', due_date: '2026-03-09', reported_done_on: '2026-03-09' }, today),
    ).toBe('awaiting_acceptance');
    expect(
      timelinessOf({ status: 'reported_done', due_date: '2026-03-09', reported_done_on: '2026-03-10' }, today),
    ).toBe('overdue');
    expect(timelinessOf({ status: 'reported_done', due_date: null, reported_done_on: '2026-03-01' }, today)).toBe(
      'awaiting_acceptance',
    );
    expect(timelinessOf({ status: 'in_progress', due_date: '2026-03-09', reported_done_on: null }, today)).toBe(
      'overdue',
    );
    expect(timelinessOf({ status: 'in_progress', due_date: '2026-03-17', reported_done_on: null }, today)).toBe(
      'due_soon',
    );
    expect(timelinessOf({ status: 'in_progress', due_date: '2026-03-18', reported_done_on: null }, today)).toBe('open');
    expect(timelinessOf({ status: 'cancelled', due_date: '2026-01-01', reported_done_on: null }, today)).toBe(
      'cancelled',
    );
  });

  it('counts leave cancelled tasks out and weight the mean progress', () => {
    const c = countTasks(
      [
        { status: 'accepted', due_date: '2026-03-01', reported_done_on: '2026-02-28', weight: 1, progress: 100 },
        { status: 'accepted', due_date: '2026-03-01', reported_done_on: '2026-03-02', weight: 1, progress: 100 },
        { status: 'in_progress', due_date: '2026-03-05', reported_done_on: null, weight: 2, progress: 50 },
        { status: 'cancelled', due_date: '2026-03-05', reported_done_on: null, weight: 1, progress: 0 },
      ],
      '2026-03-10',
    );
    expect(c).toEqual({ total: 3, done: 2, onTime: 1, late: 1, awaiting: 0, overdue: 1, open: 0, progress: 75 });
  });

  it('counts work waiting for acceptance apart, and says how long it waited and how late an overdue task is', () => {
    const today = '2026-12-07';
    const reported = { status: 'reported_done', due_date: '2026-11-17', reported_done_on: '2026-11-14' };
    const late = { status: 'reported_done', due_date: '2026-11-10', reported_done_on: '2026-11-20' };
    const open = { status: 'in_progress', due_date: '2026-11-30', reported_done_on: null };
    const c = countTasks(
      [reported, late, open].map((t) => ({ ...t, weight: 1, progress: 100 })),
      today,
    );
    expect(c).toMatchObject({ total: 3, done: 0, awaiting: 1, overdue: 2, open: 0 });
    expect([waitingDays(reported, today), waitingDays(late, today), waitingDays(open, today)]).toEqual([23, 17, null]);
    // Days late: until the report for work waiting for acceptance, until today otherwise (calendar days).
    expect(daysOverdue(late, today)).toBe(10);
    expect(daysOverdue(open, today)).toBe(7);
  });
});
