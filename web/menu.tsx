import { ApartmentOutlined, AuditOutlined, BankOutlined, BookOutlined, IdcardOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AccountsPage } from './features/accounts/AccountsPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import type { Me } from './features/auth/auth.api.ts';
import { BodiesPage } from './features/bodies/BodiesPage.tsx';
import { PeoplePage } from './features/people/PeoplePage.tsx';
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
  /** Addresses below `path` showing the same page (e.g. ':id' for a person's page). */
  subPaths?: readonly string[];
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
    key: 'catalogue-bodies',
    path: '/danh-muc/to-chuc',
    icon: <BankOutlined aria-hidden />,
    labelKey: 'nav.bodies',
    group: 'catalogues',
    element: <BodiesPage />,
    visible: () => true,
  },
  {
    key: 'catalogue-people',
    path: '/danh-muc/can-bo',
    icon: <IdcardOutlined aria-hidden />,
    labelKey: 'nav.people',
    group: 'catalogues',
    element: <PeoplePage />,
    visible: () => true,
    subPaths: [':id'],
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
  {
    key: 'admin-audit',
    path: '/quan-tri/nhat-ky',
    icon: <AuditOutlined aria-hidden />,
    labelKey: 'nav.audit',
    group: 'admin',
    element: <AuditPage />,
    visible: (me) => me.isAdmin,
  },
];

/** The entries this account may see, in menu order. */
export function visibleEntries(me: Me): MenuEntry[] {
  return MENU_ENTRIES.filter((e) => e.visible(me));
}
