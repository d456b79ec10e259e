import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from '@jalon/core';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useSetAppointmentStatus } from '../api/set-appointment-status';

const OUTCOMES: AppointmentStatus[] = ['honore', 'non_venu', 'excuse', 'annule'];

interface StatusButtonsProps {
  fileId: string;
  entryId: string;
  status: AppointmentStatus | null;
  /** Names the group for screen readers ("Rendez-vous du 12/03 à 14:00"). */
  label: string;
}

/** Honoré / Non venu / Excusé / Annulé in one click; the current status is the pressed button. */
export function StatusButtons({ fileId, entryId, status, label }: StatusButtonsProps) {
  const mutation = useSetAppointmentStatus();
  return (
    <div role="group" aria-label={`Statut — ${label}`}>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm jalon-status-buttons">
        {OUTCOMES.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={`fr-btn fr-btn--sm ${status === s ? '' : 'fr-btn--secondary'}`}
              aria-pressed={status === s}
              disabled={mutation.isPending}
              onClick={() => mutation.mutate({ fileId, entryId, status: status === s ? 'prevu' : s })}
            >
              {APPOINTMENT_STATUS_LABELS[s]}
            </button>
          </li>
        ))}
      </ul>
      <ErrorAlert error={mutation.error} title="Statut non modifié" titleAs="h4" />
    </div>
  );
}
