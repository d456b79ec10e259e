import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { LEGACY_SOURCE_LABELS, type ImportStatus, type LegacySource } from '@jalon/core';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useImports } from '../api/imports';

const STATUS: Record<ImportStatus, { label: string; severity?: 'success' | 'info' | 'error' | 'new' }> = {
  analysing: { label: 'Analyse en cours', severity: 'info' },
  ready: { label: 'Prêt à valider', severity: 'new' },
  committing: { label: 'Import en cours', severity: 'info' },
  committed: { label: 'Importé', severity: 'success' },
  failed: { label: 'Échec', severity: 'error' },
};
const sourceLabel = (s: string) => (s === 'caf' ? 'Flux CAF (RSA)' : (LEGACY_SOURCE_LABELS[s as LegacySource] ?? s));

/** The recent imports (GET /api/imports: the 50 latest of the caller's site, every site's for the administrator). */
export function ImportsList({ selectedId }: { selectedId: string | null }) {
  const imports = useImports();
  if (imports.error) return <ErrorAlert error={imports.error} title="Imports précédents indisponibles" titleAs="h2" />;
  if (imports.isPending) return <Loading />;
  return (
    <section aria-labelledby="imports-list-title" className="fr-mt-6w">
      <h2 id="imports-list-title">Imports récents</h2>
      <DataTable
        caption="Imports récents"
        hideCaption
        scrollLabel="Imports récents (défilement)"
        empty="Aucun import pour l’instant."
        headers={['Fichier', 'Source', 'Déposé le', 'État']}
        rows={imports.data.map((i) => ({
          key: i.id,
          cells: [
            <Link
              key="f"
              to={paths.imports.href(i.id)}
              aria-current={i.id === selectedId ? 'page' : undefined}
              aria-label={`Ouvrir l’import ${i.fileName} du ${formatDateTime(i.createdAt)}`}
            >
              {i.fileName}
            </Link>,
            sourceLabel(i.source),
            formatDateTime(i.createdAt),
            <Badge key="s" small noIcon severity={STATUS[i.status].severity}>
              {STATUS[i.status].label}
            </Badge>,
          ],
        }))}
      />
    </section>
  );
}
