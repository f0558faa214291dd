import { Card, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { NotificationSettingsCard } from '../notifications/NotificationSettingsCard.tsx';
import { ApiTokensSection } from './ApiTokensSection.tsx';

/** "Tài khoản của tôi": who I am here, my notification settings, and my API tokens. */
export function MyAccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <>
      <PageHeader title={t('nav.myAccount')} />
      <Flex vertical gap={16}>
        <Card title={<h2 className="card-title">{t('profile.details')}</h2>}>
          <Descriptions
            column={{ xs: 1, sm: 1, md: 2 }}
            bordered
            size="middle"
            items={[
              { key: 'displayName', label: t('fields.displayName'), children: me.displayName },
              { key: 'username', label: t('fields.username'), children: me.username },
              { key: 'email', label: t('fields.email'), children: me.email ?? none },
              { key: 'phone', label: t('fields.phone'), children: me.phone ?? none },
              { key: 'locale', label: t('language.label'), children: t(`language.${me.locale}`) },
              {
                key: 'role',
                label: t('profile.role'),
                children: me.isAdmin ? <Tag color="red">{t('accounts.admin')}</Tag> : t('profile.member'),
              },
            ]}
          />
        </Card>
        <NotificationSettingsCard />
        <ApiTokensSection />
      </Flex>
    </>
  );
}
