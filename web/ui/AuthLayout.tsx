import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark.tsx';
import './AuthLayout.css';

type Props = { title: ReactNode; children: ReactNode; extra?: ReactNode; footer?: ReactNode };

/** The centred card used before the app shell: sign-in, first-run setup, a forced password change. Plain HTML and
 * its own styles, no antd: the sign-in page is in the first script, which stays small. */
export function AuthLayout({ title, children, extra, footer }: Props) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-band" aria-hidden="true" />
      <main className="auth-main">
        <div className="auth-brand">
          <BrandMark size={64} />
          <h1 className="auth-product">{t('app.name')}</h1>
          <span className="auth-subtitle">{t('app.subtitle')}</span>
        </div>
        <div className="auth-card">
          <div className="auth-card-head">
            <h2 className="auth-title">{title}</h2>
            {extra}
          </div>
          {children}
        </div>
        {footer ? <div className="auth-footer">{footer}</div> : null}
      </main>
    </div>
  );
}
