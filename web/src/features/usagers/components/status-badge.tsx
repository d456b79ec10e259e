import { Badge } from '@codegouvfr/react-dsfr/Badge';

/** "Actif" in green, "Clos" in grey. */
export function StatusBadge({ status }: { status: 'actif' | 'clos' }) {
  return status === 'actif' ? (
    <Badge severity="success" small noIcon>
      Actif
    </Badge>
  ) : (
    <Badge small noIcon>
      Clos
    </Badge>
  );
}
