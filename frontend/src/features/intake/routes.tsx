import type { RouteObject } from 'react-router';

import { useSession } from '@/lib/auth';
import { lazyComponent } from '@/lib/lazy-component';

import { NoAccess } from './components/no-access/no-access';
import { canReadPersons } from './lib/permissions';
import { DECISIONS_PATH, NEW_PERSON_PATH, PERSONS_PATH, SETTINGS_PATH, WAITING_LIST_PATH, WORKLIST_PATH } from './paths';

export { PERSONS_PATH, SETTINGS_PATH, WAITING_LIST_PATH, WORKLIST_PATH } from './paths';
export { canAdministerIntake, canReadPersons, canReadWorklist } from './lib/permissions';
export { WorklistSummary } from './components/worklist-summary/worklist-summary';
export { LanguagePreference } from './components/language-preference/language-preference';

const AssessmentFormPage = lazyComponent(() => import('./components/assessment-form-page/assessment-form-page'), 'AssessmentFormPage');
const AssessmentsPage = lazyComponent(() => import('./components/assessments-page/assessments-page'), 'AssessmentsPage');
const DecisionEditPage = lazyComponent(() => import('./components/decision-form-page/decision-form-page'), 'DecisionEditPage');
const DecisionFormPage = lazyComponent(() => import('./components/decision-form-page/decision-form-page'), 'DecisionFormPage');
const DecisionPage = lazyComponent(() => import('./components/decision-page/decision-page'), 'DecisionPage');
const WaitingListPage = lazyComponent(() => import('./components/waiting-list-page/waiting-list-page'), 'WaitingListPage');
const WorklistPage = lazyComponent(() => import('./components/worklist-page/worklist-page'), 'WorklistPage');
const ApplicationFormPage = lazyComponent(() => import('./components/application-form-page/application-form-page'), 'ApplicationFormPage');
const PersonEditPage = lazyComponent(() => import('./components/person-form-page/person-form-page'), 'PersonEditPage');
const PersonFormPage = lazyComponent(() => import('./components/person-form-page/person-form-page'), 'PersonFormPage');
const PersonPage = lazyComponent(() => import('./components/person-page/person-page'), 'PersonPage');
const PersonSearchPage = lazyComponent(() => import('./components/person-search-page/person-search-page'), 'PersonSearchPage');
const SettingsPage = lazyComponent(() => import('./components/settings-page/settings-page'), 'SettingsPage');

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
