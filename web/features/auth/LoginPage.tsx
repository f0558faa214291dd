import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { AuthLayout } from '../../ui/AuthLayout.tsx';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { errorText } from '../../ui/errors.ts';
import { fetchSetupStatus, login } from './auth.api.ts';
import { SETUP_PATH, safeNext } from './auth.paths.ts';
import { adoptSession, useSession } from './session.ts';
import { useChangeLocale } from './useChangeLocale.ts';
import { useCountdown } from './useCountdown.ts';

type Values = { login: string; password: string };

export const SETUP_STATUS_KEY = ['setup-status'] as const;

/** Sign-in by username, phone or e-mail. Sends a fresh installation to the first-run setup. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const changeLocale = useChangeLocale();
  const [form] = Form.useForm<Values>();
  const [wait, setWait] = useState({ seconds: 0, at: 0 });
  const secondsLeft = useCountdown(wait.seconds, wait.at);
  const next = safeNext(params.get('next'));

  const session = useSession();
  const setup = useQuery({ queryKey: SETUP_STATUS_KEY, queryFn: fetchSetupStatus, staleTime: 0 });

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (result) => {
      await adoptSession(queryClient, result);
      void navigate(next, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.retryAfterSeconds) setWait({ seconds: error.retryAfterSeconds, at: Date.now() });
      form.setFieldValue('password', '');
    },
  });

  if (session.data) return <Navigate to={next} replace />;
  if (setup.data?.needsSetup) return <Navigate to={SETUP_PATH} replace />;
  if (setup.isPending || session.isPending) return <FullPageSpin />;

  const initialLogin = (location.state as { login?: string } | null)?.login ?? '';

  return (
    <AuthLayout
      title={t('auth.login.title')}
      extra={<LanguageSwitch value={currentLocale()} onChange={(l) => void changeLocale(l)} />}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ login: initialLogin, password: '' }}
        onFinish={(values) => mutation.mutate({ login: values.login.trim(), password: values.password })}
        aria-label={t('auth.login.title')}
      >
        {mutation.isError ? (
          <Alert
            className="form-alert"
            type="error"
            showIcon
            title={errorText(mutation.error, t)}
            description={secondsLeft > 0 ? t('auth.login.retryIn', { count: secondsLeft }) : undefined}
          />
        ) : null}
        <Form.Item
          name="login"
          label={t('auth.login.login')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input autoComplete="username" autoFocus={!initialLogin} autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.login.password')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus={Boolean(initialLogin)} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={mutation.isPending}
          disabled={secondsLeft > 0}
        >
          {t('auth.login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
