import { Link } from 'react-router-dom';
import { paths } from '../../config/paths';
import { AccessRequestsList } from '../../features/access-requests/components/access-requests-list';
import { AuditLog } from '../../features/dpo/components/audit-log';
import { RegisterTab } from '../../features/admin/components/register-tab';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

/** /dpo — the security log, for the data protection officer only. Loaded on demand. */
export function DpoRoute() {
  const me = useSession();
  useDocumentTitle('Journal de sécurité');
  if (!me.can.readAuditLog) return <NotFoundRoute title="Accès réservé au délégué à la protection des données" />;
  return (
    <>
      <h1>Journal de sécurité</h1>
      <p>
        Les consultations du journal sont elles-mêmes journalisées avec leur motif. Le journal ne contient aucune donnée
        des usagers.
      </p>
      <p>
        <Link className="fr-link fr-icon-eye-line fr-link--icon-left" to={paths.breakGlass.href()}>
          Accès motivés à revoir
        </Link>
      </p>
      <AccessRequestsList />
      <hr className="fr-mt-6w" />
      <AuditLog />
      <hr className="fr-mt-6w" />
      <RegisterTab />
    </>
  );
}
