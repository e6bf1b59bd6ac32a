import type { RouteObject } from 'react-router';

import { lazyComponent } from '@/lib/lazy-component';

import { surveyPublicRoutes, surveyRoutes } from './components/surveys/survey-routes';
import { AUDITS_PATH, COMMITTEE_PATH, NEW_DEVIATION_PATH, NEW_PROCEDURE_PATH, PROCEDURES_PATH, QUALITY_PATH, QUEUE_PATH, ROS_PATH, STATISTICS_PATH, SUPERVISION_PATH } from './paths';

export { QUALITY_PATH } from './paths';
export { canReportDeviations } from './lib/permissions';

const DeviationPage = lazyComponent(() => import('./components/deviation-page/deviation-page'), 'DeviationPage');
const MyReportsPage = lazyComponent(() => import('./components/my-reports-page/my-reports-page'), 'MyReportsPage');
const CommitteePage = lazyComponent(() => import('./components/queue-page/queue-page'), 'CommitteePage');
const QueuePage = lazyComponent(() => import('./components/queue-page/queue-page'), 'QueuePage');
const ReportFormPage = lazyComponent(() => import('./components/report-form-page/report-form-page'), 'ReportFormPage');
const StatisticsPage = lazyComponent(() => import('./components/statistics-page/statistics-page'), 'StatisticsPage');
const AuditPage = lazyComponent(() => import('./components/audit-page/audit-page'), 'AuditPage');
const AuditsPage = lazyComponent(() => import('./components/audits-page/audits-page'), 'AuditsPage');
const SupervisionPage = lazyComponent(() => import('./components/audits-page/audits-page'), 'SupervisionPage');
const FindingPage = lazyComponent(() => import('./components/finding-page/finding-page'), 'FindingPage');
const ProcedureFormPage = lazyComponent(() => import('./components/procedure-form-page/procedure-form-page'), 'ProcedureFormPage');
const ProcedureListPage = lazyComponent(() => import('./components/procedure-list-page/procedure-list-page'), 'ProcedureListPage');
const ProcedurePage = lazyComponent(() => import('./components/procedure-page/procedure-page'), 'ProcedurePage');
const RosListPage = lazyComponent(() => import('./components/ros-list-page/ros-list-page'), 'RosListPage');
const RosPage = lazyComponent(() => import('./components/ros-page/ros-page'), 'RosPage');

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
