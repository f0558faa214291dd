import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { currentLocale } from './i18n.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every instant is shown in Vietnam's time zone, whatever the browser's. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** An ISO instant as dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh; empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayjs(iso).tz(TIME_ZONE).format(DATE_TIME_FORMAT);
}

/** A plain date (YYYY-MM-DD) or an instant as dd/MM/yyyy; empty for null. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dayjs(value).format(DATE_FORMAT); // dayjs reads a bare date as local midnight;
  return dayjs(value).tz(TIME_ZONE).format(DATE_FORMAT);
}

/** Today's date in Asia/Ho_Chi_Minh, as a dayjs value at local midnight (for date pickers). */
export function todayInVietnam(): dayjs.Dayjs {
  return dayjs(dayjs().tz(TIME_ZONE).format('YYYY-MM-DD'));
}

/** The day after a plain date (YYYY-MM-DD): turns a last day in force into the first day no longer in force. */
export function nextDay(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** 12,5% in Vietnamese, 12.5% in English: rounded to one decimal, no space before the sign (server/i18n/figures.ts
 * writes the documents the same way). */
export function formatPercent(value: number, lang: string = currentLocale()): string {
  const n = Math.round(value * 10) / 10;
  return lang.startsWith('en') ? `${n}%` : `${n.toLocaleString('vi-VN')}%`;
}

/** 1.234,5 (vi) / 1,234.5 (en). */
export function formatNumber(value: number, lang: string = currentLocale()): string {
  return value.toLocaleString(lang.startsWith('en') ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
}

/** A result against its plan, the twin of planFigures in server/i18n/figures.ts: the share reached rounded to one
 * decimal (36.793 of 22.000 → 167.2) and the difference (14793; negative when short). Null without a positive plan
 * or a result. */
export function planFigures(
  result: number | null,
  target: number | null,
): { percent: number; difference: number } | null {
  if (result === null || target === null || !(target > 0)) return null;
  return {
    percent: Math.round((result * 1000) / target) / 10,
    difference: Math.round((result - target) * 100) / 100,
  };
}

/** The share of a plan always with one decimal, as the office writes it: 167,2%, 80,0%. */
export function formatPlanPercent(percent: number, lang: string = currentLocale()): string {
  const opts = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return lang.startsWith('en')
    ? `${percent.toLocaleString('en-GB', opts)}%`
    : `${percent.toLocaleString('vi-VN', opts)}%`;
}
