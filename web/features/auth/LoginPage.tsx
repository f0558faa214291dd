import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { currentLocale, setLocale } from '../../lib/i18n.ts';
import { AuthLayout } from '../../ui/AuthLayout.tsx';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { PlainLanguageSwitch } from '../../ui/PlainLanguageSwitch.tsx';
import { errorText } from '../../ui/errors.ts';
import { fetchSetupStatus, login } from './auth.api.ts';
import { SUBMIT_PATH, TRACK_PATH } from '../petitions-public/publicPetitions.api.ts';
import { SETUP_PATH, safeNext } from './auth.paths.ts';
import { ErrorAlert, LoginField, PasswordInput, SubmitButton, TextInput } from './LoginControls.tsx';
import { firstSignInElement, readFirstSignIn, type FirstSignIn } from './firstSignIn.ts';
import { adoptSession, useSession } from './session.ts';
import { useCountdown } from './useCountdown.ts';
import './LoginPage.css';

type Values = { login: string; password: string };

/** The form index.html drew before the scripts, if it is there: what the person did with it. */
function readFirst(): FirstSignIn | null {
  const page = firstSignInElement();
  return page ? readFirstSignIn(page) : null;
}
type Field = keyof Values;

export const SETUP_STATUS_KEY = ['setup-status'] as const;

/** The fields left empty (the login also when only spaces). */
function missing(values: Values): Record<Field, boolean> {
  return { login: values.login.trim() === '', password: values.password === '' };
}

/**
 * Sign-in by username, phone or e-mail. Sends a fresh installation to the first-run setup. `onShown` runs once the
 * form is there (and its result, a clean-up, when it goes).
 * Plain React, no antd: this page is in the first script, and a phone on a slow connection shows it before the rest
 * of the app has arrived. A field's problem shows once it has been edited or the form sent, as antd's Form does.
 * When index.html drew the form before the scripts (web/first-sign-in.js), this one takes its place at once, without
 * waiting for the session's answer, with what the person typed, the focus and caret where they were, and sends it if
 * the person already did (once the answers are in, as a form shown by this page is sent).
 */
export function LoginPage({ onShown }: { onShown?: () => (() => void) | void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [first] = useState(readFirst);
  const [values, setValues] = useState<Values>(() => ({
    login: first?.login ?? (location.state as { login?: string } | null)?.login ?? '',
    password: first?.password ?? '',
  }));
  const [focus, setFocus] = useState<FirstSignIn['focus']>(null);
  // Sent before the session and setup answers were in (the drawn form, or this one taking its place): sent once they
  // are, as a form shown only then would be.
  const [sendWhenShown, setSendWhenShown] = useState(false);
  const [checked, setChecked] = useState<Record<Field, boolean>>({ login: false, password: false });
  const [initialLogin] = useState(values.login);
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
      setValues((v) => ({ ...v, password: '' }));
      setChecked((c) => ({ ...c, password: false }));
    },
  });

  const send = (sent: Values) => {
    setChecked({ login: true, password: true });
    const empty = missing(sent);
    if (empty.login || empty.password) return;
    mutation.mutate({ login: sent.login.trim(), password: sent.password });
  };

  // The drawn form goes in the same task as this one appears (nothing typed in between is lost); what the person did
  // with it since this component's first render is read again.
  useLayoutEffect(() => {
    const page = firstSignInElement();
    if (!page) return;
    const latest = readFirstSignIn(page);
    page.remove();
    const typed = { login: latest.login, password: latest.password };
    setValues(typed);
    setFocus(latest.focus);
    if (latest.locale !== currentLocale()) void setLocale(latest.locale);
    setSendWhenShown(latest.sent);
    // Once, on taking over.
  }, []);
  useLayoutEffect(() => {
    if (!focus) return;
    const control = document.querySelector<HTMLElement>(focus.selector);
    control?.focus();
    if (control instanceof HTMLInputElement && focus.start !== null && focus.end !== null)
      control.setSelectionRange(focus.start, focus.end);
  }, [focus]);

  const shown = !session.data && !setup.data?.needsSetup && !setup.isPending && !session.isPending;
  useEffect(() => (shown ? onShown?.() : undefined), [shown, onShown]);
  useEffect(() => {
    if (!shown || !sendWhenShown) return;
    setSendWhenShown(false);
    send(values);
  });

  if (session.data) return <Navigate to={next} replace />;
  if (setup.data?.needsSetup) return <Navigate to={SETUP_PATH} replace />;
  if ((setup.isPending || session.isPending) && !first) return <FullPageSpin />;

  const empty = missing(values);
  const problem = (field: Field) => (checked[field] && empty[field] ? t('validation.required') : null);
  const edit = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setChecked((c) => ({ ...c, [field]: true }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    // The form drawn before the session's answer: sent once it is in (and the app is being fetched ahead).
    if (shown) send(values);
    else setSendWhenShown(true);
  };

  return (
    <AuthLayout
      title={t('auth.login.title')}
      extra={<PlainLanguageSwitch value={currentLocale()} onChange={(l) => void setLocale(l)} />}
      footer={
        // The citizens' pages, open without an account (index.html draws the same links).
        <nav className="auth-public-links" aria-label={t('publicPetitions.links.label')}>
          <Link to={SUBMIT_PATH}>{t('publicPetitions.links.submit')}</Link>
          <Link to={TRACK_PATH}>{t('publicPetitions.links.track')}</Link>
        </nav>
      }
    >
      <form noValidate onSubmit={submit} aria-label={t('auth.login.title')}>
        {mutation.isError ? (
          <ErrorAlert
            title={errorText(mutation.error, t)}
            description={secondsLeft > 0 ? t('auth.login.retryIn', { count: secondsLeft }) : undefined}
          />
        ) : null}
        <LoginField id="login" label={t('auth.login.login')} error={problem('login')}>
          <TextInput
            id="login"
            value={values.login}
            invalid={problem('login') !== null}
            onChange={edit('login')}
            autoComplete="username"
            autoFocus={!first && !initialLogin}
            autoCapitalize="none"
            spellCheck={false}
          />
        </LoginField>
        <LoginField id="password" label={t('auth.login.password')} error={problem('password')}>
          <PasswordInput
            id="password"
            value={values.password}
            invalid={problem('password') !== null}
            onChange={edit('password')}
            autoComplete="current-password"
            autoFocus={!first && Boolean(initialLogin)}
            initiallyShown={first?.passwordShown}
          />
        </LoginField>
        <SubmitButton loading={mutation.isPending} disabled={secondsLeft > 0}>
          {t('auth.login.submit')}
        </SubmitButton>
      </form>
    </AuthLayout>
  );
}
