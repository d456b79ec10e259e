import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useTodo } from '../api/get-todo';
import { StatusButtons } from './status-buttons';

const PAGE = 10;

/** "À faire", computed from the journal: past appointments still "Prévu", orientations without an outcome. */
export function TodoPanel() {
  const todo = useTodo();
  const [all, setAll] = useState({ appointments: false, orientations: false });
  const cut = <T,>(items: T[], key: keyof typeof all) => (all[key] ? items : items.slice(0, PAGE));
  const more = (count: number, key: keyof typeof all) =>
    count > PAGE && !all[key] ? (
      <Button
        priority="secondary"
        size="small"
        className="fr-mb-4w"
        onClick={() => setAll((a) => ({ ...a, [key]: true }))}
      >
        Afficher les {count}
      </Button>
    ) : null;
  return (
    <section aria-labelledby="a-faire" className="fr-mb-6w">
      <h2 id="a-faire">À faire</h2>
      {todo.error ? <ErrorAlert error={todo.error} title="« À faire » indisponible" /> : null}
      {todo.isPending ? <Loading /> : null}
      {todo.data ? (
        <>
          <h3 className="fr-h5" id="rdv-a-renseigner">
            Rendez-vous à renseigner ({todo.data.unreportedAppointments.length})
          </h3>
          <DataTable
            caption="Rendez-vous à renseigner"
            hideCaption
            empty="Aucun rendez-vous passé à renseigner."
            headers={['Date', 'Usager', 'N° de dossier', 'Statut']}
            rows={cut(todo.data.unreportedAppointments, 'appointments').map((t) => ({
              key: t.entryId,
              cells: [
                formatDateTime(t.at),
                <Link key="u" to={paths.usagerJournal.href(t.caseFileId)}>
                  {t.usagerName}
                </Link>,
                t.fileNumber,
                <StatusButtons
                  key="s"
                  fileId={t.caseFileId}
                  entryId={t.entryId}
                  status="prevu"
                  allowed={['honore', 'non_venu', 'excuse']}
                  label={`${t.usagerName}, ${formatDateTime(t.at)}`}
                />,
              ],
            }))}
          />
          {more(todo.data.unreportedAppointments.length, 'appointments')}
          <h3 className="fr-h5" id="orientations-sans-suite">
            Orientations sans suite ({todo.data.pendingOrientations.length})
          </h3>
          <DataTable
            caption="Orientations sans suite"
            hideCaption
            empty="Aucune orientation en attente de suite."
            headers={['Date', 'Usager', 'N° de dossier']}
            rows={cut(todo.data.pendingOrientations, 'orientations').map((t) => ({
              key: t.entryId,
              cells: [
                formatDateTime(t.at),
                <Link key="u" to={paths.usagerJournal.href(t.caseFileId)}>
                  {t.usagerName}
                </Link>,
                t.fileNumber,
              ],
            }))}
          />
          {more(todo.data.pendingOrientations.length, 'orientations')}
          <h3 className="fr-h5" id="documents-a-renouveler">
            Documents à renouveler ({todo.data.expiringDocuments.length})
          </h3>
          <DataTable
            caption="Documents à renouveler"
            hideCaption
            empty="Aucun document n’arrive à expiration dans les 30 jours."
            headers={['Valable jusqu’au', 'Usager', 'N° de dossier', 'Document']}
            rows={todo.data.expiringDocuments.map((d) => ({
              key: d.documentId,
              cells: [
                formatDate(d.validUntil),
                <Link key="u" to={paths.usager.href(d.caseFileId)}>
                  {d.usagerName}
                </Link>,
                d.fileNumber,
                d.typeLabel,
              ],
            }))}
          />
        </>
      ) : null}
    </section>
  );
}
