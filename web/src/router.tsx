import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireSession } from './common/auth/RequireSession';
import { SignInPage } from './common/auth/SignInPage';
import { Layout } from './common/layout/Layout';
import { NotFoundPage } from './common/layout/NotFoundPage';
import { queryClient } from './queryClient';
import { RouteError } from './common/layout/RouteError';

/**
 * Every route of the app, in one place. Each screen is its own chunk (loaded when first visited), so the first
 * load carries only the layout, the sign-in page and the API client. Paths are Norwegian and never collide with
 * the API's English ones.
 */
type Role = 'coordinator' | 'caseworker' | 'admin' | 'contact';
const STAFF: Role[] = ['coordinator', 'caseworker', 'admin'];
const COORDINATORS: Role[] = ['coordinator', 'admin'];
const CONTACT: Role[] = ['contact'];

/** A screen's module: the component, and what to fetch for it at once (queries the screen will ask for). */
interface ScreenModule {
  default: ComponentType;
  prefetch?: (client: QueryClient) => void;
}

function screen(load: () => Promise<ScreenModule>, roles?: Role[]): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const { default: Screen, prefetch } = await load();
      return {
        // Started when the chunk arrives, beside the session, not after the screen has rendered behind it.
        loader: prefetch
          ? () => {
              prefetch(queryClient);
              return null;
            }
          : undefined,
        Component: roles
          ? () => (
              <RequireSession roles={roles}>
                <Screen />
              </RequireSession>
            )
          : Screen,
      };
    },
  };
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: '/logg-inn', element: <SignInPage /> },
      {
        path: '/tilgjengelighetserklaering',
        ...screen(() => import('./features/accessibility/AccessibilityStatementPage')),
      },
      {
        index: true,
        ...screen(() => import('./features/dashboard/DashboardPage'), STAFF),
      },
      {
        path: '/forslag',
        ...screen(() => import('./features/proposals/ProposalsPage'), COORDINATORS),
      },
      {
        path: '/introduksjoner',
        ...screen(() => import('./features/introductions/IntroductionsPage'), STAFF),
      },
      {
        path: '/introduksjoner/:id',
        ...screen(() => import('./features/introductions/IntroductionPage'), STAFF),
      },
      {
        path: '/oppdrag',
        ...screen(() => import('./features/assignments/AssignmentsPage'), STAFF),
      },
      {
        path: '/tjenestemottakere',
        ...screen(() => import('./features/service-users/ServiceUsersPage'), STAFF),
      },
      {
        path: '/tjenestemottakere/:id',
        ...screen(() => import('./features/service-users/ServiceUserPage'), STAFF),
      },
      {
        path: '/stottekontakter',
        ...screen(() => import('./features/contacts/ContactsPage'), STAFF),
      },
      {
        path: '/stottekontakter/:id',
        ...screen(() => import('./features/contacts/ContactPage'), STAFF),
      },
      {
        path: '/grupper',
        ...screen(() => import('./features/groups/GroupsPage'), COORDINATORS),
      },
      {
        path: '/grupper/ny',
        ...screen(() => import('./features/groups/NewGroupPage'), COORDINATORS),
      },
      {
        path: '/grupper/:id',
        ...screen(() => import('./features/groups/GroupPage'), COORDINATORS),
      },
      {
        path: '/timelister',
        ...screen(() => import('./features/timesheets/TimesheetsPage'), STAFF),
      },
      {
        path: '/timelister/:id',
        ...screen(() => import('./features/timesheets/TimesheetPage'), STAFF),
      },
      {
        path: '/utbetaling',
        ...screen(() => import('./features/payroll/PayrollPage'), COORDINATORS),
      },
      {
        path: '/utgiftskategorier',
        ...screen(() => import('./features/expense-categories/ExpenseCategoriesPage'), COORDINATORS),
      },
      {
        path: '/rekruttering',
        ...screen(() => import('./features/recruitment/RecruitmentPage'), STAFF),
      },
      {
        path: '/rapporter',
        ...screen(() => import('./features/reports/ReportsPage'), STAFF),
      },
      // The støttekontakt's own screens, made for a phone.
      {
        path: '/mine-oppdrag',
        ...screen(() => import('./features/contact/MyAssignmentsPage'), CONTACT),
      },
      {
        path: '/mine-moter',
        ...screen(() => import('./features/contact/MyMeetingsPage'), CONTACT),
      },
      {
        path: '/tilgjengelighet',
        ...screen(() => import('./features/contact/AvailabilityPage'), CONTACT),
      },
      {
        path: '/for-timer',
        ...screen(() => import('./features/contact/LogSessionPage'), CONTACT),
      },
      {
        path: '/timeliste',
        ...screen(() => import('./features/contact/TimesheetPage'), CONTACT),
      },
      // The user's signing link: public, no sign-in.
      {
        path: '/signer/:token',
        ...screen(() => import('./features/signing/SigningPage')),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
