import { Alert, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../ui/AuthLayout.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { useSignOut } from './useSignOut.ts';

/** The password page inside the app (from the account menu). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('auth.password.title')} />
      <Card>
        <ChangePasswordForm />
      </Card>
    </>
  );
}

/** The password page a person must pass before anything else (new account, or after an admin reset). */
export function ForcedChangePasswordPage() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <AuthLayout
      title={t('auth.password.title')}
      footer={
        <Button type="link" onClick={() => void signOut()}>
          {t('auth.logout')}
        </Button>
      }
    >
      <Alert className="form-alert" type="warning" showIcon title={t('auth.password.required')} />
      <ChangePasswordForm />
    </AuthLayout>
  );
}
