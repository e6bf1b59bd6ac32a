import type { RouteObject } from 'react-router';

import { lazyComponent } from '@/lib/lazy-component';

import { ACCESS_REVIEW_PATH } from './paths';

export { ACCESS_REVIEW_PATH } from './paths';
export { canReviewEmergencyAccess } from './lib/permissions';

const ReviewPage = lazyComponent(() => import('./components/review-page/review-page'), 'ReviewPage');

/** On the person page of a person the user was refused (its form loads when it shows; wrap it in Suspense). */
export const EmergencyAccessGate = lazyComponent(() => import('./components/emergency-access-dialog/emergency-access-dialog'), 'EmergencyAccessGate');

/** Access control's pages, inside the signed-in layout. */
export const accessRoutes: RouteObject[] = [{ path: ACCESS_REVIEW_PATH, element: <ReviewPage /> }];
