import { LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Tooltip } from 'antd';
import { useLogout, useSession } from '../../features/auth/index.ts';
import { NotificationBell } from '../../features/notifications/index.ts';
import styles from './layout.module.css';
import { UserSummary } from './user-summary.tsx';

interface AppHeaderProps {
  isMobile: boolean;
  isCollapsed: boolean;
  onMenuClick: () => void;
}

/** Top bar: the menu button, the signed-in user (name, role, unit) and the logout button. */
export function AppHeader({ isMobile, isCollapsed, onMenuClick }: AppHeaderProps) {
  const { user } = useSession();
  const logout = useLogout();
  const menuLabel = isMobile ? 'Mở menu' : isCollapsed ? 'Mở rộng menu' : 'Thu gọn menu';
  const menuIcon = isMobile ? <MenuOutlined /> : isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />;

  return (
    <Layout.Header className={styles.header}>
      <Tooltip title={isMobile ? null : menuLabel}>
        <Button
          type="text"
          size="large"
          icon={menuIcon}
          onClick={onMenuClick}
          aria-label={menuLabel}
          data-testid="menu-button"
        />
      </Tooltip>
      {isMobile && <span className={styles.headerBrand}>TĐKT</span>}
      <div className={styles.headerSpacer} />
      {user && <NotificationBell />}
      {user && <UserSummary user={user} compact={isMobile} />}
      <Tooltip title={isMobile ? 'Đăng xuất' : null}>
        <Button
          icon={<LogoutOutlined aria-hidden />}
          size={isMobile ? 'large' : 'middle'}
          type={isMobile ? 'text' : 'default'}
          onClick={() => logout.mutate()}
          loading={logout.isPending}
          aria-label="Đăng xuất"
        >
          {isMobile ? null : 'Đăng xuất'}
        </Button>
      </Tooltip>
    </Layout.Header>
  );
}
