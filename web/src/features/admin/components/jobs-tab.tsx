import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/format';
import { useJobs, type JobDto, type JobState } from '../api/jobs';

const KIND_LABELS: Record<string, string> = {
  'statistics.refresh': 'Actualisation des statistiques',
  'retention.nightly': 'Durées de conservation (passage de nuit)',
  'documents.sweep': 'Nettoyage des envois de documents interrompus',
};
const STATE: Record<JobState, { label: string; severity?: 'success' | 'info' | 'error' | 'new' }> = {
  pending: { label: 'En attente', severity: 'new' },
  running: { label: 'En cours', severity: 'info' },
  done: { label: 'Terminée', severity: 'success' },
  dead: { label: 'Abandonnée', severity: 'error' },
};

const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

function Progress({ job }: { job: JobDto }) {
  if (!job.progress) return <>—</>;
  const { done, total } = job.progress;
  if (!total) return <>{done} traité(s)</>;
  const label = `${kindLabel(job.kind)} : ${done} sur ${total}`;
  return (
    <span>
      <progress max={total} value={done} aria-label={label} /> {Math.round((100 * done) / total)} %
    </span>
  );
}

const rowsOf = (jobs: JobDto[]) =>
  jobs.map((j) => ({
    key: j.id,
    cells: [
      kindLabel(j.kind),
      <Badge key="s" small noIcon severity={STATE[j.state].severity}>
        {STATE[j.state].label}
      </Badge>,
      `${j.attempts} / ${j.maxAttempts}`,
      <Progress key="p" job={j} />,
      formatDateTime(j.runAt),
      j.startedAt ? formatDateTime(j.startedAt) : '—',
      j.finishedAt ? formatDateTime(j.finishedAt) : '—',
      j.lastError ?? '—',
    ],
  }));
const HEADERS = [
  'Tâche',
  'État',
  'Tentatives',
  'Avancement',
  'Prévue le',
  'Commencée le',
  'Finie le',
  'Dernière erreur',
];

/** The job queue (docs/architecture.md, "Jobs"): recent runs with their outcome and progress, dead letters apart. */
export function JobsTab() {
  const jobs = useJobs();
  if (jobs.error) return <ErrorAlert error={jobs.error} title="Tâches indisponibles" titleAs="h2" />;
  if (jobs.isPending) return <Loading />;
  const items = jobs.data.items;
  const dead = items.filter((j) => j.state === 'dead');
  return (
    <>
      <h2 className="fr-h4">Tâches de fond</h2>
      <p className="fr-text--sm">
        Les tâches planifiées (statistiques, durées de conservation…) et leurs dernières exécutions. Une tâche
        abandonnée a épuisé ses tentatives : elle ne sera plus relancée, corrigez la cause puis signalez-la à
        l’exploitation.
      </p>
      <h3 className="fr-h5">Tâches abandonnées ({dead.length})</h3>
      <DataTable
        caption="Tâches abandonnées"
        hideCaption
        scrollLabel="Tâches abandonnées (défilement)"
        empty="Aucune tâche abandonnée."
        headers={HEADERS}
        rows={rowsOf(dead)}
      />
      <h3 className="fr-h5">Exécutions récentes</h3>
      <DataTable
        caption="Exécutions récentes des tâches"
        hideCaption
        scrollLabel="Exécutions récentes (défilement)"
        empty="Aucune tâche exécutée pour l’instant."
        headers={HEADERS}
        rows={rowsOf(items)}
      />
    </>
  );
}
