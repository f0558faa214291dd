import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../server/http/errors.ts';
import { hasKey, pickLang, translate } from '../server/i18n/messages.ts';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function load(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
}

describe('translations', () => {
  for (const dir of ['server/i18n', 'web/i18n']) {
    it(`${dir}: Vietnamese and English catalogues have the same keys, none empty`, () => {
      const vi = load(`${dir}/vi.json`);
      const en = load(`${dir}/en.json`);
      const viKeys = keys(vi).sort();
      const enKeys = keys(en).sort();
      expect(
        viKeys.filter((k) => !enKeys.includes(k)),
        'missing in en.json',
      ).toEqual([]);
      expect(
        enKeys.filter((k) => !viKeys.includes(k)),
        'missing in vi.json',
      ).toEqual([]);
      expect(viKeys.length).toBeGreaterThan(10);
      const empty = (o: unknown, p: string): string[] =>
        keys(o)
          .filter((k) => k.split('.').reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], o) === '')
          .map((k) => p + k);
      expect([...empty(vi, 'vi:'), ...empty(en, 'en:')]).toEqual([]);
    });
  }

  it('every error code has a message in both languages', () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(hasKey('vi', `errors.${code}`), `vi ${code}`).toBe(true);
      expect(hasKey('en', `errors.${code}`), `en ${code}`).toBe(true);
    }
  });

  it('answers in Vietnamese unless English is preferred', () => {
    expect(pickLang(undefined)).toBe('vi');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(pickLang('fr-FR')).toBe('vi');
    expect(pickLang('en;q=0.2, vi;q=0.8')).toBe('vi');
  });

  it('writes numbers in messages as each language does', () => {
    expect(translate('vi', 'uploadLimits.rows', { max: 20000 })).toBe('Bảng tính có hơn 20.000 dòng.');
    expect(translate('en', 'uploadLimits.rows', { max: 20000 })).toBe('The sheet has more than 20,000 rows.');
    expect(translate('vi', 'errors.INTERNAL', { requestId: '1234-5678' })).toContain('1234-5678');
  });
});
