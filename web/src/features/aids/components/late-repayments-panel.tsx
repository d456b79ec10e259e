import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useLateRepayments } from '../api/aids';
import { euros } from './money';

/** Home page: the FSL loans of the user's files with late instalments (shown only when there are some). */
export function LateRepaymentsPanel() {
  const q = useLateRepayments();
  if (!q.data || q.data.length === 0) return null;
  return (
    <section aria-labelledby="prets-retard" className="fr-mb-4w">
      <h2 id="prets-retard" className="fr-h5">
        Remboursements de prêts en retard
      </h2>
      <DataTable
        caption="Prêts avec des échéances en retard"
        hideCaption
        headers={['Dossier', 'Aide', 'Échéances en retard', 'Montant en retard', 'Depuis le']}
        rows={q.data.map((l) => ({
          key: l.applicationId,
          cells: [
            <Link key="l" to={paths.aidApplication.href(l.applicationId)}>
              {l.fileNumber}
            </Link>,
            l.aidLabel,
            String(l.lateCount),
            euros(l.lateCents),
            formatDate(l.oldestLateDueDate),
          ],
        }))}
      />
    </section>
  );
}
