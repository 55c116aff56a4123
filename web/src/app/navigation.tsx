import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role, SessionUser } from '../../../contracts/auth.ts';
import { hasRole } from '../features/auth/index.ts';

/** One entry of the sidebar menu. */
export interface NavigationItem {
  /** Vietnamese label shown in the menu. */
  label: string;
  /** Route path the entry opens; also decides which entry is highlighted. */
  path: string;
  icon: ReactNode;
  /** Shown only to users holding this role (any of them, when several); the route guard enforces it too. */
  requiredRole?: Role | Role[];
  /** Heading of the group the entry belongs to (entries of one group are shown together). */
  group?: string;
}

/**
 * The sidebar, in display order. A new feature adds its entry here and its route in `router.tsx`
 * (with the same required role under a `RequireRole` route).
 */
export const navigation: NavigationItem[] = [
  { label: 'Việc cần làm', path: '/', icon: <HomeOutlined /> },
  { label: 'Cơ cấu tổ chức', path: '/to-chuc/don-vi', icon: <ApartmentOutlined />, group: 'Tổ chức' },
  {
    label: 'Cán bộ, công chức',
    path: '/to-chuc/can-bo',
    icon: <TeamOutlined />,
    requiredRole: ['admin', 'tdkt_officer', 'unit_head', 'council_member'],
    group: 'Tổ chức',
  },
  { label: 'Hội đồng TĐKT', path: '/to-chuc/hoi-dong', icon: <UsergroupAddOutlined />, group: 'Tổ chức' },
  { label: 'Khối, cụm thi đua', path: '/to-chuc/khoi-thi-dua', icon: <ClusterOutlined />, group: 'Tổ chức' },
  { label: 'Phong trào thi đua', path: '/phong-trao', icon: <FlagOutlined />, group: 'Phong trào' },
  { label: 'Báo cáo', path: '/bao-cao', icon: <FileTextOutlined />, group: 'Phong trào' },
  { label: 'Thông báo', path: '/thong-bao', icon: <BellOutlined />, group: 'Phong trào' },
  { label: 'Kiểm tra', path: '/kiem-tra', icon: <SafetyCertificateOutlined />, group: 'Phong trào' },
  { label: 'Điển hình tiên tiến', path: '/dien-hinh', icon: <StarOutlined />, group: 'Phong trào' },
  { label: 'Chấm điểm khối, cụm', path: '/khoi-cum', icon: <TrophyOutlined />, group: 'Phong trào' },
  {
    label: 'Đề xuất khen thưởng',
    path: '/khen-thuong/de-xuat',
    icon: <GiftOutlined />,
    requiredRole: ['admin', 'tdkt_officer', 'unit_head', 'council_member'],
    group: 'Khen thưởng',
  },
  {
    label: 'Nhập hồ sơ từ Excel',
    path: '/khen-thuong/nhap-ho-so',
    icon: <ImportOutlined />,
    requiredRole: ['admin', 'tdkt_officer'],
    group: 'Khen thưởng',
  },
  { label: 'Đợt khen thưởng', path: '/khen-thuong/dot', icon: <ScheduleOutlined />, group: 'Khen thưởng' },
  {
    label: 'Phiên họp Hội đồng',
    path: '/khen-thuong/phien-hop',
    icon: <CarryOutOutlined />,
    group: 'Khen thưởng',
  },
  {
    label: 'Công khai lấy ý kiến',
    path: '/khen-thuong/cong-khai',
    icon: <NotificationOutlined />,
    requiredRole: ['admin', 'tdkt_officer', 'unit_head', 'council_member'],
    group: 'Khen thưởng',
  },
  {
    label: 'Quyết định khen thưởng',
    path: '/khen-thuong/quyet-dinh',
    icon: <FileDoneOutlined />,
    group: 'Khen thưởng',
  },
  {
    label: 'Quỹ thi đua, khen thưởng',
    path: '/khen-thuong/quy',
    icon: <AccountBookOutlined />,
    group: 'Khen thưởng',
  },
  {
    label: 'Danh mục khen thưởng',
    path: '/khen-thuong/danh-muc',
    icon: <ReadOutlined />,
    group: 'Khen thưởng',
  },
  {
    label: 'Thống kê',
    path: '/thong-ke',
    icon: <BarChartOutlined />,
    requiredRole: ['admin', 'tdkt_officer', 'unit_head'],
    group: 'Khen thưởng',
  },
  {
    label: 'Biểu đồ, công bằng',
    path: '/bieu-do',
    icon: <BarChartOutlined />,
    requiredRole: ['admin', 'tdkt_officer', 'unit_head'],
    group: 'Khen thưởng',
  },
  {
    label: 'Tài khoản',
    path: '/tai-khoan',
    icon: <IdcardOutlined />,
    requiredRole: ['admin', 'tdkt_officer'],
    group: 'Quản trị',
  },
  {
    label: 'Nhật ký hệ thống',
    path: '/quan-tri/nhat-ky',
    icon: <AuditOutlined />,
    requiredRole: 'admin',
    group: 'Quản trị',
  },
];

/** True when the user may open the entry. */
export function canSee(item: Pick<NavigationItem, 'requiredRole'>, user: SessionUser | null): boolean {
  if (!item.requiredRole) return true;
  const roles = Array.isArray(item.requiredRole) ? item.requiredRole : [item.requiredRole];
  return roles.some((role) => hasRole(user, role));
}

/** The entry to highlight for a location: the longest path that is a prefix of it. */
export function findActiveItem(items: NavigationItem[], pathname: string): NavigationItem | undefined {
  return items
    .filter((item) => pathname === item.path || (item.path !== '/' && pathname.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
