import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { currentLocale } from '../../lib/i18n.ts';
import { AuthLayout } from '../../ui/AuthLayout.tsx';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { showFormError } from '../../ui/errors.ts';
import { fetchSetupStatus, runSetup, type SetupInput } from './auth.api.ts';
import { LOGIN_PATH } from './auth.paths.ts';
import { SETUP_STATUS_KEY } from './LoginPage.tsx';
import { useChangeLocale } from './useChangeLocale.ts';

type Values = {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  confirm: string;
  setupToken?: string;
};

const FIELDS = ['username', 'displayName', 'email', 'password', 'setupToken'] as const;

/** First run: creates the first administrator, then goes to the login page. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const changeLocale = useChangeLocale();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const status = useQuery({ queryKey: SETUP_STATUS_KEY, queryFn: fetchSetupStatus, staleTime: 0 });

  const mutation = useMutation({
    mutationFn: runSetup,
    onMutate: () => setFormError(null),
    onSuccess: (_result, input) => {
      void message.success(t('auth.setup.done'));
      queryClient.setQueryData(SETUP_STATUS_KEY, { needsSetup: false });
      void navigate(LOGIN_PATH, { replace: true, state: { login: input.username } });
    },
    onError: (error) => setFormError(showFormError(form, error, FIELDS, t)),
  });

  if (status.isPending) return <FullPageSpin />;
  if (status.data && !status.data.needsSetup) return <Navigate to={LOGIN_PATH} replace />;

  const submit = (values: Values) => {
    const input: SetupInput = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
    };
    if (values.email?.trim()) input.email = values.email.trim();
    if (values.setupToken?.trim()) input.setupToken = values.setupToken.trim();
    mutation.mutate(input);
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <AuthLayout
      title={t('auth.setup.title')}
      extra={<LanguageSwitch value={currentLocale()} onChange={(l) => void changeLocale(l)} />}
    >
      <Alert className="form-alert" type="info" showIcon title={t('auth.setup.intro')} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} aria-label={t('auth.setup.title')}>
        {formError ? <Alert className="form-alert" type="error" showIcon title={formError} /> : null}
        <Form.Item name="username" label={t('fields.username')} extra={t('fields.usernameHelp')} rules={[required]}>
          <Input autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} rules={[required]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          extra={t('fields.passwordHelp')}
          rules={[required, { min: 8, message: t('validation.passwordMin') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('fields.confirmPassword')}
          dependencies={['password']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="setupToken" label={t('auth.setup.token')} extra={t('auth.setup.tokenHelp')}>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
          {t('auth.setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
