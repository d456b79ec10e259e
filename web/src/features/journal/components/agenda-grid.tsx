import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { addDays, longDay, parisTime, shortDay } from '../../../lib/dates';
import type { AbsenceSlice } from '../hooks/use-absence-days';
import type { AgendaItemDto } from '../types';
import { sliceLabel } from './absence-list';
import { timeRange } from './agenda-week';

/** The grid's hours: 8:00 to 19:00, in 30-minute rows (docs/glossary.md, "Agenda"). */
const START = 8 * 60;
const END = 19 * 60;
const STEP = 30;
const ROWS = (END - START) / STEP;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (iso: string) => {
  const [h, m] = parisTime(iso).split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
/** Grid row of a time (row 1 holds the day headings), kept inside the grid. */
const rowOf = (minutes: number) => Math.min(Math.max(Math.floor((minutes - START) / STEP), 0), ROWS - 1) + 2;

interface AgendaGridProps {
  monday: string;
  today: string;
  byDay: Map<string, AgendaItemDto[]>;
  /** Declared absences, drawn over their hours; their slots offer no booking (a booking there needs confirming). */
  absencesByDay: Map<string, AbsenceSlice[]>;
  workerId?: string;
  /** Site view with one worker chosen: an empty slot opens the booking form at that time. */
  onPickSlot?: (day: string, time: string) => void;
}

/**
 * One worker's week as a time grid, Monday to Friday, 8:00–19:00: a column per day, each appointment placed at its
 * time and as tall as its duration; empty slots book in one click.
 */
export function AgendaGrid({ monday, today, byDay, absencesByDay, workerId, onPickSlot }: AgendaGridProps) {
  const days = Array.from({ length: 5 }, (_, i) => addDays(monday, i));
  const slots = Array.from({ length: ROWS }, (_, i) => START + i * STEP);
  return (
    <div className="jalon-grid-scroll">
      <div className="jalon-grid" style={{ gridTemplateRows: `auto repeat(${ROWS}, 1.75rem)` }}>
        {slots.map((m, i) =>
          m % 60 === 0 ? (
            <div key={m} className="jalon-grid-hour" style={{ gridColumn: 1, gridRow: i + 2 }} aria-hidden="true">
              {hhmm(m)}
            </div>
          ) : null,
        )}
        {days.map((day, d) => {
          const items = (byDay.get(day) ?? []).filter((a) => a.status !== 'annule');
          const taken = new Set<number>();
          for (const a of items) {
            const from = rowOf(minutesOf(a.startsAt));
            const span = Math.max(1, Math.ceil((a.durationMinutes ?? 30) / STEP));
            for (let r = from; r < from + span; r++) taken.add(r);
          }
          const away = (absencesByDay.get(day) ?? [])
            .filter((s) => s.toMinute > START && s.fromMinute < END)
            .map((s) => {
              const from = rowOf(s.fromMinute);
              const span = Math.max(1, Math.ceil((Math.min(s.toMinute, END) - Math.max(s.fromMinute, START)) / STEP));
              for (let r = from; r < from + span; r++) taken.add(r);
              return { s, from, span };
            });
          const col = d + 2;
          return [
            <h3
              key={`h-${day}`}
              className={`fr-text--sm fr-mb-0 jalon-grid-day${day === today ? ' jalon-grid-day--today' : ''}`}
              style={{ gridColumn: col, gridRow: 1 }}
            >
              <Link to={paths.agenda.href({ vue: 'jour', date: day, pro: workerId })}>
                {shortDay(day)}
                {day === today ? <span className="fr-sr-only"> (aujourd’hui)</span> : null}
              </Link>
            </h3>,
            ...away.map(({ s, from, span }) => (
              <div
                key={`a-${s.absence.id}`}
                className="jalon-grid-absence"
                style={{ gridColumn: col, gridRow: `${from} / span ${Math.min(span, ROWS + 2 - from)}` }}
              >
                <span className="jalon-absence-tag">Absence</span> {sliceLabel(s, false)}
              </div>
            )),
            ...items.map((a) => {
              const from = rowOf(minutesOf(a.startsAt));
              const span = Math.max(1, Math.ceil((a.durationMinutes ?? 30) / STEP));
              return (
                <div
                  key={a.id}
                  className={`jalon-grid-appt jalon-appt--${a.status ?? 'prevu'}`}
                  style={{ gridColumn: col, gridRow: `${from} / span ${Math.min(span, ROWS + 2 - from)}` }}
                >
                  <span className="jalon-appt-time">{timeRange(a)}</span>{' '}
                  <Link to={paths.usagerJournal.href(a.caseFileId)}>{a.usagerName}</Link>
                </div>
              );
            }),
            ...(onPickSlot
              ? slots
                  .filter((_, i) => !taken.has(i + 2))
                  .map((m) => (
                    <button
                      key={`s-${day}-${m}`}
                      type="button"
                      className="jalon-grid-slot"
                      style={{ gridColumn: col, gridRow: rowOf(m) }}
                      aria-label={`Réserver ${longDay(day)} à ${hhmm(m)}`}
                      title={`Réserver à ${hhmm(m)}`}
                      tabIndex={-1}
                      onClick={() => onPickSlot(day, hhmm(m))}
                    />
                  ))
              : []),
          ];
        })}
      </div>
    </div>
  );
}
