import { Button, Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { logout, useSession } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNavigation } from './MainNavigation';
import { useMunicipalityName } from './municipality';
import './layout.css';

/** Menu entries by route; a feature appears here once its screen exists. */
const NAVIGATION: { to: string; label: string; roles: string[] }[] = [
  { to: '/', label: 'nav.dashboard', roles: ['coordinator', 'caseworker', 'admin'] },
  { to: '/forslag', label: 'nav.proposals', roles: ['coordinator', 'admin'] },
  { to: '/introduksjoner', label: 'nav.introductions', roles: ['coordinator', 'caseworker', 'admin'] },
  { to: '/oppdrag', label: 'nav.assignments', roles: ['coordinator', 'caseworker', 'admin'] },
  { to: '/tjenestemottakere', label: 'nav.serviceUsers', roles: ['coordinator', 'caseworker', 'admin'] },
  { to: '/stottekontakter', label: 'nav.contacts', roles: ['coordinator', 'caseworker', 'admin'] },
  { to: '/grupper', label: 'nav.groups', roles: ['coordinator', 'admin'] },
  { to: '/timelister', label: 'nav.timesheets', roles: ['coordinator', 'caseworker', 'admin'] },
  { to: '/utbetaling', label: 'nav.payroll', roles: ['coordinator', 'admin'] },
  { to: '/utgiftskategorier', label: 'nav.expenseCategories', roles: ['coordinator', 'admin'] },
  { to: '/rapporter', label: 'nav.reports', roles: ['coordinator', 'caseworker', 'admin'] },
  { to: '/rekruttering', label: 'nav.recruitment', roles: ['coordinator', 'caseworker', 'admin'] },
  { to: '/mine-oppdrag', label: 'contact:nav.assignments', roles: ['contact'] },
  { to: '/mine-moter', label: 'contact:nav.meetings', roles: ['contact'] },
  { to: '/tilgjengelighet', label: 'contact:nav.availability', roles: ['contact'] },
  { to: '/for-timer', label: 'contact:nav.log', roles: ['contact'] },
  { to: '/timeliste', label: 'contact:nav.timesheet', roles: ['contact'] },
];

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const municipality = useMunicipalityName();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const user = session.data?.user;

  async function signOut() {
    const endSessionUrl = await logout(session.data?.csrfToken ?? null);
    queryClient.clear();
    if (endSessionUrl) window.location.assign(endSessionUrl);
    else void navigate('/logg-inn');
  }

  return (
    <div className="app">
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="app-header__bar">
          <Paragraph className="app-header__title" asChild>
            <span>
              <strong>{municipality ?? t('app.name')}</strong>
              {municipality ? <span className="app-header__service">{t('app.name')}</span> : null}
            </span>
          </Paragraph>
          <div className="app-header__tools">
            <LanguageSwitch />
            {user ? (
              <>
                <Paragraph data-size="sm" className="app-header__user">
                  {t('app.signedInAs', { name: user.name })}
                </Paragraph>
                <Button variant="secondary" data-size="sm" onClick={() => void signOut()}>
                  {t('app.logout')}
                </Button>
              </>
            ) : null}
          </div>
        </div>
        {user ? <MainNavigation items={NAVIGATION.filter((item) => item.roles.includes(user.role))} /> : null}
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <Link asChild>
          <NavLink to="/tilgjengelighetserklaering">{t('app.accessibility')}</NavLink>
        </Link>
      </footer>
    </div>
  );
}
