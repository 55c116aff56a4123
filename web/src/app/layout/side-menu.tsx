import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../features/auth/index.ts';
import { canSee, findActiveItem, type NavigationItem, navigation } from '../navigation.tsx';

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItem(item: NavigationItem): MenuItem {
  return { key: item.path, icon: item.icon, label: <Link to={item.path}>{item.label}</Link> };
}

/**
 * Menu items the user may see, grouped under their headings in the order of `navigation`; a collapsed
 * sidebar has no room for headings, so groups are separated by a line instead.
 */
function buildItems(items: NavigationItem[], isCollapsed: boolean): MenuItem[] {
  const result: MenuItem[] = [];
  const groups = new Map<string, MenuItem[]>();
  for (const item of items) {
    if (!item.group) {
      result.push(toMenuItem(item));
      continue;
    }
    let children = groups.get(item.group);
    if (!children) {
      children = [];
      groups.set(item.group, children);
      if (isCollapsed) result.push({ type: 'divider', key: `group:${item.group}` });
      result.push({
        type: 'group',
        key: `group:${item.group}:items`,
        label: isCollapsed ? null : item.group,
        children,
      });
    }
    children.push(toMenuItem(item));
  }
  return result;
}

/** The feature menu, used in the sidebar on desktop and in the drawer on a phone. */
export function SideMenu({
  isCollapsed = false,
  onNavigate,
}: {
  isCollapsed?: boolean;
  onNavigate?: () => void;
}) {
  const { user } = useSession();
  const { pathname } = useLocation();
  const visible = navigation.filter((item) => canSee(item, user));
  const active = findActiveItem(visible, pathname);

  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={active ? [active.path] : []}
      items={buildItems(visible, isCollapsed)}
      onClick={onNavigate}
    />
  );
}
