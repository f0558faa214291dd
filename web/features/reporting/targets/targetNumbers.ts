import type { InputNumberProps } from 'antd';
import { currentLocale } from '../../../lib/i18n.ts';
import type { ValueType } from '../reporting.api.ts';

/** Decimals a target of this type keeps: counts and money in whole numbers, others to two places (as the server
 * rounds a split). */
export const targetDecimals = (type: ValueType | undefined) => (type === 'integer' || type === 'money' ? 0 : 2);

/** A value in hundredths (or units): sums compared without floating-point drift. */
export const scaled = (n: number, decimals: number) => Math.round(n * 10 ** decimals);

const separators = (lang: string): [string, string] => (lang.startsWith('en') ? [',', '.'] : ['.', ',']);

/**
 * An InputNumber written the Vietnamese way (1.234.567,5; 1,234,567.5 in English): grouped once left, left alone
 * while typed (a cursor jumping about as digits are grouped loses keystrokes). Typing a comma or a dot both work as
 * the decimal sign in Vietnamese when no group of three follows.
 */
export function numberInputProps(decimals: number, lang: string = currentLocale()): Partial<InputNumberProps<number>> {
  const [group, decimal] = separators(lang);
  return {
    min: 0,
    max: 1e12,
    precision: decimals === 0 ? 0 : undefined,
    step: decimals === 0 ? 1 : 0.01,
    inputMode: decimals === 0 ? 'numeric' : 'decimal',
    formatter: (value, info) => {
      if (info.userTyping) return info.input;
      if (value === undefined || value === null || String(value) === '') return '';
      const [whole = '', frac] = String(value).split('.');
      const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
      return frac ? `${grouped}${decimal}${frac}` : grouped;
    },
    parser: (text) => {
      let s = (text ?? '').replace(/\s/g, '');
      // A lone dot not followed by exactly three digits is a decimal sign typed on a phone's keypad (12.5).
      if (group === '.' && !s.includes(',') && /^\d+\.(\d{1,2}|\d{4,})$/.test(s)) s = s.replace('.', ',');
      const n = Number(s.split(group).join('').replace(decimal, '.'));
      // NaN: antd keeps the last number, and the field shows what was typed until it is corrected.
      return n;
    },
  };
}
