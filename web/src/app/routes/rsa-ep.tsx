import { EpSessionsPage } from '../../features/rsa-ep/components/ep-sessions-page';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

/** /rsa/equipes-pluridisciplinaires — the site's EP sessions, for its workers and its manager (docs/api.md). */
export function RsaEpRoute() {
  const me = useSession();
  useDocumentTitle('Équipes pluridisciplinaires (RSA)');
  if (!me.can.rsaEpSessions)
    return <NotFoundRoute title="Page réservée aux travailleurs sociaux et responsables de site" />;
  return (
    <>
      <h1>Équipes pluridisciplinaires (RSA)</h1>
      <p>
        Séances de l’équipe pluridisciplinaire du site : avis avant toute réorientation ou sanction, observations de la
        personne, décisions et notifications.
      </p>
      <EpSessionsPage canPlan={me.can.planEpSession} />
    </>
  );
}
