import type { RouteObject } from 'react-router';

import { useSession } from '@/lib/auth';
import { lazyComponent } from '@/lib/lazy-component';

import { NoAccess } from './components/no-access/no-access';
import { canReadCoordinationWorklist, canReadInbox, canReportNeed } from './lib/permissions';
import { COORDINATION_OVERVIEW_PATH, COORDINATION_PATH, COORDINATION_WORKLIST_PATH, PLANS_PATH, REPORT_NEED_PATH } from './paths';

export { COORDINATION_PATH, COORDINATION_WORKLIST_PATH, REPORT_NEED_PATH, reportNeedPath } from './paths';
export { canReadInbox, canReportNeed, canUseCoordination } from './lib/permissions';
export { ReportNeedLink } from './components/report-need-link/report-need-link';

const InboxPage = lazyComponent(() => import('./components/inbox-page/inbox-page'), 'InboxPage');
const MyPlanPage = lazyComponent(() => import('./components/my-plan-page/my-plan-page'), 'MyPlanPage');
const CoordinationOverviewPage = lazyComponent(() => import('./components/overview-page/overview-page'), 'CoordinationOverviewPage');
const PlanPage = lazyComponent(() => import('./components/plan-page/plan-page'), 'PlanPage');
const PlanPrintPage = lazyComponent(() => import('./components/plan-print-page/plan-print-page'), 'PlanPrintPage');
const ReportPage = lazyComponent(() => import('./components/report-page/report-page'), 'ReportPage');
const CoordinationWorklistPage = lazyComponent(() => import('./components/worklist-page/worklist-page'), 'CoordinationWorklistPage');

function InboxRoute() {
  const session = useSession();
  if (session && canReadInbox(session.user.roles)) return <InboxPage />;
  if (session && canReadCoordinationWorklist(session.user.roles)) return <CoordinationWorklistPage />;
  if (session && canReportNeed(session.user.roles)) return <ReportPage />;
  return <NoAccess />;
}

function WorklistRoute() {
  const session = useSession();
  return session && canReadCoordinationWorklist(session.user.roles) ? <CoordinationWorklistPage /> : <NoAccess />;
}

function ReportRoute() {
  const session = useSession();
  return session && canReportNeed(session.user.roles) ? <ReportPage /> : <NoAccess />;
}

function OverviewRoute() {
  const session = useSession();
  return session && canReadInbox(session.user.roles) ? <CoordinationOverviewPage /> : <NoAccess />;
}

/** Coordination's pages: the inbox, reporting a need, the overview, the plan editor, the person's own view and its print view, the worklist. */
export const coordinationRoutes: RouteObject[] = [
  { path: COORDINATION_PATH, element: <InboxRoute /> },
  { path: COORDINATION_WORKLIST_PATH, element: <WorklistRoute /> },
  { path: COORDINATION_OVERVIEW_PATH, element: <OverviewRoute /> },
  { path: REPORT_NEED_PATH, element: <ReportRoute /> },
  { path: `${PLANS_PATH}/:id`, element: <PlanPage /> },
  { path: `${PLANS_PATH}/:id/utskrift`, element: <PlanPrintPage /> },
  { path: `${PLANS_PATH}/:id/min-plan`, element: <MyPlanPage /> },
];
