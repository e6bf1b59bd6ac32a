import type { RouteObject } from 'react-router';

import { ReviewPage } from './components/review-page/review-page';
import { ACCESS_REVIEW_PATH } from './paths';

export { ACCESS_REVIEW_PATH } from './paths';
export { canReviewEmergencyAccess } from './lib/permissions';
export { EmergencyAccessGate } from './components/emergency-access-dialog/emergency-access-dialog';

/** Access control's pages, inside the signed-in layout. */
export const accessRoutes: RouteObject[] = [{ path: ACCESS_REVIEW_PATH, element: <ReviewPage /> }];
