import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

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
