import { ApartmentOutlined, BookOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AccountsPage } from './features/accounts/AccountsPage.tsx';
import type { Me } from './features/auth/auth.api.ts';
import { MyAccountPage } from './features/profile/MyAccountPage.tsx';
import { UnitsPage } from './features/units/UnitsPage.tsx';

/** A group in the side menu (e.g. "Quản trị"); shown only when one of its entries is. */
export type MenuGroup = { key: string; icon: ReactNode; labelKey: string };

/**
 * One module's entry: its place in the side menu, its address and page, and who may see it.
 * A new module adds one entry here; the menu, the routes, the access guard and the "/" redirect follow.
 */
export type MenuEntry = {
  key: string;
  path: string;
  icon: ReactNode;
  labelKey: string;
  group?: string;
  element: ReactNode;
  visible: (me: Me) => boolean;
};

export const MY_ACCOUNT_PATH = '/tai-khoan-cua-toi';

export const MENU_GROUPS: readonly MenuGroup[] = [
  { key: 'catalogues', icon: <BookOutlined aria-hidden />, labelKey: 'nav.catalogues' },
  { key: 'admin', icon: <SettingOutlined aria-hidden />, labelKey: 'nav.admin' },
];

export const MENU_ENTRIES: readonly MenuEntry[] = [
  {
    key: 'my-account',
    path: MY_ACCOUNT_PATH,
    icon: <UserOutlined aria-hidden />,
    labelKey: 'nav.myAccount',
    element: <MyAccountPage />,
    visible: () => true,
  },
  {
    key: 'catalogue-units',
    path: '/danh-muc/don-vi',
    icon: <ApartmentOutlined aria-hidden />,
    labelKey: 'nav.units',
    group: 'catalogues',
    element: <UnitsPage />,
    visible: () => true,
  },
  {
    key: 'admin-accounts',
    path: '/quan-tri/tai-khoan',
    icon: <TeamOutlined aria-hidden />,
    labelKey: 'nav.accounts',
    group: 'admin',
    element: <AccountsPage />,
    visible: (me) => me.isAdmin,
  },
];

/** The entries this account may see, in menu order. */
export function visibleEntries(me: Me): MenuEntry[] {
  return MENU_ENTRIES.filter((e) => e.visible(me));
}
