import { Navigate, useNavigate } from 'react-router-dom';
import { Loading } from '../../components/ui/loading';
import { paths } from '../../config/paths';
import { useSetupStatus } from '../../features/auth/api/get-setup-status';
import { SetupForm } from '../../features/auth/components/setup-form';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** /installation — only while no account exists. */
export function SetupRoute() {
  useDocumentTitle('Installation');
  const navigate = useNavigate();
  const setupStatus = useSetupStatus();
  if (setupStatus.isPending) return <Loading />;
  if (!setupStatus.data?.needed) return <Navigate to={paths.login.href()} replace />;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Installation de Jalon</h1>
        <p>
          Aucun compte n’existe encore. Créez le compte de l’administrateur fonctionnel : il créera ensuite les sites,
          les équipes et les comptes des professionnels.
        </p>
        <SetupForm onSuccess={() => navigate(paths.admin.href(), { replace: true })} />
      </div>
    </div>
  );
}
