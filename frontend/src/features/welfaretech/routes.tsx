import type { RouteObject } from 'react-router';

import { AssessmentFormPage } from './components/assessment-form-page/assessment-form-page';
import { AssessmentPage } from './components/assessment-page/assessment-page';
import { DashboardPage } from './components/dashboard-page/dashboard-page';
import { InventoryPage } from './components/inventory-page/inventory-page';
import { LegalDecisionPage } from './components/legal-decision-page/legal-decision-page';
import { LoanFormPage } from './components/loan-form-page/loan-form-page';
import { LoanPage } from './components/loan-page/loan-page';
import { PublicCataloguePage } from './components/public-catalogue-page/public-catalogue-page';
import { ReferralFormPage } from './components/referral-form-page/referral-form-page';
import { ReferralInboxPage } from './components/referral-inbox-page/referral-inbox-page';
import { DASHBOARD_PATH, INVENTORY_PATH, PUBLIC_CATALOGUE_PATH, REFER_PATH, WELFARETECH_PATH } from './paths';

export { WELFARETECH_PATH } from './paths';
export { canUseWelfaretech } from './lib/permissions';

/** Welfare technology's pages, inside the signed-in layout. */
export const welfaretechRoutes: RouteObject[] = [
  { path: WELFARETECH_PATH, element: <ReferralInboxPage /> },
  { path: REFER_PATH, element: <ReferralFormPage /> },
  { path: `${WELFARETECH_PATH}/henvisninger/:referralId/kartlegging`, element: <AssessmentFormPage /> },
  { path: `${WELFARETECH_PATH}/kartlegginger/:id`, element: <AssessmentPage /> },
  { path: `${WELFARETECH_PATH}/kartlegginger/:id/anbefalinger/:recommendationId/utlan`, element: <LoanFormPage /> },
  { path: `${WELFARETECH_PATH}/kartlegginger/:id/vedtak/:decisionId`, element: <LegalDecisionPage /> },
  { path: INVENTORY_PATH, element: <InventoryPage /> },
  { path: `${WELFARETECH_PATH}/utlan/:id`, element: <LoanPage /> },
  { path: DASHBOARD_PATH, element: <DashboardPage /> },
];

/** The public technology catalogue: no sign-in. */
export const welfaretechPublicRoutes: RouteObject[] = [{ path: `${PUBLIC_CATALOGUE_PATH}/:municipality`, element: <PublicCataloguePage /> }];
