import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from '@jalon/core';

const SEVERITY = { prevu: 'info', honore: 'success', excuse: 'new', non_venu: 'warning', annule: 'error' } as const;

/** Prévu, Honoré, Excusé, Non venu, Annulé. */
export function AppointmentStatusBadge({
  status,
  className,
}: {
  status: AppointmentStatus | null;
  className?: string;
}) {
  if (!status) return null;
  return (
    <Badge small noIcon severity={SEVERITY[status]} className={className}>
      {APPOINTMENT_STATUS_LABELS[status]}
    </Badge>
  );
}
