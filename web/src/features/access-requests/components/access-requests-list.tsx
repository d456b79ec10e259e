import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { SelectField } from '../../../components/ui/select-field';
import { dash, formatDate, formatDateTime } from '../../../lib/format';
import { exportHref, useAccessRequests } from '../api';

type Status = 'pending' | 'produced';

/**
 * The DPO's access requests (RGPD art. 15): the most urgent first, the one-month deadline and whether it has passed.
 * Downloading the export answers the request and notifies the référents.
 */
export function AccessRequestsList() {
  const [status, setStatus] = useState<Status>('pending');
  const query = useAccessRequests(status);
  return (
    <section aria-labelledby="demandes-acces-titre">
      <h2 id="demandes-acces-titre" className="fr-h4">
        Demandes d’accès des personnes
      </h2>
      <SelectField
        name="status"
        label="Demandes"
        value={status}
        onChange={(v) => setStatus(v as Status)}
        options={[
          { value: 'pending', label: 'À traiter (les plus urgentes d’abord)' },
          { value: 'produced', label: 'Traitées' },
        ]}
      />
      {query.error ? <ErrorAlert error={query.error} title="Demandes indisponibles" /> : null}
      {query.isPending ? <Loading /> : null}
      {query.data ? (
        <DataTable
          caption="Demandes d’accès"
          hideCaption
          empty="Aucune demande."
          headers={['Dossier', 'Demandeur', 'Reçue le', 'Identité vérifiée', 'Réponse due le', 'Produite le', 'Export']}
          rows={query.data.items.map((r) => ({
            key: r.id,
            cells: [
              r.fileNumber,
              r.representativeName ? `${r.requester.label} : ${r.representativeName}` : r.requester.label,
              formatDate(r.receivedOn),
              r.identityNote ? `${r.identityCheck.label} (${r.identityNote})` : r.identityCheck.label,
              r.overdue ? (
                <strong key="d" className="fr-text-default--error">
                  {formatDate(r.dueOn)} — délai dépassé
                </strong>
              ) : (
                formatDate(r.dueOn)
              ),
              r.producedAt ? formatDateTime(r.producedAt) : dash(null),
              <span key="e">
                <a className="fr-link fr-link--download" href={exportHref(r.id, 'pdf')} download>
                  PDF
                </a>{' '}
                <a className="fr-link fr-link--download fr-ml-1w" href={exportHref(r.id, 'json')} download>
                  JSON
                </a>
              </span>,
            ],
          }))}
        />
      ) : null}
    </section>
  );
}
