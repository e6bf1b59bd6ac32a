import type { RouteObject } from 'react-router';

import { DeviationPage } from './components/deviation-page/deviation-page';
import { MyReportsPage } from './components/my-reports-page/my-reports-page';
import { CommitteePage, QueuePage } from './components/queue-page/queue-page';
import { ReportFormPage } from './components/report-form-page/report-form-page';
import { StatisticsPage } from './components/statistics-page/statistics-page';
import { surveyPublicRoutes, surveyRoutes } from './components/surveys/survey-routes';
import { AuditPage } from './components/audit-page/audit-page';
import { AuditsPage, SupervisionPage } from './components/audits-page/audits-page';
import { FindingPage } from './components/finding-page/finding-page';
import { ProcedureFormPage } from './components/procedure-form-page/procedure-form-page';
import { ProcedureListPage } from './components/procedure-list-page/procedure-list-page';
import { ProcedurePage } from './components/procedure-page/procedure-page';
import { RosListPage } from './components/ros-list-page/ros-list-page';
import { RosPage } from './components/ros-page/ros-page';
import { AUDITS_PATH, COMMITTEE_PATH, NEW_DEVIATION_PATH, NEW_PROCEDURE_PATH, PROCEDURES_PATH, QUALITY_PATH, QUEUE_PATH, ROS_PATH, STATISTICS_PATH, SUPERVISION_PATH } from './paths';

export { QUALITY_PATH } from './paths';
export { canReportDeviations } from './lib/permissions';

/** Quality's pages (deviations), inside the signed-in layout. */
export const qualityRoutes: RouteObject[] = [
  { path: QUALITY_PATH, element: <MyReportsPage /> },
  { path: NEW_DEVIATION_PATH, element: <ReportFormPage /> },
  { path: QUEUE_PATH, element: <QueuePage /> },
  { path: COMMITTEE_PATH, element: <CommitteePage /> },
  { path: STATISTICS_PATH, element: <StatisticsPage /> },
  { path: `${QUALITY_PATH}/:id`, element: <DeviationPage /> },
  ...surveyRoutes,
  { path: ROS_PATH, element: <RosListPage /> },
  { path: `${ROS_PATH}/:id`, element: <RosPage /> },
  { path: PROCEDURES_PATH, element: <ProcedureListPage /> },
  { path: NEW_PROCEDURE_PATH, element: <ProcedureFormPage /> },
  { path: `${PROCEDURES_PATH}/:id`, element: <ProcedurePage /> },
  { path: AUDITS_PATH, element: <AuditsPage /> },
  { path: `${AUDITS_PATH}/:id`, element: <AuditPage /> },
  { path: SUPERVISION_PATH, element: <SupervisionPage /> },
  { path: `${SUPERVISION_PATH}/:id`, element: <FindingPage /> },
];

/** Quality's pages open without signing in: answering a survey. */
export const qualityPublicRoutes: RouteObject[] = surveyPublicRoutes;
