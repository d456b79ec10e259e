import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { api, toQuery } from '../../../lib/api-client';
import { addDays, shortDay, todayDay, weekStart } from '../../../lib/dates';

interface LoadItem {
  day: string;
  teamName: string;
  appointments: number;
}

/** The responsable's view of the teams' agenda this week: appointments per day and team, never per worker. */
export function AgendaLoadPanel() {
  const monday = weekStart(todayDay());
  const days = Array.from({ length: 5 }, (_, i) => addDays(monday, i));
  const from = days[0] ?? monday;
  const to = days[4] ?? monday;
  const query = useQuery({
    queryKey: ['agenda-load', from, to],
    queryFn: () => api.get<{ items: LoadItem[] }>(`/agenda/load${toQuery({ from, to })}`),
  });
  const items = query.data?.items ?? [];
  const teams = [...new Set(items.map((i) => i.teamName))].sort();
  const count = (team: string, day: string) =>
    items.find((i) => i.teamName === team && i.day === day)?.appointments ?? 0;
  return (
    <section aria-labelledby="charge-titre" className="fr-mb-6w">
      <h2 id="charge-titre">Charge des agendas de la semaine</h2>
      <ErrorAlert error={query.error} title="Charge indisponible" />
      <DataTable
        caption="Rendez-vous par équipe et par jour"
        headers={['Équipe', ...days.map(shortDay)]}
        empty={query.isPending ? 'Chargement…' : 'Aucun rendez-vous cette semaine.'}
        rows={teams.map((team) => ({ key: team, cells: [team, ...days.map((d) => String(count(team, d)))] }))}
      />
    </section>
  );
}
