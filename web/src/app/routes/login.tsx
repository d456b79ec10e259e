import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ui/error-alert';
import { Loading } from '../../components/ui/loading';
import { paths, safeReturnPath } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';
import { OIDC_ERRORS, OIDC_START_URL, useOidcStatus } from '../../features/auth/api/get-oidc-status';
import { useSetupStatus } from '../../features/auth/api/get-setup-status';
import { LoginForm } from '../../features/auth/components/login-form';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** /connexion — or the first-admin form when the instance has no user yet. */
export function LoginRoute() {
  useDocumentTitle('Connexion');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setupStatus = useSetupStatus();
  const me = useMe();
  const oidc = useOidcStatus();
  const oidcError = OIDC_ERRORS[params.get('erreur') ?? ''];
  const returnTo = safeReturnPath(params.get('retour'));

  if (setupStatus.isPending || me.isPending) return <Loading />;
  if (setupStatus.data?.needed) return <Navigate to={paths.setup.href()} replace />;
  if (me.data) return <Navigate to={returnTo} replace />;

  const handleSuccess = () => navigate(returnTo, { replace: true });

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion à Jalon</h1>
        <p>Connectez-vous avec l’adresse électronique et le mot de passe de votre compte professionnel.</p>
        {setupStatus.error ? <ErrorAlert error={setupStatus.error} titleAs="h2" /> : null}
        {oidcError ? (
          <div className="fr-mb-3w">
            <Alert
              severity="error"
              as="h2"
              small={false}
              title="Connexion avec ProConnect impossible"
              description={oidcError}
            />
          </div>
        ) : null}
        <LoginForm onSuccess={handleSuccess} />
        {oidc.data?.enabled ? (
          <div className="fr-mt-4w">
            <p>Ou, avec votre compte professionnel de l’État ou de la Ville :</p>
            <a className="fr-btn fr-btn--secondary" href={OIDC_START_URL}>
              Se connecter avec ProConnect
            </a>
          </div>
        ) : null}
        <p className="fr-text--sm fr-mt-3w">Mot de passe oublié : contactez l’administrateur fonctionnel de Jalon.</p>
      </div>
    </div>
  );
}
