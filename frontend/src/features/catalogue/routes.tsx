import type { RouteObject } from 'react-router';

import { ServiceTypePage } from './components/service-type-page/service-type-page';
import { StaircasePage } from './components/staircase-page/staircase-page';
import { CATALOGUE_PATH } from './paths';

export { CATALOGUE_PATH, serviceTypePath } from './paths';
export { useMunicipality } from './api/get-municipality';

/** The catalogue's pages, inside the signed-in layout. */
export const catalogueRoutes: RouteObject[] = [
  { path: CATALOGUE_PATH, element: <StaircasePage /> },
  { path: `${CATALOGUE_PATH}/:code`, element: <ServiceTypePage /> },
];
