import type { RouteObject } from 'react-router';

import { useSession } from '@/lib/auth';

import { AssessmentFormPage } from './components/assessment-form-page/assessment-form-page';
import { AssessmentsPage } from './components/assessments-page/assessments-page';
import { DecisionEditPage, DecisionFormPage } from './components/decision-form-page/decision-form-page';
import { DecisionPage } from './components/decision-page/decision-page';
import { WaitingListPage } from './components/waiting-list-page/waiting-list-page';
import { WorklistPage } from './components/worklist-page/worklist-page';
import { ApplicationFormPage } from './components/application-form-page/application-form-page';
import { PersonEditPage, PersonFormPage } from './components/person-form-page/person-form-page';
import { PersonPage } from './components/person-page/person-page';
import { NoAccess } from './components/no-access/no-access';
import { PersonSearchPage } from './components/person-search-page/person-search-page';
import { SettingsPage } from './components/settings-page/settings-page';
import { canReadPersons } from './lib/permissions';
import { DECISIONS_PATH, NEW_PERSON_PATH, PERSONS_PATH, SETTINGS_PATH, WAITING_LIST_PATH, WORKLIST_PATH } from './paths';

export { PERSONS_PATH, SETTINGS_PATH, WAITING_LIST_PATH, WORKLIST_PATH } from './paths';
export { canAdministerIntake, canReadPersons, canReadWorklist } from './lib/permissions';
export { WorklistSummary } from './components/worklist-summary/worklist-summary';
export { LanguagePreference } from './components/language-preference/language-preference';

function PersonSearchRoute() {
  const session = useSession();
  return session && canReadPersons(session.user.roles) ? <PersonSearchPage /> : <NoAccess reason="read" />;
}

/** Intake's pages (persons and applications), inside the signed-in layout. */
export const intakeRoutes: RouteObject[] = [
  { path: PERSONS_PATH, element: <PersonSearchRoute /> },
  { path: NEW_PERSON_PATH, element: <PersonFormPage /> },
  { path: `${PERSONS_PATH}/:id`, element: <PersonPage /> },
  { path: `${PERSONS_PATH}/:id/endre`, element: <PersonEditPage /> },
  { path: `${PERSONS_PATH}/:id/soknad/ny`, element: <ApplicationFormPage /> },
  { path: `${PERSONS_PATH}/:id/soknad/:applicationId/kartlegging`, element: <AssessmentFormPage /> },
  { path: `${PERSONS_PATH}/:id/soknad/:applicationId/kartlegginger`, element: <AssessmentsPage /> },
  { path: `${PERSONS_PATH}/:id/soknad/:applicationId/vedtak/ny`, element: <DecisionFormPage /> },
  { path: `${DECISIONS_PATH}/:id`, element: <DecisionPage /> },
  { path: `${DECISIONS_PATH}/:id/endre`, element: <DecisionEditPage /> },
  { path: WORKLIST_PATH, element: <WorklistPage /> },
  { path: WAITING_LIST_PATH, element: <WaitingListPage /> },
  { path: SETTINGS_PATH, element: <SettingsPage /> },
];
