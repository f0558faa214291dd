import dayjs from 'dayjs';

/**
 * The Vietnamese lunar calendar (âm lịch), as far as the holidays need it: the solar date of a lunar date.
 *
 * The calendar is astronomical: a month starts on the day (in local time) of a new moon; month 11 holds the winter
 * solstice; in a year of 13 months the first month without a major solar term is the leap month. Vietnam counts in
 * UTC+7, China in UTC+8, so a new moon shortly before midnight in Hà Nội starts the month a day earlier than in
 * Beijing: Tết 2007 fell on 17/2 in Vietnam and 18/2 in China, Tết 1985 on 21/1 against 20/2, Tết 2030 on 2/2 against
 * 3/2. The algorithm is Hồ Ngọc Đức's (the reference for Vietnamese calendars), with the new moon and the sun's
 * longitude from Jean Meeus, "Astronomical Algorithms" (1998); accurate over 1900–2100, the dates Khối accepts.
 *
 * Why not a package: of the npm packages for the Vietnamese calendar, @dqcai/vn-lunar 1.0.1 ships only an
 * obfuscated build around an opaque table, vietnamese-lunar-calendar 0.0.6 has no tests, does not export its
 * converter and returns Date objects in the server's local time zone, and amlich 0.0.2 is dormant. Eighty lines we
 * test against known Tết dates are easier to trust for legal deadlines.
 */

const TIME_ZONE = 7;
/** Julian day number of 2000-01-01, to move between day numbers and dates with dayjs. */
const JD_2000 = 2451545;
const EPOCH = dayjs('2000-01-01');

/** The Julian day number of a date (YYYY-MM-DD). */
export function julianDay(date: string): number {
  return dayjs(date).diff(EPOCH, 'day') + JD_2000;
}

/** The date (YYYY-MM-DD) of a Julian day number. */
export function dateOfJulianDay(jd: number): string {
  return EPOCH.add(jd - JD_2000, 'day').format('YYYY-MM-DD');
}

const RAD = Math.PI / 180;

/** The moment (Julian day, fractional, UTC) of the k-th new moon after the one of 1900-01-01 13:52 UTC. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // the sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // the moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // the moon's argument of latitude
  let c = (0.1734 - 0.000393 * T) * Math.sin(M * RAD) + 0.0021 * Math.sin(2 * RAD * M);
  c += -0.4068 * Math.sin(Mpr * RAD) + 0.0161 * Math.sin(RAD * 2 * Mpr) - 0.0004 * Math.sin(RAD * 3 * Mpr);
  c += 0.0104 * Math.sin(RAD * 2 * F) - 0.0051 * Math.sin(RAD * (M + Mpr)) - 0.0074 * Math.sin(RAD * (M - Mpr));
  c += 0.0004 * Math.sin(RAD * (2 * F + M)) - 0.0004 * Math.sin(RAD * (2 * F - M));
  c += -0.0006 * Math.sin(RAD * (2 * F + Mpr)) + 0.001 * Math.sin(RAD * (2 * F - Mpr));
  c += 0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** The day (Julian day number) of the k-th new moon in local time. */
const newMoonDay = (k: number) => Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);

/** The sun's longitude at local midnight starting day `jd`, as the index (0–11) of the 30° segment it is in. */
function sunSegment(jd: number): number {
  const T = (jd - 0.5 - TIME_ZONE / 24 - 2451545) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M);
  dl += (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) + 0.00029 * Math.sin(RAD * 3 * M);
  let l = (L0 + dl) * RAD;
  l -= Math.PI * 2 * Math.floor(l / (Math.PI * 2));
  return Math.floor((l / Math.PI) * 6);
}

/** The first day of lunar month 11 (the month of the winter solstice) of a solar year. */
function month11(year: number): number {
  const k = Math.floor((julianDay(`${year}-12-31`) - 2415021) / 29.530588853);
  const nm = newMoonDay(k);
  return sunSegment(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** How many months after month 11 (starting on day a11) the leap month comes. */
function leapOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunSegment(newMoonDay(k + i));
  let last: number;
  do {
    i++;
    last = arc;
    arc = sunSegment(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The solar date (YYYY-MM-DD) of day `day` of lunar month `month` (the ordinary one, not a leap month of that
 * number) in lunar year `year`. */
export function solarOfLunar(day: number, month: number, year: number): string {
  const [a11, b11] = month < 11 ? [month11(year - 1), month11(year)] : [month11(year), month11(year + 1)];
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  // A year of 13 months: the months after the leap month are one new moon further.
  if (b11 - a11 > 365 && off >= leapOffset(a11)) off += 1;
  return dateOfJulianDay(newMoonDay(k + off) + day - 1);
}

/** The first day of lunar year `year` (mùng 1 Tết), in solar year `year`. */
export const lunarNewYear = (year: number): string => solarOfLunar(1, 1, year);
