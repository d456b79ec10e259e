import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useParams } from 'react-router-dom';
import { AidStatistics } from '../../features/commissions/components/aid-statistics';
import { CommissionDetail } from '../../features/commissions/components/commission-detail';
import { CommissionList } from '../../features/commissions/components/commission-list';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

/** /commissions — the commissions of aids of the responsable's site (every site for the administration). */
export function CommissionsRoute() {
  const me = useSession();
  useDocumentTitle('Commissions d’aides');
  if (!me.can.commissions)
    return <NotFoundRoute title="Page réservée aux responsables de site et à l’administration" />;
  return (
    <>
      <h1>Commissions d’aides</h1>
      <Tabs
        tabs={[
          { label: 'Séances', content: <CommissionList chooseSite={me.can.manageOrganisation} />, isDefault: true },
          { label: 'Statistiques', content: <AidStatistics /> },
        ]}
      />
    </>
  );
}

/** /commissions/:id — one session. */
export function CommissionRoute() {
  const me = useSession();
  const { id = '' } = useParams();
  useDocumentTitle('Commission d’aides');
  if (!me.can.commissions)
    return <NotFoundRoute title="Page réservée aux responsables de site et à l’administration" />;
  return <CommissionDetail id={id} />;
}
