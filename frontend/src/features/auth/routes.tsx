import type { RouteObject } from 'react-router';

import { SignInPage } from './components/sign-in-page/sign-in-page';
import { SIGN_IN_PATH } from './paths';

export { RequireAuth } from './components/require-auth/require-auth';
export { SIGN_IN_PATH };

export const authRoutes: RouteObject[] = [{ path: SIGN_IN_PATH, element: <SignInPage /> }];
