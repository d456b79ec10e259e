import { ReviewQueue } from '../../features/break-glass/components/review-queue';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { NotFoundRoute } from './not-found';
import { useSession } from './require-auth';

/** /acces-motives — the review queue of motivated accesses, for the DPO and the responsables of site. */
export function BreakGlassRoute() {
  const me = useSession();
  useDocumentTitle('Accès motivés à revoir');
  if (!me.can.reviewBreakGlass) return <NotFoundRoute title="Page réservée aux responsables de site et au DPO" />;
  return (
    <>
      <h1>Accès motivés</h1>
      <p>
        Chaque ouverture d’un dossier hors du besoin d’en connaître est revue :{' '}
        {me.user.role === 'dpo'
          ? 'vous voyez les accès de tous les sites.'
          : 'vous voyez les accès aux dossiers de votre site.'}
      </p>
      <ReviewQueue />
    </>
  );
}
