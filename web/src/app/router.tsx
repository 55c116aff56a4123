import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundResult, type RouteHandle } from '../components/index.ts';
import { LoginPage } from '../features/auth/index.ts';
import { HomePage } from '../features/home/index.ts';
import { FullScreenSpin, RequireAuth, RequireRole } from './guards.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { RouteError } from './route-error.tsx';

const crumb = (label: string, isLinked = true): RouteHandle => ({ crumb: label, isLinked });

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
        handle: crumb('Tổng quan'),
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomePage /> },
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
