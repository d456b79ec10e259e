import type { AgendaItemDto } from '@jalon/core';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { paths } from '../../../config/paths';
import { parisTime, todayDay } from '../../../lib/dates';
import { useAgenda } from '../api/get-agenda';
import { AppointmentStatusBadge } from './appointment-status-badge';

const row = (a: AgendaItemDto, withWorker: boolean) => ({
  key: a.id,
  cells: [
    parisTime(a.startsAt),
    <Link key="u" to={paths.usager.href(a.caseFileId)}>
      {a.usagerName}
    </Link>,
    ...(withWorker ? [a.workerName ?? '—'] : []),
    <AppointmentStatusBadge key="s" status={a.status} />,
  ],
});

/**
 * Today's appointments, first on the home page: a social worker's own, or the site's by worker for a secretary
 * ("Honoré" once the person came).
 */
export function DayPanel({ siteView }: { siteView: boolean }) {
  const today = todayDay();
  const agenda = useAgenda(today, today);
  const items = (agenda.data?.items ?? []).filter((a) => a.status !== 'annule');
  const byWorker = new Map<string, AgendaItemDto[]>();
  for (const a of items) byWorker.set(a.workerName ?? '—', [...(byWorker.get(a.workerName ?? '—') ?? []), a]);
  const title = siteView ? 'La journée du site' : 'Mes rendez-vous du jour';
  return (
    <section aria-labelledby="jour-titre" className="fr-mb-6w">
      <h2 id="jour-titre">{title}</h2>
      <ErrorAlert error={agenda.error} title="Agenda indisponible" />
      {agenda.isPending ? (
        <p className="fr-text--sm">Chargement…</p>
      ) : !items.length ? (
        <p className="fr-text--sm">Aucun rendez-vous aujourd’hui.</p>
      ) : siteView ? (
        [...byWorker.entries()].map(([worker, list]) => (
          <DataTable
            key={worker}
            caption={`${worker} — ${list.length} rendez-vous`}
            headers={['Heure', 'Usager', 'Statut']}
            rows={list.map((a) => row(a, false))}
          />
        ))
      ) : (
        <DataTable
          caption={title}
          hideCaption
          headers={['Heure', 'Usager', 'Statut']}
          rows={items.map((a) => row(a, false))}
        />
      )}
      <p>
        <Link className="fr-link fr-icon-calendar-line fr-link--icon-left" to={paths.agenda.href()}>
          {siteView ? 'Agenda du site' : 'Mon agenda'}
        </Link>
      </p>
    </section>
  );
}
