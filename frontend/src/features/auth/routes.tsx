import type { RouteObject } from 'react-router';

import { lazyComponent } from '@/lib/lazy-component';

import { SIGN_IN_PATH } from './paths';

export { RequireAuth } from './components/require-auth/require-auth';
export { SIGN_IN_PATH };

const SignInPage = lazyComponent(() => import('./components/sign-in-page/sign-in-page'), 'SignInPage');

export const authRoutes: RouteObject[] = [{ path: SIGN_IN_PATH, element: <SignInPage /> }];
