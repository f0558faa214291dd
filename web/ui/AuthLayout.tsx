import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark.tsx';

type Props = { title: ReactNode; children: ReactNode; extra?: ReactNode; footer?: ReactNode };

/** The centred card used before the app shell: sign-in, first-run setup, a forced password change. */
export function AuthLayout({ title, children, extra, footer }: Props) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-band" aria-hidden="true" />
      <main className="auth-main">
        <Flex vertical align="center" gap={8} className="auth-brand">
          <BrandMark size={64} />
          <Typography.Title level={1} className="auth-product">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text className="auth-subtitle">{t('app.subtitle')}</Typography.Text>
        </Flex>
        <Card className="auth-card">
          <Flex justify="space-between" align="center" gap={8} wrap className="auth-card-head">
            <Typography.Title level={2} className="auth-title">
              {title}
            </Typography.Title>
            {extra}
          </Flex>
          {children}
        </Card>
        {footer ? <div className="auth-footer">{footer}</div> : null}
      </main>
    </div>
  );
}
