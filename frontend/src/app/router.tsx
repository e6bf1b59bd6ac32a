import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';

import { accessRoutes } from '@/features/access/routes';
import { authRoutes, RequireAuth } from '@/features/auth/routes';
import { catalogueRoutes } from '@/features/catalogue/routes';
import { coordinationRoutes } from '@/features/coordination/routes';
import { intakeRoutes } from '@/features/intake/routes';
import { welfaretechPublicRoutes, welfaretechRoutes } from '@/features/welfaretech/routes';
import { qualityPublicRoutes, qualityRoutes } from '@/features/quality/routes';

import { HomePage } from './home-page/home-page';
import { Layout } from './layout/layout';
import { NotFoundPage } from './not-found-page/not-found-page';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      ...authRoutes,
      ...welfaretechPublicRoutes,
      ...qualityPublicRoutes,
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [{ index: true, element: <HomePage /> }, ...catalogueRoutes, ...intakeRoutes, ...welfaretechRoutes, ...qualityRoutes, ...coordinationRoutes, ...accessRoutes],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
