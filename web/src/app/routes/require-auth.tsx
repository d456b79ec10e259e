import type { MeDto } from '@jalon/core';
import { Navigate, Outlet, useLocation, useOutletContext } from 'react-router-dom';
import { ErrorAlert } from '../../components/ui/error-alert';
import { Loading } from '../../components/ui/loading';
import { paths } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';

/** Pages below need a session; without one the user goes to /connexion and comes back after. */
export function RequireAuth() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} titleAs="h2" />;
  if (!me) return <Navigate to={paths.login.href(location.pathname + location.search)} replace />;
  // A password chosen by an administrator is changed first: the server allows nothing else until then.
  if (me.mustChangePassword && location.pathname !== paths.password.href())
    return <Navigate to={paths.password.href()} replace />;
  // Admin and DPO without a second factor: the server allows only the enrolment, so the app shows only that page.
  const mustEnrol = me.secondFactor.required && !me.secondFactor.enrolled;
  if (mustEnrol && location.pathname !== paths.secondFactor.href())
    return <Navigate to={paths.secondFactor.href()} replace />;
  return <Outlet context={me} />;
}

/** The session of the signed-in user, provided by RequireAuth. */
export const useSession = () => useOutletContext<MeDto>();

/** Where the session lands, as the server decides (`MeDto.can.landing`): the search page, the admin's or the DPO's. */
export const homeOf = (me: MeDto): string => {
  if (me.can.landing === 'admin') return paths.admin.href();
  if (me.can.landing === 'dpo') return paths.dpo.href();
  return paths.home.href();
};
