import type { RouteObject } from 'react-router';

import { lazyComponent } from '@/lib/lazy-component';

import { CATALOGUE_PATH } from './paths';

export { CATALOGUE_PATH, serviceTypePath } from './paths';
export { useMunicipality } from './api/get-municipality';

const ServiceTypePage = lazyComponent(() => import('./components/service-type-page/service-type-page'), 'ServiceTypePage');
const StaircasePage = lazyComponent(() => import('./components/staircase-page/staircase-page'), 'StaircasePage');

/** The catalogue's pages, inside the signed-in layout. */
export const catalogueRoutes: RouteObject[] = [
  { path: CATALOGUE_PATH, element: <StaircasePage /> },
  { path: `${CATALOGUE_PATH}/:code`, element: <ServiceTypePage /> },
];
