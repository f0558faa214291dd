import dayjs from 'dayjs';
import { todayInVietnam } from './format.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A page or page size read from the address: a positive whole number, or the fallback. */
export function positiveIntParam(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A YYYY-MM-DD date read from the address, or undefined when absent or not a real day. */
export function isoDateParam(raw: string | null | undefined): string | undefined {
  return raw && ISO_DATE.test(raw) && dayjs(raw).isValid() ? raw : undefined;
}

/** The "as of" date of a page from the address (`?ngay=`), today in Vietnam when absent or invalid. */
export function asOfParam(raw: string | null): string {
  return isoDateParam(raw) ?? todayInVietnam().format('YYYY-MM-DD');
}

/** The parameters in the address bar now. React Router hands a setter the parameters of the last render, which
 * under load can lag behind a change already in the address (a filter picked, then a search typed at once: the
 * search wiped the filter); changes are merged into the live address instead. */
export function liveParams(fallback?: URLSearchParams): URLSearchParams {
  return typeof window !== 'undefined' ? new URLSearchParams(window.location.search) : new URLSearchParams(fallback);
}

/** The address parameters with some set and some removed (null, undefined or '' removes), on the live address. */
export function mergeParams(prev: URLSearchParams, next: Record<string, string | null | undefined>): URLSearchParams {
  const p = liveParams(prev);
  for (const [key, value] of Object.entries(next)) {
    if (value === null || value === undefined || value === '') p.delete(key);
    else p.set(key, value);
  }
  return p;
}
