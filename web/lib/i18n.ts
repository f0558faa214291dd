import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import vi from '../i18n/vi.json';

export type Locale = 'vi' | 'en';

export const LOCALES: readonly Locale[] = ['vi', 'en'];

const STORAGE_KEY = 'khoi.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

/** The language remembered in this browser before sign-in (Vietnamese when none). */
export function storedLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : 'vi';
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to Vietnamese.
    return 'vi';
  }
}

function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the language simply is not remembered.
  }
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale);
  document.documentElement.lang = locale;
}

const initial = storedLocale();
applyLocale(initial);

/** English is fetched only when chosen: most people never need it, and the first script stays smaller. */
async function loadCatalogue(locale: Locale): Promise<void> {
  if (locale === 'vi' || i18next.hasResourceBundle(locale, 'translation')) return;
  const { default: en } = await import('../i18n/en.json');
  i18next.addResourceBundle(locale, 'translation', en);
}

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  partialBundledLanguages: true,
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
  // No advertisement in the browser's console.
  showSupportNotice: false,
  returnNull: false,
});

/** Settles once the remembered language's texts are there: the app renders after it. */
export const i18nReady: Promise<void> = loadCatalogue(initial).catch(() => undefined);

export const i18n = i18next;

/** The current UI language. */
export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'vi';
}

/** Switches the UI language (i18next, dayjs, <html lang>) and remembers it in this browser. */
export async function setLocale(locale: Locale): Promise<void> {
  await loadCatalogue(locale);
  rememberLocale(locale);
  applyLocale(locale);
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}
