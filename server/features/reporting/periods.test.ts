import { describe, expect, it } from 'vitest';
import { periodLabel } from './periods.labels.ts';
import {
  fitsType,
  idOfMonths,
  monthEnd,
  monthNumber,
  monthStart,
  parsePeriod,
  periodDays,
  periodDeadlines,
  periodIdOf,
  previousPeriod,
  recentPeriods,
  samePeriodLastYear,
  type Period,
} from './periods.ts';

const p = (id: string): Period => {
  const parsed = parsePeriod(id);
  if (!parsed) throw new Error(`not a period: ${id}`);
  return parsed;
};
const months = (id: string) => {
  const x = p(id);
  return [monthStart(x.firstMonth), monthEnd(x.lastMonth)];
};

describe('reporting periods', () => {
  it('reads DHIS2 period ids as runs of months', () => {
    expect(months('2021')).toEqual(['2021-01-01', '2021-12-31']);
    expect(months('2021S1')).toEqual(['2021-01-01', '2021-06-30']);
    expect(months('2021S2')).toEqual(['2021-07-01', '2021-12-31']);
    expect(months('2021Q3')).toEqual(['2021-07-01', '2021-09-30']);
    expect(months('202102')).toEqual(['2021-02-01', '2021-02-28']);
    expect(months('202402')).toEqual(['2024-02-01', '2024-02-29']);
    expect(months('202101..202109')).toEqual(['2021-01-01', '2021-09-30']);
    expect(months('2020Q4..2021S1')).toEqual(['2020-10-01', '2021-06-30']);
    expect(p('202107')).toEqual({ id: '202107', firstMonth: monthNumber(2021, 7), lastMonth: monthNumber(2021, 7) });
  });

  it.each([
    '',
    '2021Q5',
    '2021Q0',
    '2021S3',
    '202113',
    '202100',
    '21',
    '2021-07',
    '1989',
    '2101',
    '202109..202101',
    '2021..',
    'a..b..c',
    '2021q3',
  ])('refuses %j', (id) => {
    expect(parsePeriod(id)).toBeNull();
  });

  it('names a run of months by the shortest id', () => {
    expect(idOfMonths(monthNumber(2021, 7), monthNumber(2021, 9))).toBe('2021Q3');
    expect(idOfMonths(monthNumber(2021, 1), monthNumber(2021, 12))).toBe('2021');
    expect(idOfMonths(monthNumber(2021, 7), monthNumber(2021, 12))).toBe('2021S2');
    expect(idOfMonths(monthNumber(2021, 5), monthNumber(2021, 5))).toBe('202105');
    expect(idOfMonths(monthNumber(2021, 1), monthNumber(2021, 9))).toBe('202101..202109');
    expect(idOfMonths(monthNumber(2021, 2), monthNumber(2021, 4))).toBe('202102..202104');
    expect(idOfMonths(monthNumber(2021, 4), monthNumber(2021, 3))).toBeNull();
  });

  it('gives each type its period of a month, and knows which ids are of a type', () => {
    const nov = monthNumber(2021, 11);
    expect(
      ['month', 'quarter', 'half', 'year', 'nine_months', 'ad_hoc'].map((t) => periodIdOf(t as never, nov)),
    ).toEqual(['202111', '2021Q4', '2021S2', '2021', null, null]);
    expect(periodIdOf('nine_months', monthNumber(2021, 3))).toBe('202101..202109');
    expect(fitsType('quarter', p('2021Q3'))).toBe(true);
    expect(fitsType('quarter', p('202107..202109'))).toBe(false);
    expect(fitsType('month', p('2021Q3'))).toBe(false);
    expect(fitsType('nine_months', p('202101..202109'))).toBe(true);
    expect(fitsType('nine_months', p('202102..202110'))).toBe(false);
    expect(fitsType('ad_hoc', p('202102..202104'))).toBe(true);
  });

  it('runs a period from the 15th of the month before to the 14th of its last month (Decree 09/2019), or by the calendar', () => {
    expect(periodDays(p('202111'), 15)).toEqual({ start: '2021-10-15', end: '2021-11-14' });
    expect(periodDays(p('2021'), 15)).toEqual({ start: '2020-12-15', end: '2021-12-14' });
    expect(periodDays(p('2021Q1'), 15)).toEqual({ start: '2020-12-15', end: '2021-03-14' });
    expect(periodDays(p('202101..202109'), 15)).toEqual({ start: '2020-12-15', end: '2021-09-14' });
    expect(periodDays(p('202403'), 28)).toEqual({ start: '2024-02-28', end: '2024-03-27' });
    expect(periodDays(p('202403'), 2)).toEqual({ start: '2024-02-02', end: '2024-03-01' });
    expect(periodDays(p('202402'), null)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    // Consecutive windowed periods leave no day out and take none twice.
    const [a, b] = [periodDays(p('202111'), 15), periodDays(p('202112'), 15)];
    expect(new Date(b.start).getTime() - new Date(a.end).getTime()).toBe(86_400_000);
  });

  it('is due days after the last day and locks the day after its lock days have passed', () => {
    expect(periodDeadlines('2021-11-14', 3, 10)).toEqual({ due: '2021-11-17', locksOn: '2021-11-28' });
    expect(periodDeadlines('2021-12-31', 0, 0)).toEqual({ due: '2021-12-31', locksOn: '2022-01-01' });
    expect(periodDeadlines('2024-02-20', 10, null)).toEqual({ due: '2024-03-01', locksOn: null });
  });

  it('steps back to the period before and to the same period last year', () => {
    const prev = (id: string) => previousPeriod(p(id))?.id;
    expect([prev('202101'), prev('2021Q1'), prev('2021S2'), prev('2021'), prev('202102..202104')]).toEqual([
      '202012',
      '2020Q4',
      '2021S1',
      '2020',
      '202011..202101',
    ]);
    // Nine months come once a year: the ones before are last year's, not April to December.
    expect(prev('202101..202109')).toBe('202001..202009');
    const lastYear = (id: string) => samePeriodLastYear(p(id))?.id;
    expect([lastYear('202111'), lastYear('2021Q3'), lastYear('2021S1'), lastYear('202101..202109')]).toEqual([
      '202011',
      '2020Q3',
      '2020S1',
      '202001..202009',
    ]);
    expect(previousPeriod(p('199001'))).toBeNull();
    expect(samePeriodLastYear(p('1990Q2'))).toBeNull();
  });

  it('lists the recent periods of a type, the latest first', () => {
    const ids = (type: Parameters<typeof recentPeriods>[0], y: number, m: number, count: number) =>
      recentPeriods(type, monthNumber(y, m), count).map((x) => x.id);
    expect(ids('month', 2021, 1, 3)).toEqual(['202101', '202012', '202011']);
    expect(ids('quarter', 2021, 2, 3)).toEqual(['2021Q1', '2020Q4', '2020Q3']);
    expect(ids('half', 2021, 8, 3)).toEqual(['2021S2', '2021S1', '2020S2']);
    expect(ids('year', 2021, 8, 2)).toEqual(['2021', '2020']);
    expect(ids('nine_months', 2021, 11, 2)).toEqual(['202101..202109', '202001..202009']);
    expect(ids('nine_months', 2021, 5, 1)).toEqual(['202101..202109']);
    expect(ids('ad_hoc', 2021, 5, 3)).toEqual([]);
    expect(ids('month', 1990, 2, 5)).toEqual(['199002', '199001']);
  });

  it('names periods as Vietnamese reports do', () => {
    expect(
      [
        '202111',
        '2021Q3',
        '2021Q1',
        '2021S1',
        '2021S2',
        '202101..202109',
        '2021',
        '202101..202103',
        '202102..202105',
      ].map((id) => periodLabel(p(id))),
    ).toEqual([
      'Tháng 11/2021',
      'Quý III/2021',
      'Quý I/2021',
      '6 tháng đầu năm 2021',
      '6 tháng cuối năm 2021',
      '9 tháng năm 2021',
      'Năm 2021',
      'Quý I/2021',
      'Từ tháng 2/2021 đến tháng 5/2021',
    ]);
    expect(periodLabel(p('202011..202102'))).toBe('Từ tháng 11/2020 đến tháng 2/2021');
  });
});
