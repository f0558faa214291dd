import type { MenuProps } from 'antd';
import { Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { AccountMenu } from './features/auth/AccountMenu.tsx';
import { useMe } from './features/auth/session.ts';
import { NotificationBell } from './features/notifications/NotificationBell.tsx';
import { rememberPage } from './landing.ts';
import { MENU_GROUPS, MY_ACCOUNT_PATH, visibleEntries, type MenuEntry } from './menu.tsx';
import { AppShell } from './ui/AppShell.tsx';
import { FullPageSpin } from './ui/FullPageSpin.tsx';

function buildItems(all: MenuEntry[], t: (key: string) => string): NonNullable<MenuProps['items']> {
  const entries = all.filter((e) => !e.hidden);
  const item = (e: MenuEntry) => ({ key: e.key, icon: e.icon, label: <Link to={e.path}>{t(e.labelKey)}</Link> });
  const items: NonNullable<MenuProps['items']> = [];
  const placedGroups = new Set<string>();
  for (const entry of entries) {
    if (!entry.group) {
      items.push(item(entry));
      continue;
    }
    if (placedGroups.has(entry.group)) continue;
    placedGroups.add(entry.group);
    const group = MENU_GROUPS.find((g) => g.key === entry.group);
    const children = entries.filter((e) => e.group === entry.group).map(item);
    items.push({ key: `group:${entry.group}`, icon: group?.icon, label: t(group?.labelKey ?? entry.group), children });
  }
  return items;
}

/** The app shell around every signed-in page, with the menu built from the entries this account may see. */
export function SignedInLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const entries = visibleEntries(me);
  const matching = entries.filter((e) => location.pathname === e.path || location.pathname.startsWith(e.path + '/'));
  // The closest entry only: /bao-cao/duyet is "Duyệt báo cáo", not also "Báo cáo của tôi" (/bao-cao).
  const longest = Math.max(0, ...matching.map((e) => e.path.length));
  const selected = matching.filter((e) => e.path.length === longest);
  const openGroups = [...new Set(entries.flatMap((e) => (e.group ? [`group:${e.group}`] : [])))];
  // An administrator's next sign-in returns here.
  useEffect(() => rememberPage(me, location.pathname, location.search), [me, location.pathname, location.search]);

  return (
    <AppShell
      menuItems={buildItems(entries, t)}
      selectedKeys={selected.map((e) => e.key)}
      defaultOpenKeys={openGroups}
      headerRight={
        <>
          <NotificationBell settingsPath={MY_ACCOUNT_PATH} />
          <AccountMenu profilePath={MY_ACCOUNT_PATH} />
        </>
      }
    >
      {/* A page opened for the first time is fetched inside the shell, which stays in place meanwhile. One boundary
          per menu entry: the router changes pages in a transition, in which React would keep showing the page left
          (or the empty "/" that redirects) rather than a boundary's spinner; a new boundary shows its spinner. */}
      <Suspense key={selected[0]?.key ?? location.pathname} fallback={<FullPageSpin />}>
        {children ?? <Outlet />}
      </Suspense>
    </AppShell>
  );
}
