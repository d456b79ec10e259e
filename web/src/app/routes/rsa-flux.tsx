import { useSearchParams } from 'react-router-dom';
import { useSites } from '../../features/admin/api/get-sites';
import { FluxStatus } from '../../features/rsa/components/flux-status';
import { FluxUpload } from '../../features/rsa/components/flux-upload';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

/** The administrator names the target site among all sites. */
function AdminFluxUpload({ onUploaded }: { onUploaded: (id: string) => void }) {
  const sites = useSites();
  return <FluxUpload sites={sites.data?.items ?? []} onUploaded={onUploaded} />;
}

/**
 * /rsa/flux-caf — upload one CAF flux and follow it (docs/api.md, "RSA : flux CAF"): the import's id stays in the
 * address (`?flux=`), so a reload or a shared link shows the same flux.
 */
export function RsaFluxRoute() {
  const me = useSession();
  useDocumentTitle('Flux CAF (RSA)');
  const [params, setParams] = useSearchParams();
  const importId = params.get('flux');
  if (!me.can.imports) return <NotFoundRoute title="Page réservée aux responsables de site et à l’administration" />;
  const show = (id: string) => setParams({ flux: id });
  return (
    <>
      <h1>Flux CAF (RSA)</h1>
      <p>
        Déposez le flux bénéficiaires ou le flux instruction de la CAF : chaque personne est rapprochée des dossiers du
        site (n° allocataire, puis nom, prénom et date de naissance). Les rapprochements incertains sont à examiner ;
        rien n’est enregistré avant la validation.
      </p>
      {me.user.role === 'admin_fonctionnel' ? (
        <AdminFluxUpload onUploaded={show} />
      ) : (
        <FluxUpload sites={null} onUploaded={show} />
      )}
      {importId ? <FluxStatus key={importId} importId={importId} /> : null}
    </>
  );
}
