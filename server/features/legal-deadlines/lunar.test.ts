import { describe, expect, it } from 'vitest';
import { julianDay, lunarNewYear, solarOfLunar } from './lunar.ts';

// Mùng 1 Tết, 1985–2030, in Vietnam (UTC+7). The same as the Chinese New Year except 1985, 2007 and 2030, when the
// new moon came shortly before midnight in Hà Nội and after it in Beijing.
const TET: Record<number, string> = {
  1985: '01-21',
  1986: '02-09',
  1987: '01-29',
  1988: '02-17',
  1989: '02-06',
  1990: '01-27',
  1991: '02-15',
  1992: '02-04',
  1993: '01-23',
  1994: '02-10',
  1995: '01-31',
  1996: '02-19',
  1997: '02-07',
  1998: '01-28',
  1999: '02-16',
  2000: '02-05',
  2001: '01-24',
  2002: '02-12',
  2003: '02-01',
  2004: '01-22',
  2005: '02-09',
  2006: '01-29',
  2007: '02-17',
  2008: '02-07',
  2009: '01-26',
  2010: '02-14',
  2011: '02-03',
  2012: '01-23',
  2013: '02-10',
  2014: '01-31',
  2015: '02-19',
  2016: '02-08',
  2017: '01-28',
  2018: '02-16',
  2019: '02-05',
  2020: '01-25',
  2021: '02-12',
  2022: '02-01',
  2023: '01-22',
  2024: '02-10',
  2025: '01-29',
  2026: '02-17',
  2027: '02-06',
  2028: '01-26',
  2029: '02-13',
  2030: '02-02',
};

describe('the Vietnamese lunar calendar', () => {
  it('puts Tết on the days Vietnam kept it, 1985–2030', () => {
    for (const [year, day] of Object.entries(TET)) expect(lunarNewYear(Number(year)), year).toBe(`${year}-${day}`);
  });

  it('counts in UTC+7, not in China’s UTC+8: the years the two differ', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21'); // China: 20/2/1985, a month later
    expect(lunarNewYear(2007)).toBe('2007-02-17'); // China: 18/2/2007
    expect(lunarNewYear(2030)).toBe('2030-02-02'); // China: 3/2/2030
    expect(lunarNewYear(1968)).toBe('1968-01-29'); // Tết Mậu Thân; China: 30/1/1968
  });

  it('finds the Hùng Kings’ day (10/3) after a leap month', () => {
    expect(solarOfLunar(10, 3, 2020)).toBe('2020-04-02'); // 2020 had a leap 4th month: the 3rd is before it
    expect(solarOfLunar(10, 3, 2023)).toBe('2023-04-29'); // 2023 had a leap 2nd month
    expect(solarOfLunar(10, 3, 2025)).toBe('2025-04-07');
    expect(solarOfLunar(10, 3, 2026)).toBe('2026-04-26');
  });

  it('numbers days as Julian day numbers', () => {
    expect(julianDay('2000-01-01')).toBe(2451545);
    expect(julianDay('1970-01-01')).toBe(2440588);
  });
});
