import {
  AimOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  MessageOutlined,
  NotificationOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  ScheduleOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  IdcardOutlined,
  InboxOutlined,
  NumberOutlined,
  ProfileOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Me } from './features/auth/auth.api.ts';
import { BRIEFINGS_PATH } from './features/briefings/briefings.api.ts';
import { PROJECTS_PATH } from './features/clearance/clearance.api.ts';
import { DIALOGUES_PATH } from './features/dialogues/dialogues.api.ts';
import { PETITIONS_PATH } from './features/petitions/petitions.api.ts';
import { LEGAL_DEADLINES_PATH } from './features/legal-deadlines/legalDeadlines.api.ts';
import { MY_REPORTS_PATH, REPORT_DASHBOARD_PATH, REPORT_REVIEW_PATH } from './features/reporting/reporting.paths.ts';
import {
  INDICATORS_PATH,
  REPORT_FORMS_PATH,
  REPORT_RULES_PATH,
  TARGETS_PATH,
} from './features/reporting/setup.paths.ts';
import { MY_WORK_PATH } from './features/my-work/myWork.api.ts';
import { OVERVIEW_PATH } from './features/overview/overview.api.ts';
import { PROGRAMMES_PATH, TASK_PATH } from './features/work/work.paths.ts';

/** A page fetched when first opened (the sign-in page and the shell load none of it), and its fetch for a preload. */
type LazyPage = { element: ReactNode; preload: () => Promise<unknown> };

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loaded: ComponentType | undefined;
  const fetchPage = () =>
    load().then((m) => {
      loaded = m[name];
      return m;
    });
  const Lazy = lazy(() => fetchPage().then((m): { default: ComponentType } => ({ default: m[name] })));
  // Once fetched (ahead, or opened before), the page itself: a lazy one, even fetched, first suspends, and React then
  // keeps the fallback up for 300 ms.
  function Page() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { element: <Page />, preload: fetchPage };
}

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
  /** The page, and a fetch of its code ahead of its first opening. */
  element: ReactNode;
  preload: () => Promise<unknown>;
  visible: (me: Me) => boolean;
  /** Addresses below `path` showing the same page (e.g. ':id' for a person's page). */
  subPaths?: readonly string[];
  /** Routed but not listed in the side menu (a page reached by links, e.g. a task). */
  hidden?: boolean;
};

export const MY_ACCOUNT_PATH = '/tai-khoan-cua-toi';

export const MENU_GROUPS: readonly MenuGroup[] = [
  // Đơn thư, GPMB: petitions, key projects' site clearance and dialogues with residents.
  { key: 'petitions', icon: <NotificationOutlined aria-hidden />, labelKey: 'clearance.navGroup' },
  { key: 'reporting', icon: <BarChartOutlined aria-hidden />, labelKey: 'nav.reporting' },
  { key: 'catalogues', icon: <BookOutlined aria-hidden />, labelKey: 'nav.catalogues' },
  { key: 'admin', icon: <SettingOutlined aria-hidden />, labelKey: 'nav.admin' },
];

export const MENU_ENTRIES: readonly MenuEntry[] = [
  // "/" opens the account's home (landing.ts: the overview for leaders, my work for officers and reporters).
  {
    key: 'overview',
    path: OVERVIEW_PATH,
    icon: <DashboardOutlined aria-hidden />,
    labelKey: 'overview.nav',
    ...page(() => import('./features/overview/OverviewPage.tsx'), 'OverviewPage'),
    visible: () => true,
  },
  {
    key: 'my-work',
    path: MY_WORK_PATH,
    icon: <CheckSquareOutlined aria-hidden />,
    labelKey: 'myWork.nav',
    ...page(() => import('./features/my-work/MyWorkPage.tsx'), 'MyWorkPage'),
    visible: () => true,
    subPaths: ['in'],
  },
  {
    key: 'work-programmes',
    path: PROGRAMMES_PATH,
    icon: <ProjectOutlined aria-hidden />,
    labelKey: 'work.nav.programmes',
    ...page(() => import('./features/work/ProgrammesPage.tsx'), 'ProgrammesRoute'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    key: 'work-task',
    path: TASK_PATH,
    icon: <FileDoneOutlined aria-hidden />,
    labelKey: 'work.nav.task',
    ...page(() => import('./features/work/TaskPage.tsx'), 'TaskRoute'),
    visible: () => true,
    subPaths: [':id'],
    hidden: true,
  },
  {
    key: 'briefings',
    path: BRIEFINGS_PATH,
    icon: <CommentOutlined aria-hidden />,
    labelKey: 'briefings.nav',
    ...page(() => import('./features/briefings/BriefingsPage.tsx'), 'BriefingsPage'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    // The office's petitions: the list, the intake form (tiep-nhan) and each case.
    key: 'petitions-list',
    path: PETITIONS_PATH,
    icon: <InboxOutlined aria-hidden />,
    labelKey: 'petitions.nav',
    group: 'petitions',
    ...page(() => import('./features/petitions/PetitionsPage.tsx'), 'PetitionsPage'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    key: 'clearance-projects',
    path: PROJECTS_PATH,
    icon: <EnvironmentOutlined aria-hidden />,
    labelKey: 'clearance.nav',
    group: 'petitions',
    ...page(() => import('./features/clearance/KeyProjectsPage.tsx'), 'KeyProjectsPage'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    key: 'dialogues',
    path: DIALOGUES_PATH,
    icon: <MessageOutlined aria-hidden />,
    labelKey: 'dialogues.nav',
    group: 'petitions',
    ...page(() => import('./features/dialogues/DialoguesPage.tsx'), 'DialoguesPage'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    key: 'reporting-mine',
    path: MY_REPORTS_PATH,
    icon: <FormOutlined aria-hidden />,
    labelKey: 'reporting.nav.mine',
    group: 'reporting',
    ...page(() => import('./features/reporting/MyReportsPage.tsx'), 'MyReportsRoute'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    key: 'reporting-review',
    path: REPORT_REVIEW_PATH,
    icon: <FileSearchOutlined aria-hidden />,
    labelKey: 'reporting.nav.review',
    group: 'reporting',
    ...page(() => import('./features/reporting/ReviewPage.tsx'), 'ReviewRoute'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    key: 'reporting-dashboard',
    path: REPORT_DASHBOARD_PATH,
    icon: <FundOutlined aria-hidden />,
    labelKey: 'reporting.nav.dashboard',
    group: 'reporting',
    ...page(() => import('./features/reporting/DashboardPage.tsx'), 'DashboardPage'),
    visible: () => true,
  },
  {
    key: 'reporting-indicators',
    path: INDICATORS_PATH,
    icon: <NumberOutlined aria-hidden />,
    labelKey: 'indicators.nav',
    group: 'reporting',
    ...page(() => import('./features/reporting/indicators/IndicatorsPage.tsx'), 'IndicatorsPage'),
    visible: () => true,
  },
  {
    // Everyone reads the targets of their units; those managing reporting set and split them (the server decides).
    key: 'reporting-targets',
    path: TARGETS_PATH,
    icon: <AimOutlined aria-hidden />,
    labelKey: 'reportingTargets.nav',
    group: 'reporting',
    ...page(() => import('./features/reporting/targets/TargetsPage.tsx'), 'TargetsPage'),
    visible: () => true,
  },
  {
    key: 'reporting-forms',
    path: REPORT_FORMS_PATH,
    icon: <ProfileOutlined aria-hidden />,
    labelKey: 'reportForms.nav',
    group: 'reporting',
    ...page(() => import('./features/reporting/forms/ReportFormsPage.tsx'), 'ReportFormsRoute'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    key: 'reporting-rules',
    path: REPORT_RULES_PATH,
    icon: <SafetyCertificateOutlined aria-hidden />,
    labelKey: 'reportingRules.nav',
    group: 'reporting',
    ...page(() => import('./features/reporting/rules/RulesPage.tsx'), 'RulesPage'),
    // Read by every account, like the indicators (the menu knows no permissions); only those who manage reporting
    // are offered the changes (the API's check).
    visible: () => true,
  },
  {
    key: 'my-account',
    path: MY_ACCOUNT_PATH,
    icon: <UserOutlined aria-hidden />,
    labelKey: 'nav.myAccount',
    ...page(() => import('./features/profile/MyAccountPage.tsx'), 'MyAccountPage'),
    visible: () => true,
  },
  {
    key: 'catalogue-units',
    path: '/danh-muc/don-vi',
    icon: <ApartmentOutlined aria-hidden />,
    labelKey: 'nav.units',
    group: 'catalogues',
    ...page(() => import('./features/units/UnitsPage.tsx'), 'UnitsPage'),
    visible: () => true,
  },
  {
    key: 'catalogue-bodies',
    path: '/danh-muc/to-chuc',
    icon: <BankOutlined aria-hidden />,
    labelKey: 'nav.bodies',
    group: 'catalogues',
    ...page(() => import('./features/bodies/BodiesPage.tsx'), 'BodiesPage'),
    visible: () => true,
  },
  {
    key: 'catalogue-people',
    path: '/danh-muc/can-bo',
    icon: <IdcardOutlined aria-hidden />,
    labelKey: 'nav.people',
    group: 'catalogues',
    ...page(() => import('./features/people/PeoplePage.tsx'), 'PeoplePage'),
    visible: () => true,
    subPaths: [':id'],
  },
  {
    // Everyone reads the rules and computes deadlines; administrators add versions and keep the holiday calendar.
    key: 'catalogue-legal-deadlines',
    path: LEGAL_DEADLINES_PATH,
    icon: <ScheduleOutlined aria-hidden />,
    labelKey: 'legalDeadlines.nav',
    group: 'catalogues',
    ...page(() => import('./features/legal-deadlines/LegalDeadlinesPage.tsx'), 'LegalDeadlinesPage'),
    visible: () => true,
  },
  {
    key: 'admin-accounts',
    path: '/quan-tri/tai-khoan',
    icon: <TeamOutlined aria-hidden />,
    labelKey: 'nav.accounts',
    group: 'admin',
    ...page(() => import('./features/accounts/AccountsPage.tsx'), 'AccountsPage'),
    visible: (me) => me.isAdmin,
  },
  {
    key: 'admin-audit',
    path: '/quan-tri/nhat-ky',
    icon: <AuditOutlined aria-hidden />,
    labelKey: 'nav.audit',
    group: 'admin',
    ...page(() => import('./features/audit/AuditPage.tsx'), 'AuditPage'),
    visible: (me) => me.isAdmin,
  },
  {
    key: 'admin-retention',
    path: '/quan-tri/luu-giu-du-lieu',
    icon: <ClockCircleOutlined aria-hidden />,
    labelKey: 'nav.retention',
    group: 'admin',
    ...page(() => import('./features/retention/RetentionPage.tsx'), 'RetentionPage'),
    visible: (me) => me.isAdmin,
  },
];

/** The entries this account may see, in menu order. */
export function visibleEntries(me: Me): MenuEntry[] {
  return MENU_ENTRIES.filter((e) => e.visible(me));
}
