import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useBreakGlassQueue } from '../api/get-break-glass-queue';

/** The responsable's home: the motivated accesses to review, who opened which file, why; the review is one click away. */
export function ReviewSummary() {
  const query = useBreakGlassQueue('pending');
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="revue-titre" className="fr-mb-6w">
      <h2 id="revue-titre">Accès motivés à revoir{query.data ? ` (${items.length})` : ''}</h2>
      <ErrorAlert error={query.error} title="Liste indisponible" />
      <DataTable
        caption="Accès motivés à revoir"
        hideCaption
        headers={['Ouvert le', 'Par', 'Dossier', 'Motif']}
        empty={query.isPending ? 'Chargement…' : 'Aucun accès motivé à revoir.'}
        rows={items.slice(0, 10).map((i) => ({
          key: i.id,
          cells: [
            formatDateTime(i.grantedAt),
            `${i.user.displayName ?? 'Professionnel'}${i.user.siteName ? ` (${i.user.siteName})` : ''}`,
            i.fileNumber,
            i.reason.label ?? i.reason.code,
          ],
        }))}
      />
      <p>
        <Link className="fr-link fr-icon-eye-line fr-link--icon-left" to={paths.breakGlass.href()}>
          Revoir les accès motivés
        </Link>
      </p>
    </section>
  );
}
