import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { ROLE_LABELS } from '@jalon/core';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Loading } from '../../components/ui/loading';
import { paths } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';

const BRAND_TOP = (
  <>
    Ville
    <br />
    de Paris
  </>
);

/** Header with the user menu, skip links, main landmark and a minimal footer, around every page. */
export function AppLayout() {
  const { data: me } = useMe();
  const logoutMutation = useLogout();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After a client-side navigation, focus goes to the new content (as a page load would), unless the
  // page already put it on a field (autofocus).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  const handleLogout = () => {
    logoutMutation.mutate(undefined, { onSettled: () => navigate(paths.login.href()) });
  };

  const quickAccessItems: HeaderProps['quickAccessItems'] = me
    ? [
        <p key="user" className="jalon-user">
          <span className="fr-icon-account-circle-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
          <strong>{me.user.displayName}</strong> — {ROLE_LABELS[me.user.role]}
          {me.user.siteName ? ` — ${me.user.siteName}` : ''}
        </p>,
        { iconId: 'fr-icon-lock-line', text: 'Changer mon mot de passe', linkProps: { to: paths.password.href() } },
        {
          iconId: 'fr-icon-shield-line',
          text: 'Double authentification',
          linkProps: { to: paths.secondFactor.href() },
        },
        {
          iconId: 'fr-icon-logout-box-r-line',
          text: 'Se déconnecter',
          buttonProps: { onClick: handleLogout, type: 'button', disabled: logoutMutation.isPending },
        },
      ]
    : [];

  // The site roles move between the usagers and the agenda (`MeDto.can.landing`, decided by the server).
  // Statistics for workers (their team), responsables (their site) and the admin (all sites).
  const statisticsItem = {
    text: 'Statistiques',
    linkProps: { to: paths.statistics.href() },
    isActive: pathname.startsWith('/statistiques'),
  };
  // The commissions of aids: the responsables of site and the administration.
  const commissionsItem = {
    text: 'Commissions',
    linkProps: { to: paths.commissions.href() },
    isActive: pathname.startsWith('/commissions'),
  };
  const importsItem = { text: 'Imports', linkProps: { to: paths.imports.href() }, isActive: pathname === '/imports' };
  // The CAF flux of the RSA: the same people as the imports (docs/api.md, "RSA : flux CAF").
  const fluxItem = {
    text: 'Flux CAF',
    linkProps: { to: paths.rsaFlux.href() },
    isActive: pathname === paths.rsaFlux.pattern,
  };
  const navigation: HeaderProps['navigation'] =
    me?.can.landing === 'search'
      ? [
          {
            text: 'Usagers',
            linkProps: { to: paths.home.href() },
            isActive: pathname === '/' || pathname.startsWith('/usagers'),
          },
          ...(me?.can.agenda
            ? [{ text: 'Agenda', linkProps: { to: paths.agenda.href() }, isActive: pathname.startsWith('/agenda') }]
            : []),
          ...(me?.can.rsaEpSessions
            ? [
                {
                  text: 'EP RSA',
                  linkProps: { to: paths.rsaEp.href() },
                  isActive: pathname.startsWith(paths.rsaEp.pattern),
                },
              ]
            : []),
          ...(me?.can.statistics ? [statisticsItem] : []),
          ...(me?.can.commissions ? [commissionsItem] : []),
          ...(me?.can.imports ? [importsItem, fluxItem] : []),
        ]
      : me?.can.manageOrganisation
        ? [
            { text: 'Administration', linkProps: { to: paths.admin.href() }, isActive: pathname.startsWith('/admin') },
            ...(me.can.statistics ? [statisticsItem] : []),
            ...(me.can.commissions ? [commissionsItem] : []),
            ...(me.can.imports ? [importsItem, fluxItem] : []),
          ]
        : undefined;

  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Pied de page', anchor: '#pied-de-page' },
        ]}
      />
      <Header
        brandTop={BRAND_TOP}
        serviceTitle="Jalon"
        serviceTagline="Suivi des usagers des services sociaux"
        homeLinkProps={{ to: paths.home.href(), title: 'Accueil — Jalon' }}
        quickAccessItems={quickAccessItems}
        navigation={navigation}
      />
      <main ref={mainRef} id="contenu" className="jalon-main fr-container fr-pt-4w fr-pb-8w" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        brandTop={BRAND_TOP}
        accessibility="non compliant"
        homeLinkProps={{ to: paths.home.href(), title: 'Accueil — Jalon' }}
        contentDescription="Jalon : outil de suivi des usagers des services sociaux parisiens, réservé aux professionnels habilités."
        domains={[]}
      />
    </>
  );
}
