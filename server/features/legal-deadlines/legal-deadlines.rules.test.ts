import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  countWithVariants,
  dueDate,
  holidaysOfYear,
  type VersionTerms,
} from './legal-deadlines.rules.ts';
import { SEEDED_HOLIDAYS, seededCalendar } from './legal-deadlines.testkit.ts';

const daysOff = (year: number) => holidaysOfYear(SEEDED_HOLIDAYS, year).map((h) => `${h.date}${h.inLieu ? ' bù' : ''}`);

describe('the holidays of a year, computed from the Labour Code', () => {
  it('Tết Bính Ngọ 2026: the last day of Ất Tỵ and mùng 1–4, nine days with the weekends (14/2–22/2)', () => {
    const cal = seededCalendar();
    const off = [];
    for (let d = 13; d <= 23; d++) off.push(cal.isWorkingDay(`2026-02-${d}`) ? '·' : 'x');
    expect(off.join('')).toBe('·xxxxxxxxx·'); // Friday 13/2 worked, Monday 23/2 back at work
  });

  it('a holiday on a weekend gives the next working day in lieu (Điều 111): Hùng Kings 2026 on a Sunday', () => {
    expect(daysOff(2026)).toContain('2026-04-26');
    expect(daysOff(2026)).toContain('2026-04-27 bù');
  });

  it('the second National Day holiday exists from 2021 only; 2020 had 2/9 alone', () => {
    expect(daysOff(2020).filter((d) => d.startsWith('2020-09'))).toEqual(['2020-09-02']);
    expect(daysOff(2021).filter((d) => d.startsWith('2021-09'))).toEqual(['2021-09-02', '2021-09-03']);
    expect(daysOff(2024).filter((d) => d.startsWith('2024-09'))).toEqual(['2024-09-02', '2024-09-03']); // after
    expect(daysOff(2025).filter((d) => d.startsWith('2025-09'))).toEqual(['2025-09-01', '2025-09-02']); // before
    // 2023: 2/9 on a Saturday, 1/9 before it, Monday 4/9 in lieu
    expect(daysOff(2023).filter((d) => d.startsWith('2023-09'))).toEqual(['2023-09-01', '2023-09-02', '2023-09-04 bù']);
  });

  it('Tết was four days before the Labour Code of 2012 (in force 1/5/2013), five after', () => {
    const tet = (year: number) =>
      holidaysOfYear(SEEDED_HOLIDAYS, year).filter((h) => h.code === 'lunar_new_year' && !h.inLieu);
    // 2012: Sunday 22/1 (the last day of Tân Mão) to mùng 3, and Thursday 26/1 in lieu of the Sunday
    expect(tet(2012).map((h) => h.date)).toEqual(['2012-01-22', '2012-01-23', '2012-01-24', '2012-01-25']);
    expect(daysOff(2012)).toContain('2012-01-26 bù');
    expect(tet(2014)).toHaveLength(5);
  });

  it('the announced adjustments of 2025 win over the computed days: 27/1 off, 3/2 worked, 2/5 off for 26/4', () => {
    const cal = seededCalendar();
    expect(cal.day('2025-01-27')).toMatchObject({ working: false, reason: 'off' });
    expect(cal.day('2025-02-03')).toMatchObject({ working: true, reason: 'work' });
    expect(cal.day('2025-04-26')).toMatchObject({ working: true, reason: 'work' }); // a Saturday
    expect(cal.day('2025-05-02')).toMatchObject({ working: false, reason: 'off' });
    expect(cal.day('2025-04-30')).toMatchObject({ working: false, reason: 'holiday' });
  });
});

describe('counting a period (Bộ luật Dân sự, Điều 147–148)', () => {
  const cal = seededCalendar();

  it('calendar days against working days from the same Monday', () => {
    expect(addCalendarDays(cal, '2025-03-03', 10)).toBe('2025-03-13');
    expect(addWorkingDays(cal, '2025-03-03', 10)).toBe('2025-03-17');
  });

  it('the event day is not counted: one day after a Monday is the Tuesday', () => {
    expect(addCalendarDays(cal, '2025-03-03', 1)).toBe('2025-03-04');
    expect(addWorkingDays(cal, '2025-03-07', 1)).toBe('2025-03-10'); // after a Friday: the Monday
  });

  it('a calendar-day period ending on a Saturday ends on the Monday', () => {
    expect(addCalendarDays(cal, '2025-03-05', 10)).toBe('2025-03-17');
  });

  it('a period ending on 30/4 runs past 1/5, the bridge day 2/5 and the weekend (2025)', () => {
    expect(addCalendarDays(cal, '2025-04-20', 10)).toBe('2025-05-05');
    // the swapped Saturday 26/4/2025 is a working day: a period may end on it, and it counts
    expect(addCalendarDays(cal, '2025-04-19', 7)).toBe('2025-04-26');
    expect(addWorkingDays(cal, '2025-04-24', 2)).toBe('2025-04-26');
  });

  it('a period ending on the National Day holidays, by year', () => {
    expect(addCalendarDays(cal, '2025-08-22', 10)).toBe('2025-09-03'); // 1/9 and 2/9/2025
    expect(addCalendarDays(cal, '2024-08-23', 10)).toBe('2024-09-04'); // 2/9 and 3/9/2024
    expect(addCalendarDays(cal, '2021-08-23', 10)).toBe('2021-09-06'); // 2–3/9/2021 then the weekend
    expect(addCalendarDays(cal, '2020-08-22', 10)).toBe('2020-09-01'); // 2020: 1/9 was a working day
    expect(addCalendarDays(cal, '2020-08-23', 10)).toBe('2020-09-03');
  });

  it('across Tết 2026: working days skip the nine days off, calendar days end after them', () => {
    expect(addWorkingDays(cal, '2026-02-12', 7)).toBe('2026-03-02');
    expect(addCalendarDays(cal, '2026-02-10', 10)).toBe('2026-02-23');
  });

  it('a period is provisional when a year it runs through is not confirmed', () => {
    expect(dueDate(cal, '2025-03-03', 'working', 10)).toEqual({ due: '2025-03-17', provisional: false });
    expect(dueDate(cal, '2025-12-20', 'calendar', 30)).toEqual({ due: '2026-01-19', provisional: true });
    // the event day itself is not counted: 31/12/2024 starts a period of 2025 only
    expect(dueDate(cal, '2024-12-31', 'calendar', 2).provisional).toBe(false);
    expect(dueDate(seededCalendar({ confirmed: [2025, 2026] }), '2025-12-20', 'calendar', 30).provisional).toBe(false);
  });
});

describe('variants', () => {
  const resolveFirst: VersionTerms = {
    days: 30,
    basis: 'Đ.28',
    variants: [
      { code: 'complex', kind: 'combine', days: null, maxUses: null, basis: null },
      { code: 'remote', kind: 'combine', days: null, maxUses: null, basis: null },
    ],
    combinations: [
      { variants: ['complex'], days: 45, basis: 'Đ.28 phức tạp' },
      { variants: ['remote'], days: 45, basis: 'Đ.28 vùng sâu' },
      { variants: ['complex', 'remote'], days: 60, basis: 'Đ.28 vùng sâu, phức tạp' },
    ],
  };
  const resolveDenunciation: VersionTerms = {
    days: 30,
    basis: 'Đ.30',
    variants: [{ code: 'extension', kind: 'repeat', days: 30, maxUses: 2, basis: 'gia hạn' }],
    combinations: [],
  };

  it('remote and complex combine as the law lists them, in any order', () => {
    expect(countWithVariants(resolveFirst, [])).toEqual({ days: 30, basis: 'Đ.28' });
    expect(countWithVariants(resolveFirst, ['complex'])).toMatchObject({ days: 45 });
    expect(countWithVariants(resolveFirst, ['remote'])).toMatchObject({ days: 45 });
    expect(countWithVariants(resolveFirst, ['remote', 'complex'])).toEqual({
      days: 60,
      basis: 'Đ.28 vùng sâu, phức tạp',
    });
  });

  it('an extension repeats, each adding 30 days, at most twice', () => {
    expect(countWithVariants(resolveDenunciation, ['extension'])).toMatchObject({ days: 60 });
    expect(countWithVariants(resolveDenunciation, ['extension', 'extension'])).toEqual({
      days: 90,
      basis: 'Đ.30; gia hạn (2 lần)',
    });
    expect(countWithVariants(resolveDenunciation, ['extension', 'extension', 'extension'])).toEqual({
      problem: 'tooMany',
      variant: 'extension',
      max: 2,
    });
    // 30 + 2 × 30 days from 2/1/2025 (a Thursday): 2/4/2025
    expect(addCalendarDays(seededCalendar(), '2025-01-02', 90)).toBe('2025-04-02');
  });

  it('refuses an unknown variant, a circumstance named twice and a combination the law does not list', () => {
    expect(countWithVariants(resolveFirst, ['urgent'])).toEqual({ problem: 'unknown', variant: 'urgent' });
    expect(countWithVariants(resolveFirst, ['complex', 'complex'])).toEqual({
      problem: 'repeated',
      variant: 'complex',
    });
    const noPair = { ...resolveFirst, combinations: resolveFirst.combinations.slice(0, 2) };
    expect(countWithVariants(noPair, ['complex', 'remote'])).toEqual({
      problem: 'combination',
      variants: ['complex', 'remote'],
    });
  });
});
