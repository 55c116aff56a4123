import { TrophyOutlined } from '@ant-design/icons';
import { Drawer, Layout } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Breadcrumbs, useCrumbs } from '../../components/index.ts';
import { useSession } from '../../features/auth/index.ts';
import { AppHeader } from './app-header.tsx';
import styles from './layout.module.css';
import { SideMenu } from './side-menu.tsx';
import { useIsMobile } from './use-is-mobile.ts';
import { UserSummary } from './user-summary.tsx';

const COLLAPSED_KEY = 'tdkt.sider-collapsed';

function Brand({ isCollapsed }: { isCollapsed: boolean }) {
  return (
    <div className={styles.brand}>
      <span className={styles.brandEmblem} aria-hidden="true">
        <TrophyOutlined />
      </span>
      {!isCollapsed && (
        <span className={styles.brandText}>
          <strong>TĐKT</strong>
          <small>Thi đua, Khen thưởng</small>
        </span>
      )}
    </div>
  );
}

/** Keeps the browser tab's title in step with the page (last breadcrumb). */
function useDocumentTitle() {
  const crumbs = useCrumbs();
  const page = crumbs.at(-1)?.label;
  useEffect(() => {
    document.title = page ? `${page} – TĐKT` : 'TĐKT – Thi đua, Khen thưởng';
  }, [page]);
}

/** The signed-in frame: sidebar (a drawer on phones), header, breadcrumbs and the page. */
export function AppLayout() {
  const isMobile = useIsMobile();
  const { user } = useSession();
  const { pathname } = useLocation();
  const [isCollapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  useDocumentTitle();

  useEffect(() => {
    localStorage.setItem(COLLAPSED_KEY, isCollapsed ? '1' : '0');
  }, [isCollapsed]);

  // A new page closes the drawer, also when reached by the back button.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page.
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <Layout className={styles.shell}>
      {!isMobile && (
        <Layout.Sider
          width={248}
          collapsedWidth={72}
          collapsible
          collapsed={isCollapsed}
          onCollapse={setCollapsed}
          trigger={null}
          className={styles.sider}
        >
          <Brand isCollapsed={isCollapsed} />
          <nav aria-label="Menu chính">
            <SideMenu isCollapsed={isCollapsed} />
          </nav>
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          size={280}
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          title={<Brand isCollapsed={false} />}
          styles={{
            body: { padding: 0, background: '#0b2e59' },
            header: { padding: 0, borderBottom: 'none' },
          }}
        >
          {user && (
            <div className={styles.drawerUser}>
              <UserSummary user={user} />
            </div>
          )}
          <nav aria-label="Menu chính">
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </nav>
        </Drawer>
      )}
      <Layout>
        <AppHeader
          isMobile={isMobile}
          isCollapsed={isCollapsed}
          onMenuClick={() => (isMobile ? setDrawerOpen(true) : setCollapsed((value) => !value))}
        />
        <Layout.Content className={styles.content}>
          <Breadcrumbs />
          <div className={styles.page}>
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
