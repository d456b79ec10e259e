import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { SelectField } from '../../../components/ui/select-field';
import { paths } from '../../../config/paths';
import { addDays, longDay, shortDay, todayDay, weekStart } from '../../../lib/dates';
import { useSiteWorkers } from '../api/get-site-workers';
import { useAbsenceDays } from '../hooks/use-absence-days';
import { useAgendaDays } from '../hooks/use-agenda-days';
import { AbsenceForm } from './absence-form';
import { AbsenceList } from './absence-list';
import { AgendaDay } from './agenda-day';
import { AgendaGrid } from './agenda-grid';
import { AgendaWeek } from './agenda-week';
import { BookAppointmentForm, type UsagerPickerProps } from './book-appointment-form';

export type AgendaMode = 'semaine' | 'jour';

interface AgendaViewProps {
  mode: AgendaMode;
  /** The day shown (day view) or a day of the week shown (week view). */
  date: string;
  /** Site view of a secretary: every worker of the site, or one. */
  siteView: boolean;
  workerId?: string;
  onNavigate: (p: { vue: AgendaMode; date: string; pro?: string }) => void;
  renderUsagerPicker: (props: UsagerPickerProps) => ReactNode;
}

/** Week or day of appointments, previous / next / today, the worker filter and booking for the site view. */
export function AgendaView({ mode, date, siteView, workerId, onNavigate, renderUsagerPicker }: AgendaViewProps) {
  const [booking, setBooking] = useState<false | { day: string; time?: string }>(false);
  const [declaring, setDeclaring] = useState(false);
  const today = todayDay();
  const monday = weekStart(date);
  const first = mode === 'semaine' ? monday : date;
  const last = mode === 'semaine' ? addDays(monday, 6) : date;
  const { query, byDay } = useAgendaDays(first, last, siteView ? workerId : undefined);
  const { absences, absencesByDay } = useAbsenceDays(first, last, siteView ? workerId : undefined);
  const workers = useSiteWorkers(siteView);
  const step = mode === 'semaine' ? 7 : 1;
  const go = (p: Partial<{ vue: AgendaMode; date: string; pro: string }>) =>
    onNavigate({ vue: mode, date, pro: workerId, ...p });
  const title = mode === 'semaine' ? `Semaine du ${longDay(first)} au ${longDay(last)}` : longDay(date);
  const unit = mode === 'semaine' ? 'Semaine' : 'Journée';

  return (
    <>
      <div className="jalon-agenda-toolbar jalon-no-print">
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
          <li>
            <Button
              priority="secondary"
              size="small"
              iconId="fr-icon-arrow-left-s-line"
              onClick={() => go({ date: addDays(date, -step) })}
            >
              {unit} précédente
            </Button>
          </li>
          <li>
            <Button
              priority="secondary"
              size="small"
              onClick={() => go({ date: today })}
              disabled={first <= today && today <= last}
            >
              Aujourd’hui
            </Button>
          </li>
          <li>
            <Button
              priority="secondary"
              size="small"
              iconId="fr-icon-arrow-right-s-line"
              iconPosition="right"
              onClick={() => go({ date: addDays(date, step) })}
            >
              {unit} suivante
            </Button>
          </li>
        </ul>
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
          <li>
            <div role="group" aria-label="Affichage" className="jalon-toggle">
              {(['semaine', 'jour'] as const).map((m) => (
                <button
                  key={m}
                  type="button"
                  className={`fr-btn fr-btn--sm ${mode === m ? '' : 'fr-btn--tertiary'}`}
                  aria-pressed={mode === m}
                  onClick={() => go({ vue: m })}
                >
                  {m === 'semaine' ? 'Semaine' : 'Jour'}
                </button>
              ))}
            </div>
          </li>
          <li>
            <Link
              className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-printer-line fr-btn--icon-left"
              to={paths.agendaPrint.href(date, siteView ? workerId : undefined)}
            >
              Imprimer la journée du {shortDay(date)}
            </Link>
          </li>
          {!declaring ? (
            <li>
              <Button
                priority="secondary"
                size="small"
                iconId="fr-icon-close-circle-line"
                onClick={() => setDeclaring(true)}
              >
                Déclarer une absence
              </Button>
            </li>
          ) : null}
          {siteView ? (
            <li>
              {/* The day's convocations of the site, one PDF (docs/api.md, "Courriers"). */}
              <a
                className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-mail-line fr-btn--icon-left"
                href={`/api/site/convocations.pdf?date=${date}`}
                target="_blank"
                rel="noopener"
              >
                Convocations du {shortDay(date)} (PDF)
              </a>
            </li>
          ) : null}
          {siteView && !booking ? (
            <li>
              <Button
                size="small"
                iconId="fr-icon-add-line"
                onClick={() => setBooking({ day: date < today ? today : date })}
              >
                Prendre un rendez-vous
              </Button>
            </li>
          ) : null}
        </ul>
      </div>
      {siteView ? (
        <div className="fr-grid-row jalon-no-print">
          <div className="fr-col-12 fr-col-md-5">
            <SelectField
              id="agenda-pro"
              name="pro"
              label="Afficher l’agenda de"
              value={workerId ?? ''}
              onChange={(v) => go({ pro: v || undefined })}
              options={[
                { value: '', label: 'Tous les professionnels du site' },
                ...(workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.displayName })),
              ]}
            />
          </div>
        </div>
      ) : null}
      {booking ? (
        <BookAppointmentForm
          key={`${booking.day}T${booking.time ?? ''}`}
          workers={workers.data?.items ?? []}
          defaultWorkerId={workerId ?? ''}
          day={booking.day}
          time={booking.time}
          renderUsagerPicker={renderUsagerPicker}
          onDone={() => setBooking(false)}
        />
      ) : null}
      {declaring ? (
        <AbsenceForm
          workers={siteView ? (workers.data?.items ?? []) : null}
          defaultWorkerId={workerId ?? ''}
          day={date < today ? today : date}
          onDone={() => setDeclaring(false)}
        />
      ) : null}
      <h2 className="fr-h4" aria-live="polite">
        {title}
      </h2>
      <AbsenceList absences={absences} siteView={siteView} />
      {query.error ? <ErrorAlert error={query.error} title="Agenda indisponible" /> : null}
      {query.isPending ? (
        <Loading label="Chargement de l’agenda…" />
      ) : mode === 'semaine' && (!siteView || workerId) ? (
        <AgendaGrid
          monday={monday}
          today={today}
          byDay={byDay}
          absencesByDay={absencesByDay}
          workerId={workerId}
          onPickSlot={siteView ? (day, time) => setBooking({ day, time }) : undefined}
        />
      ) : mode === 'semaine' ? (
        <AgendaWeek
          monday={monday}
          today={today}
          byDay={byDay}
          absencesByDay={absencesByDay}
          siteView={siteView}
          workerId={workerId}
        />
      ) : (
        <AgendaDay day={date} items={byDay.get(date) ?? []} siteView={siteView} />
      )}
    </>
  );
}
