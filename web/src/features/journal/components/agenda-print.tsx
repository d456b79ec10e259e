import { PLACE_LABELS } from '@jalon/core';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { useAgendaDays } from '../hooks/use-agenda-days';
import { timeRange } from './agenda-week';

/** The day's list on paper: time, usager, file number, place, worker (the page's print stylesheet hides the rest). */
export function AgendaPrintList({ day, workerId, caption }: { day: string; workerId?: string; caption: string }) {
  const { query, byDay } = useAgendaDays(day, day, workerId);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} title="Agenda indisponible" titleAs="h2" />;
  const items = byDay.get(day) ?? [];
  return (
    <DataTable
      caption={caption}
      empty="Aucun rendez-vous ce jour."
      headers={['Heure', 'Usager', 'N° de dossier', 'Lieu', 'Professionnel']}
      rows={items.map((a) => ({
        key: a.id,
        cells: [
          timeRange(a),
          a.usagerName,
          a.fileNumber,
          a.place ? (PLACE_LABELS[a.place] ?? a.place) : '—',
          a.workerName ?? '—',
        ],
      }))}
    />
  );
}
