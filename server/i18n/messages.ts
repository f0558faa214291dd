import vi from './vi.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export type Lang = 'vi' | 'en';
const catalogs: Record<Lang, unknown> = { vi, en };

/** Picks the response language from an Accept-Language header: Vietnamese unless English is preferred. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag.startsWith('vi') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'vi';
}

/** Numbers in messages as each language writes them: 20.000 and 12,5 in Vietnamese, 20,000 in English. */
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
};

/** Looks up a dotted key ("errors.NOT_FOUND") and fills {{name}} placeholders. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = catalogs[lang];
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = params[name];
    return typeof v === 'number' ? numberFormats[lang].format(v) : String(v ?? '');
  });
}

export function hasKey(lang: Lang, key: string): boolean {
  return translate(lang, key) !== key;
}
