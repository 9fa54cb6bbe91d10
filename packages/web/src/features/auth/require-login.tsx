import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Loading, LoadError } from '../common/load-state.tsx';
import { useAuth } from './auth-context.tsx';
import { loginPathFor } from './auth-paths.ts';

/** Witness pages: without a session, go to the login page, which comes back here afterwards. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const { pathname, search } = useLocation();
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'error' && auth.error) return <LoadError error={auth.error} onRetry={auth.retry} />;
  if (!auth.user) return <Navigate to={loginPathFor(pathname + search)} replace />;
  return <>{children}</>;
}
