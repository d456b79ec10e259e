import { Navigate, useNavigate } from 'react-router-dom';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { paths } from '../../config/paths';
import { UsagerCreateForm } from '../../features/usagers/components/usager-create-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { homeOf, useSession } from './require-auth';

/** /usagers/nouveau — social workers and secretaries open files. */
export function UsagerNewRoute() {
  useDocumentTitle('Créer un dossier');
  const me = useSession();
  const navigate = useNavigate();
  if (!me.can.createUsager) return <Navigate to={homeOf(me)} replace />;
  return (
    <>
      <Breadcrumb
        currentPageLabel="Créer un dossier"
        segments={[{ label: 'Accueil', linkProps: { to: paths.home.href() } }]}
        className="fr-mt-0 fr-mb-2w"
      />
      <h1>Créer un dossier</h1>
      <UsagerCreateForm me={me} onCreated={(created) => navigate(paths.usager.href(created.id))} />
    </>
  );
}
