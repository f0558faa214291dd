import {
  ClockCircleOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  IdcardOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AccountsPage } from './features/accounts/AccountsPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { RetentionPage } from './features/retention/RetentionPage.tsx';
import type { Me } from './features/auth/auth.api.ts';
import { BodiesPage } from './features/bodies/BodiesPage.tsx';
import { BRIEFINGS_PATH } from './features/briefings/briefings.api.ts';
import { BriefingsPage } from './features/briefings/BriefingsPage.tsx';
import { MY_WORK_PATH } from './features/my-work/myWork.api.ts';
import { MyWorkPage } from './features/my-work/MyWorkPage.tsx';
import { OVERVIEW_PATH } from './features/overview/overview.api.ts';
import { OverviewPage } from './features/overview/OverviewPage.tsx';
import { PeoplePage } from './features/people/PeoplePage.tsx';
import { MyAccountPage } from './features/profile/MyAccountPage.tsx';
import { UnitsPage } from './features/units/UnitsPage.tsx';
import { ProgrammesRoute } from './features/work/ProgrammesPage.tsx';
import { TaskRoute } from './features/work/TaskPage.tsx';
import { PROGRAMMES_PATH, TASK_PATH } from './features/work/work.paths.ts';

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
  /** Routed but not listed in the side menu (a page reached by links, e.g. a task). */
  hidden?: boolean;
};

export const MY_ACCOUNT_PATH = '/tai-khoan-cua-toi';

export const MENU_GROUPS: readonly MenuGroup[] = [
  { key: 'catalogues', icon: <BookOutlined aria-hidden />, labelKey: 'nav.catalogues' },
  { key: 'admin', icon: <SettingOutlined aria-hidden />, labelKey: 'nav.admin' },
];

export const MENU_ENTRIES: readonly MenuEntry[] = [
  // First: "/" opens the first visible entry, and the overview is the page a leader opens first.
  {
    key: 'overview',
    path: OVERVIEW_PATH,
    icon: <DashboardOutlined aria-hidden />,
    labelKey: 'overview.nav',
    element: <OverviewPage />,
    visible: () => true,
  },
  {
    key: 'my-work',
    path: MY_WORK_PATH,
    icon: <CheckSquareOutlined aria-hidden />,
    labelKey: 'myWork.nav',
    element: <MyWorkPage />,
    visible: () => true,
    subPaths: ['in'],
  },
  {
    key: 'work-programmes',
    path: PROGRAMMES_PATH,
    icon: <ProjectOutlined aria-hidden />,
    labelKey: 'work.nav.programmes',
    element: <ProgrammesRoute />,
    visible: () => true,
    subPaths: [':id'],
  },
  {
    key: 'work-task',
    path: TASK_PATH,
    icon: <FileDoneOutlined aria-hidden />,
    labelKey: 'work.nav.task',
    element: <TaskRoute />,
    visible: () => true,
    subPaths: [':id'],
    hidden: true,
  },
  {
    key: 'briefings',
    path: BRIEFINGS_PATH,
    icon: <CommentOutlined aria-hidden />,
    labelKey: 'briefings.nav',
    element: <BriefingsPage />,
    visible: () => true,
    subPaths: [':id'],
  },
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
  {
    key: 'admin-retention',
    path: '/quan-tri/luu-giu-du-lieu',
    icon: <ClockCircleOutlined aria-hidden />,
    labelKey: 'nav.retention',
    group: 'admin',
    element: <RetentionPage />,
    visible: (me) => me.isAdmin,
  },
];

/** The entries this account may see, in menu order. */
export function visibleEntries(me: Me): MenuEntry[] {
  return MENU_ENTRIES.filter((e) => e.visible(me));
}
