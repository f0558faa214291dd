import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Empty, Form, InputNumber, Skeleton, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { errorText } from '../../ui/errors.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormErrorAlerts, useFormErrors } from '../../ui/FormErrors.tsx';
import {
  getSettings,
  saveSettings,
  SETTINGS_KEY,
  type NotificationSettings,
  type SettingsInput,
} from './notifications.api.ts';

const FIELDS = ['dueSoonDays', 'dailyDigest', 'email'] as const;
export const SETTINGS_ANCHOR = 'thong-bao';

/** "Thông báo" on "Tài khoản của tôi": when due-soon reminders start, the morning digest, and e-mail. */
export function NotificationSettingsCard() {
  const { t } = useTranslation();
  const location = useLocation();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => getSettings(signal), retry: false });

  // Opened from the bell's "Cài đặt thông báo": bring the card into view once it has its content.
  useEffect(() => {
    if (location.hash === `#${SETTINGS_ANCHOR}` && !settings.isPending)
      document.getElementById(SETTINGS_ANCHOR)?.scrollIntoView({ block: 'start' });
  }, [location.hash, settings.isPending]);

  return (
    <Card id={SETTINGS_ANCHOR} title={<h2 className="card-title">{t('notifications.settings.title')}</h2>}>
      {settings.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : settings.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(settings.error, t)} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </Card>
  );
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsInput>();
  const errors = useFormErrors(form, FIELDS);
  const mutation = useMutation({
    mutationFn: (v: SettingsInput) =>
      saveSettings({
        dueSoonDays: v.dueSoonDays,
        dailyDigest: v.dailyDigest,
        email: v.email,
        ...(settings.version !== undefined ? { version: settings.version } : {}),
      }),
    onMutate: errors.reset,
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      void message.success(t('notifications.settings.saved'));
    },
    onError: errors.onError,
  });
  // E-mail needs a server that sends it and an address on the account.
  const noEmail =
    settings.emailAvailable === false
      ? t('notifications.settings.emailOff')
      : settings.emailAddress === null
        ? t('notifications.settings.noAddress')
        : null;
  const emailHelp =
    noEmail ??
    (settings.emailAddress
      ? t('notifications.settings.emailTo', { address: settings.emailAddress })
      : t('notifications.settings.emailHelp'));
  return (
    <Form<SettingsInput>
      form={form}
      layout="vertical"
      initialValues={{ dueSoonDays: settings.dueSoonDays, dailyDigest: settings.dailyDigest, email: settings.email }}
      onFinish={(v) => mutation.mutate(v)}
      className="narrow-form"
      aria-label={t('notifications.settings.title')}
    >
      <FormErrorAlerts
        formError={errors.formError}
        conflict={errors.conflict}
        onReload={() => void queryClient.invalidateQueries({ queryKey: SETTINGS_KEY })}
      />
      <Form.Item
        name="dueSoonDays"
        label={t('notifications.settings.dueSoonDays')}
        extra={t('notifications.settings.dueSoonDaysHelp')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber
          min={0}
          max={30}
          precision={0}
          suffix={t('notifications.settings.days')}
          style={{ width: 140 }}
          inputMode="numeric"
        />
      </Form.Item>
      <Form.Item
        name="dailyDigest"
        label={t('notifications.settings.dailyDigest')}
        extra={t('notifications.settings.dailyDigestHelp')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item name="email" label={t('notifications.settings.email')} extra={emailHelp} valuePropName="checked">
        <Switch disabled={noEmail !== null && !settings.email} />
      </Form.Item>
      <FormActions submitting={mutation.isPending} />
    </Form>
  );
}
