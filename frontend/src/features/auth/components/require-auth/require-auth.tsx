import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { useSession } from '@/lib/auth';

import { SIGN_IN_PATH } from '../../paths';

/** Renders its children for a signed-in user; anyone else goes to the sign-in page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to={SIGN_IN_PATH} replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}
