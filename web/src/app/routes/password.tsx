import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** /mot-de-passe — change one's own password. */
export function PasswordRoute() {
  useDocumentTitle('Changer mon mot de passe');
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Changer mon mot de passe</h1>
        <ChangePasswordForm />
      </div>
    </div>
  );
}
