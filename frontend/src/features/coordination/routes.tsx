import type { RouteObject } from 'react-router';

import { useSession } from '@/lib/auth';

import { InboxPage } from './components/inbox-page/inbox-page';
import { MyPlanPage } from './components/my-plan-page/my-plan-page';
import { NoAccess } from './components/no-access/no-access';
import { CoordinationOverviewPage } from './components/overview-page/overview-page';
import { PlanPage } from './components/plan-page/plan-page';
import { PlanPrintPage } from './components/plan-print-page/plan-print-page';
import { CoordinationWorklistPage } from './components/worklist-page/worklist-page';
import { canReadInbox, canUseCoordination } from './lib/permissions';
import { COORDINATION_OVERVIEW_PATH, COORDINATION_PATH, COORDINATION_WORKLIST_PATH, PLANS_PATH } from './paths';

export { COORDINATION_PATH, COORDINATION_WORKLIST_PATH } from './paths';
export { canReadInbox, canUseCoordination } from './lib/permissions';

function InboxRoute() {
  const session = useSession();
  if (session && canReadInbox(session.user.roles)) return <InboxPage />;
  if (session && canUseCoordination(session.user.roles)) return <CoordinationWorklistPage />;
  return <NoAccess />;
}

function WorklistRoute() {
  const session = useSession();
  return session && canUseCoordination(session.user.roles) ? <CoordinationWorklistPage /> : <NoAccess />;
}

function OverviewRoute() {
  const session = useSession();
  return session && canReadInbox(session.user.roles) ? <CoordinationOverviewPage /> : <NoAccess />;
}

/** Coordination's pages: the inbox, the overview, the plan editor, the person's own view and its print view, the worklist. */
export const coordinationRoutes: RouteObject[] = [
  { path: COORDINATION_PATH, element: <InboxRoute /> },
  { path: COORDINATION_WORKLIST_PATH, element: <WorklistRoute /> },
  { path: COORDINATION_OVERVIEW_PATH, element: <OverviewRoute /> },
  { path: `${PLANS_PATH}/:id`, element: <PlanPage /> },
  { path: `${PLANS_PATH}/:id/utskrift`, element: <PlanPrintPage /> },
  { path: `${PLANS_PATH}/:id/min-plan`, element: <MyPlanPage /> },
];
