import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale, type Locale } from '../../lib/i18n.ts';
import { errorText } from '../../ui/errors.ts';
import { savePreferences, type Session } from './auth.api.ts';
import { SESSION_KEY, updateSessionAccount } from './session.ts';

/**
 * Switches the UI language at once; for a signed-in person also saves it to the account,
 * going back to the previous language if the server refuses.
 */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();

  return async (locale: Locale) => {
    const previous = currentLocale();
    if (previous === locale) return;
    await setLocale(locale);
    const session = queryClient.getQueryData<Session | null>(SESSION_KEY);
    if (!session) return;
    try {
      const { account } = await savePreferences({ locale });
      updateSessionAccount(queryClient, account);
    } catch (error) {
      await setLocale(previous);
      void message.error(errorText(error, t));
    }
  };
}
