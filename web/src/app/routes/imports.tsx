import { useSearchParams } from 'react-router-dom';
import { useSites } from '../../features/admin/api/get-sites';
import { useImport } from '../../features/imports/api/imports';
import { ImportReview } from '../../features/imports/components/import-review';
import { ImportUpload } from '../../features/imports/components/import-upload';
import { ImportsList } from '../../features/imports/components/imports-list';
import { ErrorAlert } from '../../components/ui/error-alert';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

/** The administrator chooses the target site among all sites. */
function AdminSites({ onUploaded }: { onUploaded: (id: string) => void }) {
  const sites = useSites();
  return <ImportUpload sites={sites.data?.items ?? []} onUploaded={onUploaded} />;
}

/**
 * /imports — bring a legacy tool's export into Jalon: upload, codes to map, preview, commit, report; the recent
 * imports below. The open import's id stays in the address (`?import=`): a CAF flux links here for its review.
 */
export function ImportsRoute() {
  const me = useSession();
  useDocumentTitle('Imports');
  const [params, setParams] = useSearchParams();
  const importId = params.get('import');
  const imp = useImport(importId);
  if (!me.can.imports) return <NotFoundRoute title="Page réservée aux responsables de site et à l’administration" />;
  const open = (id: string) => setParams({ import: id });
  return (
    <>
      <h1>Import depuis les anciens outils</h1>
      <p>
        Déposez l’export de COORDIN, 4D ou TIPI : Jalon l’analyse, liste les valeurs à faire correspondre, montre les
        premières lignes telles qu’elles seront enregistrées et propose les fusions avec les dossiers existants. Rien
        n’est enregistré avant votre validation.
      </p>
      {me.user.role === 'admin_fonctionnel' ? (
        <AdminSites onUploaded={open} />
      ) : (
        <ImportUpload sites={null} onUploaded={open} />
      )}
      <ErrorAlert error={imp.error} title="Import introuvable" titleAs="h2" />
      {imp.data && <ImportReview key={imp.data.id} imp={imp.data} />}
      <ImportsList selectedId={importId} />
    </>
  );
}
