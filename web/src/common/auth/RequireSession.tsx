import { Spinner } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { type SessionUser, useSession } from './session';

/** Route guard: a person without a session goes to /logg-inn and comes back here after signing in. */
export function RequireSession({ roles, children }: { roles?: SessionUser['role'][]; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Spinner aria-label={t('app.loading')} />;
  const user = session.data?.user;
  if (!session.data?.authenticated || !user) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/logg-inn?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  // A støttekontakt's home is their own assignments; staff's is the overview.
  if (roles && !roles.includes(user.role))
    return <Navigate to={user.role === 'contact' ? '/mine-oppdrag' : '/'} replace />;
  return children;
}
