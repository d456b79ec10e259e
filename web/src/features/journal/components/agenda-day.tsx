import { PLACE_LABELS } from '@jalon/core';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/ui/data-table';
import { paths } from '../../../config/paths';
import { formatDuration, longDay } from '../../../lib/dates';
import type { AgendaItemDto } from '../types';
import { timeRange } from './agenda-week';
import { AppointmentStatusBadge } from './appointment-status-badge';
import { StatusButtons, allowedAt } from './status-buttons';

interface AgendaDayProps {
  day: string;
  items: AgendaItemDto[];
  siteView: boolean;
}

/** The appointments of one day, with the buttons to record their outcome. */
export function AgendaDay({ day, items, siteView }: AgendaDayProps) {
  return (
    <DataTable
      caption={`Rendez-vous du ${longDay(day)}`}
      hideCaption
      empty="Aucun rendez-vous ce jour."
      headers={['Heure', 'Durée', 'Usager', 'N° de dossier', 'Lieu', ...(siteView ? ['Professionnel'] : []), 'Statut']}
      rows={items.map((a) => ({
        key: a.id,
        cells: [
          <span key="t" className="jalon-nowrap">
            {timeRange(a)}
          </span>,
          formatDuration(a.durationMinutes) || '—',
          <Link key="u" to={paths.usagerJournal.href(a.caseFileId)}>
            {a.usagerName}
          </Link>,
          a.fileNumber,
          a.place ? (PLACE_LABELS[a.place] ?? a.place) : '—',
          ...(siteView ? [a.workerName ?? '—'] : []),
          <div key="s">
            <AppointmentStatusBadge status={a.status} />
            <StatusButtons
              fileId={a.caseFileId}
              entryId={a.id}
              status={a.status}
              allowed={allowedAt(a.status, a.startsAt)}
              label={`${a.usagerName}, ${timeRange(a)}`}
            />
          </div>,
        ],
      }))}
    />
  );
}
