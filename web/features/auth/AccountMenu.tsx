import { CheckOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { currentLocale, LOCALES, type Locale } from '../../lib/i18n.ts';
import { nameInitial } from '../../lib/name-initial.ts';
import { CHANGE_PASSWORD_PATH } from './auth.paths.ts';
import { useMe } from './session.ts';
import { useChangeLocale } from './useChangeLocale.ts';
import { useSignOut } from './useSignOut.ts';

type Props = { profilePath: string };

/** The header's account menu: my account, change password, language, sign out. */
export function AccountMenu({ profilePath }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const changeLocale = useChangeLocale();
  const signOut = useSignOut();
  const locale = currentLocale();

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined aria-hidden />, label: t('nav.myAccount') },
    { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('auth.password.title') },
    { type: 'divider' },
    {
      type: 'group',
      key: 'language',
      label: t('language.label'),
      children: LOCALES.map((l) => ({
        key: `locale:${l}`,
        icon: l === locale ? <CheckOutlined aria-hidden /> : <span className="menu-icon-spacer" aria-hidden />,
        label: <span lang={l}>{t(`language.${l}`)}</span>,
      })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('auth.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') void navigate(profilePath);
    else if (key === 'password') void navigate(CHANGE_PASSWORD_PATH);
    else if (key === 'logout') void signOut();
    else if (key.startsWith('locale:')) void changeLocale(key.slice('locale:'.length) as Locale);
  };

  return (
    <Dropdown
      menu={{ items, onClick, selectable: true, selectedKeys: [`locale:${locale}`] }}
      trigger={['click']}
      placement="bottomRight"
    >
      <Button
        type="text"
        className="account-trigger"
        aria-label={`${me.displayName} — ${t('shell.accountMenu')}`}
        data-testid="account-menu"
      >
        {/* The initial is drawn by CSS (global.css): as text it would be part of the button's visible label, which
            its accessible name must contain. */}
        <Avatar size={30} className="account-avatar" aria-hidden data-initial={nameInitial(me.displayName)} />
        <span className="account-name">{me.displayName}</span>
        <DownOutlined aria-hidden className="account-caret" />
      </Button>
    </Dropdown>
  );
}
