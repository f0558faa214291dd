import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BrandMark } from './BrandMark.tsx';

type Props = {
  menuItems: MenuProps['items'];
  selectedKeys: string[];
  defaultOpenKeys?: string[];
  /** Right side of the header: the account menu. */
  headerRight: ReactNode;
  children: ReactNode;
};

/** False until the page has been drawn (the browser's first idle moment after the shell's first render), then true in
 * a transition, which the page's own updates (its data arriving) still go ahead of: the page shows first, the side
 * menu and the header's right side right after. */
function useAfterPage(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const show = () => startTransition(() => setAfter(true));
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(show, 200);
      return () => window.clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(show, { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, []);
  return after;
}

/**
 * The signed-in frame: a header with the product name, a side menu (a drawer below the lg breakpoint,
 * so phones keep the whole width) and the page.
 */
export function AppShell({ menuItems, selectedKeys, defaultOpenKeys, headerRight, children }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const afterPage = useAfterPage();

  const menu = (
    <nav aria-label={t('shell.mainMenu')}>
      {afterPage ? (
        <Menu
          mode="inline"
          items={menuItems}
          selectedKeys={selectedKeys}
          defaultOpenKeys={defaultOpenKeys}
          onClick={() => setDrawerOpen(false)}
          className="shell-menu"
        />
      ) : null}
    </nav>
  );

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        {wide ? null : (
          <Button
            type="text"
            className="shell-menu-button"
            icon={<MenuOutlined aria-hidden />}
            aria-label={t('shell.openMenu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        {/* The subtitle stays outside the link, whose name ("Khối — home") must contain all of its visible text. */}
        <div className="shell-brand">
          <Link to="/" className="shell-brand-link" aria-label={t('shell.home')}>
            <BrandMark size={32} />
            <span className="shell-brand-name">{t('app.name')}</span>
          </Link>
          {screens.md ? <span className="shell-brand-subtitle">{t('app.subtitle')}</span> : null}
        </div>
        <div className="shell-header-right">{afterPage ? headerRight : null}</div>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider width={240} className="shell-sider" theme="light">
            {menu}
          </Layout.Sider>
        ) : afterPage || drawerOpen ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={280}
            title={t('app.name')}
            className="shell-drawer"
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : null}
        <Layout.Content id="main-content" className="shell-content" tabIndex={-1}>
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
