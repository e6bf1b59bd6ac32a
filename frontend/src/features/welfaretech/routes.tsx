import type { RouteObject } from 'react-router';

import { lazyComponent } from '@/lib/lazy-component';

import { DASHBOARD_PATH, INVENTORY_PATH, PUBLIC_CATALOGUE_PATH, REFER_PATH, WELFARETECH_PATH } from './paths';

export { WELFARETECH_PATH } from './paths';
export { canUseWelfaretech } from './lib/permissions';

const AssessmentFormPage = lazyComponent(() => import('./components/assessment-form-page/assessment-form-page'), 'AssessmentFormPage');
const AssessmentPage = lazyComponent(() => import('./components/assessment-page/assessment-page'), 'AssessmentPage');
const DashboardPage = lazyComponent(() => import('./components/dashboard-page/dashboard-page'), 'DashboardPage');
const InventoryPage = lazyComponent(() => import('./components/inventory-page/inventory-page'), 'InventoryPage');
const LegalDecisionPage = lazyComponent(() => import('./components/legal-decision-page/legal-decision-page'), 'LegalDecisionPage');
const LoanFormPage = lazyComponent(() => import('./components/loan-form-page/loan-form-page'), 'LoanFormPage');
const LoanPage = lazyComponent(() => import('./components/loan-page/loan-page'), 'LoanPage');
const PublicCataloguePage = lazyComponent(() => import('./components/public-catalogue-page/public-catalogue-page'), 'PublicCataloguePage');
const ReferralFormPage = lazyComponent(() => import('./components/referral-form-page/referral-form-page'), 'ReferralFormPage');
const ReferralInboxPage = lazyComponent(() => import('./components/referral-inbox-page/referral-inbox-page'), 'ReferralInboxPage');

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
