import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Role } from '../../../contracts/auth.ts';
import { NotFoundResult, type RouteHandle } from '../components/index.ts';
import { ChangePasswordPage, LoginPage } from '../features/auth/index.ts';
import { HomePage } from '../features/home/index.ts';
// The bell in the header already loads the notifications feature, so its page needs no lazy chunk.
import { NotificationListPage } from '../features/notifications/index.ts';
import { FullScreenSpin, RequireAuth, RequireRole } from './guards.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { RouteError } from './route-error.tsx';

const crumb = (label: string, isLinked = true): RouteHandle => ({ crumb: label, isLinked });

/** Loads one page of the organisation feature (units, people, councils, blocs, imports) on demand. */
const organisationPage = (name: keyof typeof import('../features/organisation/index.ts')) => async () => ({
  Component: (await import('../features/organisation/index.ts'))[name],
});
/** Loads one page of the movements feature (list, import, review, movement) on demand. */
const movementPage = (name: keyof typeof import('../features/movements/index.ts')) => async () => ({
  Component: (await import('../features/movements/index.ts'))[name],
});
/** Loads one page of the awards feature (catalogue, candidates, records import) on demand. */
const awardsPage = (name: 'CataloguePage' | 'CandidatesPage' | 'RecordsImportPage') => async () => ({
  Component: (await import('../features/awards/index.ts'))[name],
});
/** Loads one page of the nominations feature (rounds, tờ trình) on demand. */
const nominationsPage =
  (name: 'RoundsPage' | 'RoundPage' | 'NominationPage' | 'AppraisalPage') => async () => ({
    Component: (await import('../features/nominations/index.ts'))[name],
  });
/** Loads one page of the council sessions feature (sessions, ballot) on demand. */
const sessionsPage = (name: keyof typeof import('../features/council-sessions/index.ts')) => async () => ({
  Component: (await import('../features/council-sessions/index.ts'))[name],
});
/** Loads one page of the public notice feature (notices, one notice) on demand. */
const noticePage = (name: 'NoticeListPage' | 'NoticePage') => async () => ({
  Component: (await import('../features/public-notice/index.ts'))[name],
});
/** Loads one page of the decisions feature (decisions, fund) on demand. */
const decisionsPage = (name: keyof typeof import('../features/decisions/index.ts')) => async () => ({
  Component: (await import('../features/decisions/index.ts'))[name],
});
/** Loads one page of the exemplars feature (list, one exemplar) on demand. */
const exemplarPage = (name: 'ExemplarListPage' | 'ExemplarPage') => async () => ({
  Component: (await import('../features/exemplars/index.ts'))[name],
});
/** Loads one page of the inspections feature (plans, a plan, a target) on demand. */
const inspectionPage = (name: keyof typeof import('../features/inspections/index.ts')) => async () => ({
  Component: (await import('../features/inspections/index.ts'))[name],
});
/** Loads one page of the bloc scoring feature (tables, a table, a sheet, a ranking) on demand. */
const scoringPage = (name: keyof typeof import('../features/bloc-scoring/index.ts')) => async () => ({
  Component: (await import('../features/bloc-scoring/index.ts'))[name],
});
/** Loads one page of the reports feature (requests, dashboard, editor) on demand. */
const reportsPage = (name: keyof typeof import('../features/reports/index.ts')) => async () => ({
  Component: (await import('../features/reports/index.ts'))[name],
});
/** Loads the statutory statistics page on demand. */
const statisticsPage = async () => ({
  Component: (await import('../features/statistics/index.ts')).StatisticsPage,
});
const STATISTICS_READERS: Role[] = ['admin', 'tdkt_officer', 'unit_head'];
const ORGANISATION_WRITERS: Role[] = ['admin', 'tdkt_officer'];
const MOVEMENT_WRITERS: Role[] = ['admin', 'tdkt_officer'];
const ACCOUNT_MANAGERS: Role[] = ['admin', 'tdkt_officer'];
const PEOPLE_READERS: Role[] = ['admin', 'tdkt_officer', 'unit_head', 'council_member'];
const DASHBOARD_READERS: Role[] = ['admin', 'tdkt_officer', 'unit_head'];

/**
 * All routes. A feature adds its pages as children of the layout route below: public to every signed-in
 * user directly, or under a `RequireRole` route for restricted ones. `handle.crumb` names the page in the
 * breadcrumbs; `lazy` keeps a feature's code out of the first download.
 */
export const routes: RouteObject[] = [
  {
    path: '/dang-nhap',
    element: <LoginPage />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullScreenSpin />,
  },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullScreenSpin />,
    children: [
      {
        path: '/',
        element: <AppLayout />,
        handle: crumb('Trang chủ'),
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomePage /> },
              {
                path: 'to-chuc',
                handle: crumb('Tổ chức', false),
                children: [
                  {
                    path: 'don-vi',
                    handle: crumb('Cơ cấu tổ chức'),
                    children: [
                      { index: true, lazy: organisationPage('UnitTreePage') },
                      {
                        path: 'nhap-tu-excel',
                        handle: crumb('Nhập đơn vị từ Excel'),
                        element: <RequireRole allowed={ORGANISATION_WRITERS} />,
                        children: [{ index: true, lazy: organisationPage('UnitImportPage') }],
                      },
                      { path: ':id', handle: crumb('Chi tiết đơn vị'), lazy: organisationPage('UnitPage') },
                    ],
                  },
                  {
                    path: 'can-bo',
                    handle: crumb('Cán bộ, công chức'),
                    children: [
                      {
                        element: <RequireRole allowed={PEOPLE_READERS} />,
                        children: [{ index: true, lazy: organisationPage('PersonListPage') }],
                      },
                      {
                        path: 'nhap-tu-excel',
                        handle: crumb('Nhập từ Excel'),
                        element: <RequireRole allowed={ORGANISATION_WRITERS} />,
                        children: [{ index: true, lazy: organisationPage('PersonImportPage') }],
                      },
                      { path: ':id', handle: crumb('Hồ sơ cán bộ'), lazy: organisationPage('PersonPage') },
                    ],
                  },
                  { path: 'hoi-dong', handle: crumb('Hội đồng TĐKT'), lazy: organisationPage('CouncilPage') },
                  {
                    path: 'khoi-thi-dua',
                    handle: crumb('Khối, cụm thi đua'),
                    lazy: organisationPage('BlocPage'),
                  },
                ],
              },
              {
                path: 'bao-cao',
                handle: crumb('Báo cáo'),
                children: [
                  { index: true, lazy: reportsPage('RequestListPage') },
                  {
                    path: 'mau-bao-cao',
                    handle: crumb('Mẫu báo cáo'),
                    lazy: reportsPage('TemplateListPage'),
                  },
                  {
                    path: 'yeu-cau/:id',
                    handle: crumb('Tình hình báo cáo'),
                    lazy: reportsPage('RequestPage'),
                  },
                  { path: ':id', handle: crumb('Báo cáo của đơn vị'), lazy: reportsPage('ReportPage') },
                ],
              },
              {
                path: 'phong-trao',
                handle: crumb('Phong trào thi đua'),
                children: [
                  { index: true, lazy: movementPage('MovementListPage') },
                  {
                    path: 'nhap-van-ban',
                    handle: crumb('Nhập từ văn bản'),
                    element: <RequireRole allowed={MOVEMENT_WRITERS} />,
                    children: [{ index: true, lazy: movementPage('MovementImportPage') }],
                  },
                  {
                    path: ':id',
                    handle: crumb('Chi tiết phong trào'),
                    children: [
                      { index: true, lazy: movementPage('MovementPage') },
                      {
                        path: 'xem-lai',
                        handle: crumb('Kiểm tra văn bản đã nhập'),
                        element: <RequireRole allowed={MOVEMENT_WRITERS} />,
                        children: [{ index: true, lazy: movementPage('MovementReviewPage') }],
                      },
                    ],
                  },
                ],
              },
              {
                path: 'khen-thuong',
                handle: crumb('Khen thưởng', false),
                children: [
                  {
                    path: 'danh-muc',
                    handle: crumb('Danh mục khen thưởng'),
                    lazy: awardsPage('CataloguePage'),
                  },
                  {
                    path: 'de-xuat',
                    handle: crumb('Đề xuất khen thưởng'),
                    element: <RequireRole allowed={PEOPLE_READERS} />,
                    children: [{ index: true, lazy: awardsPage('CandidatesPage') }],
                  },
                  {
                    path: 'nhap-ho-so',
                    handle: crumb('Nhập hồ sơ thi đua, khen thưởng'),
                    element: <RequireRole allowed={ORGANISATION_WRITERS} />,
                    children: [{ index: true, lazy: awardsPage('RecordsImportPage') }],
                  },
                  {
                    path: 'dot',
                    handle: crumb('Đợt khen thưởng'),
                    children: [
                      { index: true, lazy: nominationsPage('RoundsPage') },
                      { path: ':id', handle: crumb('Chi tiết đợt'), lazy: nominationsPage('RoundPage') },
                    ],
                  },
                  {
                    path: 'to-trinh/:id',
                    handle: crumb('Tờ trình'),
                    lazy: nominationsPage('NominationPage'),
                  },
                  {
                    path: 'to-trinh/:id/tham-dinh',
                    handle: crumb('Thẩm định'),
                    lazy: nominationsPage('AppraisalPage'),
                  },
                  {
                    path: 'phien-hop',
                    handle: crumb('Phiên họp Hội đồng'),
                    children: [
                      { index: true, lazy: sessionsPage('SessionListPage') },
                      { path: ':id', handle: crumb('Chi tiết phiên họp'), lazy: sessionsPage('SessionPage') },
                      { path: ':id/phieu-bau', handle: crumb('Phiếu bầu'), lazy: sessionsPage('BallotPage') },
                    ],
                  },
                  {
                    path: 'cong-khai',
                    handle: crumb('Công khai lấy ý kiến'),
                    element: <RequireRole allowed={PEOPLE_READERS} />,
                    children: [
                      { index: true, lazy: noticePage('NoticeListPage') },
                      { path: ':id', handle: crumb('Chi tiết công khai'), lazy: noticePage('NoticePage') },
                    ],
                  },
                  {
                    path: 'quyet-dinh',
                    handle: crumb('Quyết định khen thưởng'),
                    children: [
                      { index: true, lazy: decisionsPage('DecisionListPage') },
                      {
                        path: ':id',
                        handle: crumb('Chi tiết quyết định'),
                        lazy: decisionsPage('DecisionPage'),
                      },
                    ],
                  },
                  { path: 'quy', handle: crumb('Quỹ thi đua, khen thưởng'), lazy: decisionsPage('FundPage') },
                ],
              },
              {
                path: 'thong-ke',
                handle: crumb('Thống kê'),
                element: <RequireRole allowed={STATISTICS_READERS} />,
                children: [{ index: true, lazy: statisticsPage }],
              },
              {
                path: 'dien-hinh',
                handle: crumb('Điển hình tiên tiến'),
                children: [
                  { index: true, lazy: exemplarPage('ExemplarListPage') },
                  { path: ':id', handle: crumb('Chi tiết điển hình'), lazy: exemplarPage('ExemplarPage') },
                ],
              },
              {
                path: 'kiem-tra',
                handle: crumb('Kiểm tra'),
                children: [
                  { index: true, lazy: inspectionPage('PlanListPage') },
                  { path: ':id', handle: crumb('Kế hoạch kiểm tra'), lazy: inspectionPage('PlanPage') },
                  {
                    path: 'doi-tuong/:id',
                    handle: crumb('Kết quả kiểm tra đơn vị'),
                    lazy: inspectionPage('TargetPage'),
                  },
                ],
              },
              {
                path: 'khoi-cum',
                handle: crumb('Chấm điểm khối, cụm'),
                children: [
                  { index: true, lazy: scoringPage('TableListPage') },
                  { path: 'bang/:id', handle: crumb('Bảng tiêu chí'), lazy: scoringPage('TablePage') },
                  {
                    path: 'bang/:id/xep-hang/:blocId',
                    handle: crumb('Xếp hạng khối, cụm'),
                    lazy: scoringPage('RankingPage'),
                  },
                  {
                    path: 'bang-diem/:sheetId',
                    handle: crumb('Bảng điểm đơn vị'),
                    lazy: scoringPage('SheetPage'),
                  },
                ],
              },
              {
                path: 'bieu-do',
                handle: crumb('Biểu đồ, công bằng'),
                element: <RequireRole allowed={DASHBOARD_READERS} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('../features/dashboards/index.ts')).DashboardsPage,
                    }),
                  },
                ],
              },
              {
                path: 'thong-bao',
                handle: crumb('Thông báo'),
                element: <NotificationListPage />,
              },
              {
                path: 'tai-khoan',
                handle: crumb('Tài khoản'),
                element: <RequireRole allowed={ACCOUNT_MANAGERS} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('../features/users/index.ts')).AccountListPage,
                    }),
                  },
                ],
              },
              { path: 'doi-mat-khau', handle: crumb('Đổi mật khẩu'), element: <ChangePasswordPage /> },
              {
                path: 'quan-tri',
                handle: crumb('Quản trị', false),
                element: <RequireRole allowed="admin" />,
                children: [
                  {
                    path: 'nhat-ky',
                    handle: crumb('Nhật ký hệ thống'),
                    lazy: async () => ({
                      Component: (await import('../features/audit/index.ts')).AuditLogPage,
                    }),
                  },
                ],
              },
              { path: '*', handle: crumb('Không tìm thấy trang'), element: <NotFoundResult /> },
            ],
          },
        ],
      },
    ],
  },
];

/** The browser router of the app. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
