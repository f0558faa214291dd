import { currentLocale } from '../../lib/i18n.ts';
import type { ValueType } from './reporting.api.ts';

/** Whole numbers only: counts and money in whole đồng. */
export const isWhole = (type: ValueType) => type === 'integer' || type === 'money';
export const isNumeric = (type: ValueType) => type !== 'text' && type !== 'boolean';

const en = (lang: string) => lang.startsWith('en');

/** A value as the entry field shows it: 1.234,5 in Vietnamese (1,234.5 in English); whole types without decimals. */
export function toFieldText(value: number | null, type: ValueType, lang: string = currentLocale()): string {
  if (value === null) return '';
  return value.toLocaleString(en(lang) ? 'en-GB' : 'vi-VN', { maximumFractionDigits: isWhole(type) ? 0 : 4 });
}

/**
 * What a person typed, as a number: '' is null; undefined when it is not a number of this type. In Vietnamese the
 * dot groups thousands and the comma is the decimal sign (1.234,5); a lone dot not followed by three digits (12.5) is
 * read as a decimal sign, as people type it on a phone's keypad.
 */
export function parseFieldText(
  raw: string,
  type: ValueType,
  lang: string = currentLocale(),
): number | null | undefined {
  let s = raw.replace(/\s/g, '');
  if (s === '') return null;
  const [group, decimal] = en(lang) ? [',', '.'] : ['.', ','];
  if (!en(lang) && !s.includes(',') && /^-?\d+\.\d{1,2}$|^-?\d+\.\d{4,}$/.test(s)) s = s.replace('.', ',');
  if (!new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})*(\\${decimal}\\d+)?$|^-?\\d+(\\${decimal}\\d+)?$`).test(s))
    return undefined;
  const n = Number(s.split(group).join('').replace(decimal, '.'));
  if (!Number.isFinite(n)) return undefined;
  if (isWhole(type) && !Number.isInteger(n)) return undefined;
  return n;
}

/** The change from `before` to `now` in percent, or null when there is no base to compare with. */
export function changePercent(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return ((now - before) * 100) / Math.abs(before);
}
