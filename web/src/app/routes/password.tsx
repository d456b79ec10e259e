import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useSession } from './require-auth';

/** /mot-de-passe — change one's own password. */
export function PasswordRoute() {
  useDocumentTitle('Changer mon mot de passe');
  const me = useSession();
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Changer mon mot de passe</h1>
        {me.mustChangePassword ? (
          <div className="fr-mb-3w">
            <Alert
              severity="info"
              as="h2"
              title="Choisissez votre mot de passe"
              description="Votre mot de passe a été choisi par l’administrateur : remplacez-le par un mot de passe connu de vous seul pour continuer."
            />
          </div>
        ) : null}
        <ChangePasswordForm />
      </div>
    </div>
  );
}
