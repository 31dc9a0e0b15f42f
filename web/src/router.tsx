import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireSession } from './common/auth/RequireSession';
import { SignInPage } from './common/auth/SignInPage';
import { Layout } from './common/layout/Layout';
import { NotFoundPage } from './common/layout/NotFoundPage';
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

function screen(load: () => Promise<ComponentType>, roles?: Role[]): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Screen = await load();
      return {
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
        ...screen(async () => (await import('./features/accessibility/AccessibilityStatementPage')).default),
      },
      {
        index: true,
        ...screen(async () => (await import('./features/dashboard/DashboardPage')).default, STAFF),
      },
      {
        path: '/forslag',
        ...screen(async () => (await import('./features/proposals/ProposalsPage')).default, COORDINATORS),
      },
      {
        path: '/introduksjoner',
        ...screen(async () => (await import('./features/introductions/IntroductionsPage')).default, STAFF),
      },
      {
        path: '/introduksjoner/:id',
        ...screen(async () => (await import('./features/introductions/IntroductionPage')).default, STAFF),
      },
      {
        path: '/oppdrag',
        ...screen(async () => (await import('./features/assignments/AssignmentsPage')).default, STAFF),
      },
      {
        path: '/tjenestemottakere',
        ...screen(async () => (await import('./features/service-users/ServiceUsersPage')).default, STAFF),
      },
      {
        path: '/tjenestemottakere/:id',
        ...screen(async () => (await import('./features/service-users/ServiceUserPage')).default, STAFF),
      },
      {
        path: '/stottekontakter',
        ...screen(async () => (await import('./features/contacts/ContactsPage')).default, STAFF),
      },
      {
        path: '/stottekontakter/:id',
        ...screen(async () => (await import('./features/contacts/ContactPage')).default, STAFF),
      },
      {
        path: '/grupper',
        ...screen(async () => (await import('./features/groups/GroupsPage')).default, COORDINATORS),
      },
      {
        path: '/grupper/ny',
        ...screen(async () => (await import('./features/groups/NewGroupPage')).default, COORDINATORS),
      },
      {
        path: '/grupper/:id',
        ...screen(async () => (await import('./features/groups/GroupPage')).default, COORDINATORS),
      },
      {
        path: '/timelister',
        ...screen(async () => (await import('./features/timesheets/TimesheetsPage')).default, STAFF),
      },
      {
        path: '/timelister/:id',
        ...screen(async () => (await import('./features/timesheets/TimesheetPage')).default, STAFF),
      },
      {
        path: '/utbetaling',
        ...screen(async () => (await import('./features/payroll/PayrollPage')).default, COORDINATORS),
      },
      {
        path: '/utgiftskategorier',
        ...screen(
          async () => (await import('./features/expense-categories/ExpenseCategoriesPage')).default,
          COORDINATORS,
        ),
      },
      {
        path: '/rekruttering',
        ...screen(async () => (await import('./features/recruitment/RecruitmentPage')).default, STAFF),
      },
      {
        path: '/rapporter',
        ...screen(async () => (await import('./features/reports/ReportsPage')).default, STAFF),
      },
      // The støttekontakt's own screens, made for a phone.
      {
        path: '/mine-oppdrag',
        ...screen(async () => (await import('./features/contact/MyAssignmentsPage')).default, CONTACT),
      },
      {
        path: '/mine-moter',
        ...screen(async () => (await import('./features/contact/MyMeetingsPage')).default, CONTACT),
      },
      {
        path: '/tilgjengelighet',
        ...screen(async () => (await import('./features/contact/AvailabilityPage')).default, CONTACT),
      },
      {
        path: '/for-timer',
        ...screen(async () => (await import('./features/contact/LogSessionPage')).default, CONTACT),
      },
      {
        path: '/timeliste',
        ...screen(async () => (await import('./features/contact/TimesheetPage')).default, CONTACT),
      },
      // The user's signing link: public, no sign-in.
      {
        path: '/signer/:token',
        ...screen(async () => (await import('./features/signing/SigningPage')).default),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
