import { APPOINTMENT_STATUS_LABELS, APPOINTMENT_WORKFLOW, allowedTargets, type AppointmentStatus } from '@jalon/core';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useSetAppointmentStatus } from '../api/set-appointment-status';

const OUTCOMES: AppointmentStatus[] = ['honore', 'non_venu', 'excuse', 'annule'];

/**
 * Where the server did not say (agenda rows): the same workflow table at the browser's time; the receiving roles share
 * their rights, and the server decides anyway.
 */
export const allowedAt = (status: AppointmentStatus | null, startsAt: string, now = new Date()): AppointmentStatus[] =>
  allowedTargets(
    APPOINTMENT_WORKFLOW,
    status ?? 'prevu',
    { id: '', role: 'travailleur_social' },
    {
      now,
      start: new Date(startsAt),
    },
  );

interface StatusButtonsProps {
  fileId: string;
  entryId: string;
  status: AppointmentStatus | null;
  /** Names the group for screen readers ("Rendez-vous du 12/03 à 14:00"). */
  label: string;
  /** The statuses the server allows now (appointment workflow); the others are disabled. */
  allowed: AppointmentStatus[];
}

/**
 * Honoré / Non venu / Excusé / Annulé in one click; the current status is the pressed button, pressing it again restores
 * "prévu" when the workflow allows it. An appointment ahead can only be cancelled; a started one gets its outcome.
 */
export function StatusButtons({ fileId, entryId, status, label, allowed }: StatusButtonsProps) {
  const mutation = useSetAppointmentStatus();
  const target = (s: AppointmentStatus): AppointmentStatus | null =>
    status === s ? (allowed.includes('prevu') ? 'prevu' : null) : allowed.includes(s) ? s : null;
  return (
    <div role="group" aria-label={`Statut — ${label}`}>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm jalon-status-buttons">
        {OUTCOMES.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={`fr-btn fr-btn--sm ${status === s ? '' : 'fr-btn--secondary'}`}
              aria-pressed={status === s}
              disabled={mutation.isPending || target(s) === null}
              onClick={() => {
                const to = target(s);
                if (to) mutation.mutate({ fileId, entryId, status: to });
              }}
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
