import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../lib/i18n.ts';
import './PlainLanguageSwitch.css';

type Props = { value: Locale; onChange: (locale: Locale) => void };

/** LanguageSwitch without antd, for the sign-in page (in the first script): the same two toggle buttons, "Tiếng Việt"
 * and "English", each named in its own language, the current one pressed, drawn as antd's small compact buttons. */
export function PlainLanguageSwitch({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className={locale === value ? 'lang-switch-button lang-switch-current' : 'lang-switch-button'}
          aria-pressed={locale === value}
          onClick={() => onChange(locale)}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
