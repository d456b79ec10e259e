import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus, type StatusChangeDto } from '@jalon/core';
import { formatDateTime } from '../../../lib/format';

const label = (s: string | null) => (s ? (APPOINTMENT_STATUS_LABELS[s as AppointmentStatus] ?? s) : '—');

/** The appointment's status changes, oldest first: who, when, from, to, why (docs/architecture.md, "Workflows"). */
export function StatusHistory({ history }: { history: StatusChangeDto[] }) {
  return (
    <details className="fr-mb-1w">
      <summary className="fr-text--sm">Historique du statut ({history.length})</summary>
      <ul className="fr-text--sm fr-mb-0">
        {history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)} — {h.actorName} : {label(h.from)} → {label(h.to)}
            {h.reason ? ` (${h.reason})` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
