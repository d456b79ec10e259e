import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { paths } from '../config/paths';
import { AppLayout } from './routes/app-layout';
import { HomeRoute } from './routes/home';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { PasswordRoute } from './routes/password';
import { SecondFactorRoute } from './routes/second-factor';
import { RequireAuth } from './routes/require-auth';
import { SetupRoute } from './routes/setup';
import { UsagerNewRoute } from './routes/usager-new';
import { UsagerRoute } from './routes/usager';

/** Admin and DPO pages are for two roles only: they load on demand and stay out of the main bundle. */
const AdminRoute = lazy(() => import('./routes/admin').then((m) => ({ default: m.AdminRoute })));
const DpoRoute = lazy(() => import('./routes/dpo').then((m) => ({ default: m.DpoRoute })));
/** The agenda (two roles, its own views) loads on demand too. */
const AgendaRoute = lazy(() => import('./routes/agenda').then((m) => ({ default: m.AgendaRoute })));
/** Statistics carry the charting library: on demand too. */
const StatisticsRoute = lazy(() => import('./routes/statistics').then((m) => ({ default: m.StatisticsRoute })));
const BreakGlassRoute = lazy(() => import('./routes/break-glass').then((m) => ({ default: m.BreakGlassRoute })));
/** Aid applications: the instructing workers and the deciders (modules/aids). */
const AidApplicationRoute = lazy(() =>
  import('./routes/aid-application').then((m) => ({ default: m.AidApplicationRoute })),
);
const CommissionsRoute = lazy(() => import('./routes/commissions').then((m) => ({ default: m.CommissionsRoute })));
const CommissionRoute = lazy(() => import('./routes/commissions').then((m) => ({ default: m.CommissionRoute })));
const RsaEpRoute = lazy(() => import('./routes/rsa-ep').then((m) => ({ default: m.RsaEpRoute })));
/** Imports of legacy exports (two roles): on demand too. */
const ImportsRoute = lazy(() => import('./routes/imports').then((m) => ({ default: m.ImportsRoute })));
/** The CAF flux upload (responsables and administration): on demand too. */
const RsaFluxRoute = lazy(() => import('./routes/rsa-flux').then((m) => ({ default: m.RsaFluxRoute })));
const AgendaPrintRoute = lazy(() => import('./routes/agenda-print').then((m) => ({ default: m.AgendaPrintRoute })));

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: paths.login.pattern, element: <LoginRoute /> },
      { path: paths.setup.pattern, element: <SetupRoute /> },
      {
        element: <RequireAuth />,
        children: [
          { path: paths.home.pattern, element: <HomeRoute /> },
          { path: paths.usagerNew.pattern, element: <UsagerNewRoute /> },
          { path: paths.usager.pattern, element: <UsagerRoute /> },
          { path: paths.password.pattern, element: <PasswordRoute /> },
          { path: paths.secondFactor.pattern, element: <SecondFactorRoute /> },
          { path: paths.agenda.pattern, element: <AgendaRoute /> },
          { path: paths.agendaPrint.pattern, element: <AgendaPrintRoute /> },
          { path: paths.admin.pattern, element: <AdminRoute /> },
          { path: paths.dpo.pattern, element: <DpoRoute /> },
          { path: paths.statistics.pattern, element: <StatisticsRoute /> },
          { path: paths.breakGlass.pattern, element: <BreakGlassRoute /> },
          { path: paths.aidApplication.pattern, element: <AidApplicationRoute /> },
          { path: paths.commissions.pattern, element: <CommissionsRoute /> },
          { path: paths.commission.pattern, element: <CommissionRoute /> },
          { path: paths.rsaEp.pattern, element: <RsaEpRoute /> },
          { path: paths.imports.pattern, element: <ImportsRoute /> },
          { path: paths.rsaFlux.pattern, element: <RsaFluxRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
