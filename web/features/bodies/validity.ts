import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/format.ts';
import { lastDay } from '../units/units.api.ts';

/** "từ dd/MM/yyyy đến dd/MM/yyyy": "từ trước" when open at the start, "nay" when still in force; the end shown is the last day in force. */
export function validityText(validFrom: string | null, validTo: string | null, t: TFunction): string {
  const from = validFrom ? formatDate(validFrom) : t('bodies.sinceBefore');
  const to = validTo ? formatDate(lastDay(validTo)) : t('bodies.now');
  return t('bodies.validity', { from, to });
}

/** Whether a record with these dates is in force on `asOf`. */
export function inForceOn(validFrom: string | null, validTo: string | null, asOf: string): boolean {
  return (validFrom === null || validFrom <= asOf) && (validTo === null || asOf < validTo);
}
