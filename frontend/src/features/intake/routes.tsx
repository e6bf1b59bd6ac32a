import type { RouteObject } from 'react-router';

import { useSession } from '@/lib/auth';

import { ApplicationFormPage } from './components/application-form-page/application-form-page';
import { PersonFormPage } from './components/person-form-page/person-form-page';
import { PersonPage } from './components/person-page/person-page';
import { NoAccess } from './components/no-access/no-access';
import { PersonSearchPage } from './components/person-search-page/person-search-page';
import { canReadPersons } from './lib/permissions';
import { NEW_PERSON_PATH, PERSONS_PATH } from './paths';

export { PERSONS_PATH } from './paths';
export { canReadPersons } from './lib/permissions';

function PersonSearchRoute() {
  const session = useSession();
  return session && canReadPersons(session.user.roles) ? <PersonSearchPage /> : <NoAccess reason="read" />;
}

/** Intake's pages (persons and applications), inside the signed-in layout. */
export const intakeRoutes: RouteObject[] = [
  { path: PERSONS_PATH, element: <PersonSearchRoute /> },
  { path: NEW_PERSON_PATH, element: <PersonFormPage /> },
  { path: `${PERSONS_PATH}/:id`, element: <PersonPage /> },
  { path: `${PERSONS_PATH}/:id/soknad/ny`, element: <ApplicationFormPage /> },
];
