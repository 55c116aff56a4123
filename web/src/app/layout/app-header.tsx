import {
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout, useSession } from '../../features/auth/index.ts';
import { NotificationBell } from '../../features/notifications/index.ts';
import styles from './layout.module.css';
import { UserSummary } from './user-summary.tsx';

interface AppHeaderProps {
  isMobile: boolean;
  isCollapsed: boolean;
  onMenuClick: () => void;
}

/**
 * Top bar: the menu button, the signed-in user (name, role, unit) opening the account menu
 * ("Đổi mật khẩu", "Đăng xuất"), and the logout button.
 */
export function AppHeader({ isMobile, isCollapsed, onMenuClick }: AppHeaderProps) {
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const accountMenu = {
    items: [
      { key: 'password', icon: <KeyOutlined aria-hidden />, label: 'Đổi mật khẩu' },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: 'Đăng xuất' },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') navigate('/doi-mat-khau');
      if (key === 'logout') logout.mutate();
    },
  };
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
      {user && (
        <Dropdown menu={accountMenu} trigger={['click']} placement="bottomRight">
          <button
            type="button"
            className={styles.userButton}
            aria-label="Tài khoản của tôi"
            data-testid="account-menu"
          >
            <UserSummary user={user} compact={isMobile} />
          </button>
        </Dropdown>
      )}
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
