import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../lib/i18n.ts';

type Props = { value: Locale; onChange: (locale: Locale) => void; disabled?: boolean };

/** Two toggle buttons, "Tiếng Việt" and "English", each named in its own language; the current one is pressed. */
export function LanguageSwitch({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Space.Compact role="group" aria-label={t('language.label')} size="small">
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          size="small"
          lang={locale}
          type={locale === value ? 'primary' : 'default'}
          aria-pressed={locale === value}
          disabled={disabled}
          onClick={() => onChange(locale)}
        >
          {t(`language.${locale}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
