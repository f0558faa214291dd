import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme.ts';

type Props = { children: ReactNode };

/** AntD's locale with the date pickers' empty field saying the app's format ("ngày/tháng/năm", "dd/mm/yyyy") rather
 * than "Chọn thời điểm". */
function withDatePlaceholder(locale: Locale, placeholder: string): Locale {
  const picker = locale.DatePicker;
  if (!picker) return locale;
  return { ...locale, DatePicker: { ...picker, lang: { ...picker.lang, placeholder } } };
}

/** Ant Design: its locale following the UI language, the theme, the message/modal context. Around the signed-in app
 * and the setup page only (routes.tsx): the sign-in page, in the first script, does without. */
export function AppProviders({ children }: Props) {
  const { t, i18n } = useTranslation();
  const placeholder = t('common.datePlaceholder');
  const locale = useMemo(
    () => withDatePlaceholder(i18n.language === 'en' ? enUS : viVN, placeholder),
    [i18n.language, placeholder],
  );
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
