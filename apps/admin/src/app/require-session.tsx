import { useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { lastSessionEnd, readToken, subscribeSession } from './auth-session';

/**
 * Signed-in screens only: without a (live) token, back to sign-in, saying why. Every way a
 * session ends goes through clearSession(reason), so this is the one place that redirects.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(subscribeSession, readToken);
  const location = useLocation();
  if (!token) {
    const end = lastSessionEnd();
    if (end === 'expired') return <Navigate to="/sign-in?expired=1" replace />;
    if (end === 'signedOut') return <Navigate to="/sign-in?signedOut=1" replace />;
    const from = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?from=${from}`} replace />;
  }
  return children;
}
