import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { errorText } from '../../ui/errors.ts';
import { CHANGE_PASSWORD_PATH } from './auth.paths.ts';
import { signInPathFor, useSession } from './session.ts';

/** Guards the signed-in routes: no session → login page; a password to change → the password page. */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, isPending, isError, error, refetch } = useSession();

  if (isPending) return <FullPageSpin />;
  if (isError) {
    return (
      <Result
        status="error"
        title={errorText(error, t)}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!data) return <Navigate to={signInPathFor(location.pathname + location.search)} replace />;
  if (data.account.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
