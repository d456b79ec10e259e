import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../config/paths';
import { useRsaTasks } from '../api/rsa';

/** The worker's RSA task lists: orientations late, contracts to sign, contracts to renew (their files or their teams'). */
export function RsaTasks() {
  const [scope, setScope] = useState<'mine' | 'team'>('mine');
  const tasks = useRsaTasks(scope);
  return (
    <section aria-labelledby="rsa-taches" className="fr-mt-4w">
      <h2 id="rsa-taches" className="fr-h5">
        Suivi RSA : à faire
      </h2>
      <SegmentedControl
        legend="Tâches RSA"
        hideLegend
        small
        segments={[
          { label: 'Mes dossiers', nativeInputProps: { checked: scope === 'mine', onChange: () => setScope('mine') } },
          { label: 'Mon équipe', nativeInputProps: { checked: scope === 'team', onChange: () => setScope('team') } },
        ]}
      />
      {tasks.isPending ? <Loading label="Chargement des tâches RSA…" /> : null}
      <ErrorAlert error={tasks.error} title="Tâches RSA indisponibles" titleAs="h3" />
      {tasks.data ? (
        <DataTable
          caption="Tâches RSA"
          hideCaption
          empty="Aucune tâche RSA."
          headers={['Tâche', 'Personne', 'Dossier', 'Échéance']}
          rows={tasks.data.items.map((t, i) => ({
            key: `${t.kind.code}-${t.personId}-${i}`,
            cells: [
              t.kind.label,
              <Link key="n" to={`${paths.usager.href(t.fileId)}?onglet=rsa`}>
                {t.name}
              </Link>,
              t.fileNumber,
              <span key="d">
                {formatDate(t.dueOn)}{' '}
                {t.late ? <span className="fr-badge fr-badge--error fr-badge--sm">En retard</span> : null}
              </span>,
            ],
          }))}
        />
      ) : null}
    </section>
  );
}
