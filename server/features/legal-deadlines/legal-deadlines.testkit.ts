import { WorkCalendar, type Adjustment, type HolidayDefinition } from './legal-deadlines.rules.ts';

const h = (
  code: string,
  calendar: 'solar' | 'lunar',
  month: number,
  day: number,
  o: Partial<HolidayDefinition> = {},
): HolidayDefinition => ({
  code,
  name: code,
  calendar,
  month,
  day,
  firstOffset: 0,
  days: 1,
  placement: 'fixed',
  validFrom: null,
  validTo: null,
  ...o,
});

/** The holiday definitions migration 0019 seeds (Bộ luật Lao động 2019, Điều 112, and before). */
export const SEEDED_HOLIDAYS: HolidayDefinition[] = [
  h('new_year', 'solar', 1, 1),
  h('lunar_new_year', 'lunar', 1, 1, { firstOffset: -1, days: 4, validTo: '2013-05-01' }),
  h('lunar_new_year', 'lunar', 1, 1, { firstOffset: -1, days: 5, validFrom: '2013-05-01' }),
  h('hung_kings', 'lunar', 3, 10, { validFrom: '2007-01-01' }),
  h('victory_day', 'solar', 4, 30),
  h('labour_day', 'solar', 5, 1),
  h('national_day', 'solar', 9, 2),
  h('national_day_2', 'solar', 9, 2, { placement: 'adjacent', validFrom: '2021-01-01' }),
];

/** The announced adjustments of 2025 that migration 0019 seeds. */
export const SEEDED_2025: Adjustment[] = [
  { date: '2025-01-27', kind: 'off', note: null },
  { date: '2025-02-03', kind: 'work', note: null },
  { date: '2025-05-02', kind: 'off', note: null },
  { date: '2025-04-26', kind: 'work', note: null },
];

/** The seeded calendar: 2025 confirmed, its adjustments, and whatever else a test adds. */
export function seededCalendar(o: { adjustments?: Adjustment[]; confirmed?: number[] } = {}): WorkCalendar {
  return new WorkCalendar(SEEDED_HOLIDAYS, [...SEEDED_2025, ...(o.adjustments ?? [])], o.confirmed ?? [2025]);
}
