import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/format';
import { useHistory } from '../api/file-rights';

/** "Historique": the rectifications of the file (RGPD art. 16). Field names only, never the former values. */
export function HistoryTab({ usagerId }: { usagerId: string }) {
  const query = useHistory(usagerId);
  if (query.error) return <ErrorAlert error={query.error} title="Historique indisponible" />;
  if (query.isPending) return <Loading />;
  return (
    <>
      <h2 className="fr-h4">Historique des modifications</h2>
      <p className="fr-text--sm">
        Les anciennes valeurs ne sont jamais affichées. Le nom de l’auteur n’est indiqué qu’aux référents du dossier.
      </p>
      <DataTable
        caption="Historique des modifications"
        hideCaption
        empty="Aucune modification enregistrée."
        headers={['Date', 'Action', 'Champs modifiés', 'Rôle', 'Nom']}
        rows={query.data.items.map((h, i) => ({
          key: `${h.at}-${i}`,
          cells: [
            formatDateTime(h.at),
            h.actionLabel,
            h.fields.length ? h.fields.join(', ') : '—',
            h.roleLabel ?? '—',
            h.userName ?? '—',
          ],
        }))}
      />
    </>
  );
}
