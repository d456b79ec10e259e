import { PLACE_LABELS } from '@jalon/core';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { addDays, parisTime, shortDay } from '../../../lib/dates';
import type { AbsenceSlice } from '../hooks/use-absence-days';
import type { AgendaItemDto } from '../types';
import { sliceLabel } from './absence-list';
import { AppointmentStatusBadge } from './appointment-status-badge';

const endTime = (a: AgendaItemDto) =>
  a.durationMinutes
    ? parisTime(new Date(new Date(a.startsAt).getTime() + a.durationMinutes * 60_000).toISOString())
    : null;

/** "14:00 – 14:30". */
export const timeRange = (a: AgendaItemDto) => {
  const end = endTime(a);
  return end ? `${parisTime(a.startsAt)} – ${end}` : parisTime(a.startsAt);
};

interface AgendaWeekProps {
  monday: string;
  today: string;
  byDay: Map<string, AgendaItemDto[]>;
  absencesByDay: Map<string, AbsenceSlice[]>;
  /** Site view: the worker's name on each appointment. */
  siteView: boolean;
  workerId?: string;
}

/** Seven columns, Monday to Sunday; each appointment with its time, usager (link to the journal), place and status. */
export function AgendaWeek({ monday, today, byDay, absencesByDay, siteView, workerId }: AgendaWeekProps) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return (
    <div className="jalon-week">
      {days.map((day) => {
        const items = byDay.get(day) ?? [];
        const headingId = `jour-${day}`;
        return (
          <section
            key={day}
            aria-labelledby={headingId}
            className={`jalon-week-day${day === today ? ' jalon-week-day--today' : ''}`}
          >
            <h3 id={headingId} className="fr-h6 fr-mb-1w">
              <Link to={paths.agenda.href({ vue: 'jour', date: day, pro: workerId })}>
                {shortDay(day)}
                {day === today ? <span className="fr-sr-only"> (aujourd’hui)</span> : null}
              </Link>
            </h3>
            {(absencesByDay.get(day) ?? []).map((s) => (
              <p key={s.absence.id} className="fr-text--sm fr-mb-1v jalon-absence">
                <span className="jalon-absence-tag">Absence</span> {sliceLabel(s, siteView)}
              </p>
            ))}
            {items.length === 0 ? (
              <p className="fr-text--sm jalon-muted">Aucun rendez-vous</p>
            ) : (
              <ul className="jalon-appts">
                {items.map((a) => (
                  <li key={a.id} className={`jalon-appt jalon-appt--${a.status ?? 'prevu'}`}>
                    <span className="jalon-appt-time">{timeRange(a)}</span>
                    <Link to={paths.usagerJournal.href(a.caseFileId)}>{a.usagerName}</Link>
                    <span className="fr-text--xs">
                      {a.place ? (PLACE_LABELS[a.place] ?? a.place) : ''}
                      {siteView && a.workerName ? ` · ${a.workerName}` : ''}
                    </span>
                    <AppointmentStatusBadge status={a.status} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
