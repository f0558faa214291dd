import { describe, expect, it } from 'vitest';
import {
  curveDays,
  emptyCounts,
  expectedPercent,
  householdsCounted,
  scheduleStatus,
  statusOn,
} from './clearance.rules.ts';

const plan = { startDate: '2026-01-01', plannedCompletionDate: '2026-06-30', completedOn: null, milestones: [] };

describe('clearance schedule rules', () => {
  it('expects consent on a straight line from the start to the planned completion, bent by milestones', () => {
    expect(expectedPercent(plan, '2025-12-31')).toBe(0);
    expect(expectedPercent(plan, '2026-01-01')).toBe(0);
    expect(expectedPercent(plan, '2026-03-02')).toBe(33.3);
    expect(expectedPercent(plan, '2026-06-30')).toBe(100);
    expect(expectedPercent(plan, '2027-01-01')).toBe(100);
    const bent = { ...plan, milestones: [{ dueOn: '2026-03-31', targetPercent: 80 }] };
    expect(expectedPercent(bent, '2026-03-31')).toBe(80);
    expect(expectedPercent(bent, '2026-05-15')).toBe(89.9); // 80 + 20 × 45/91
  });

  it('is on schedule when consent reaches the line, behind below it, and completed when all land is handed over', () => {
    const counts = { ...emptyCounts(), agreed: 3, mobilising: 7 };
    expect(scheduleStatus(plan, counts, 10, '2026-02-01')).toBe('on_schedule');
    expect(scheduleStatus(plan, counts, 10, '2026-03-02')).toBe('behind');
    expect(scheduleStatus(plan, counts, 10, '2025-12-01')).toBe('not_started');
    expect(scheduleStatus(plan, emptyCounts(), 0, '2026-03-02')).toBe('no_households');
    expect(scheduleStatus(plan, { ...emptyCounts(), handed_over: 10 }, 10, '2026-03-02')).toBe('completed');
    // Past the planned completion, anything short of everyone is behind.
    expect(scheduleStatus(plan, { ...emptyCounts(), agreed: 9, handed_over: 0, mobilising: 1 }, 10, '2026-07-01')).toBe(
      'behind',
    );
    expect(householdsCounted(10, 12)).toBe(12);
    expect(householdsCounted(null, 4)).toBe(4);
  });

  it('reads a household’s status on a day from its history', () => {
    const h = [
      { status: 'mobilising' as const, onDate: '2026-01-20', seq: 1 },
      { status: 'agreed' as const, onDate: '2026-02-10', seq: 2 },
      { status: 'not_agreed' as const, onDate: '2026-02-10', seq: 3 },
    ];
    expect(statusOn(h, '2026-01-01')).toBe('not_agreed');
    expect(statusOn(h, '2026-01-31')).toBe('mobilising');
    expect(statusOn(h, '2026-02-10')).toBe('not_agreed');
    expect(curveDays('2026-01-15', '2026-03-02')).toEqual(['2026-01-31', '2026-02-28', '2026-03-02']);
  });
});
