import { Button } from '@codegouvfr/react-dsfr/Button';
import { isApiError } from '../../../lib/api-client';

/** The server refused an appointment over a taken slot (409 `appointment_clash`). */
export const isClash = (error: unknown) => isApiError(error) && error.code === 'appointment_clash';

/**
 * Double booking needs an explicit choice (docs/api.md, "Journal", clashes): under the refusal, one button books
 * anyway; changing the time and saving again is the other way out.
 */
export function ClashConfirm({
  error,
  onConfirm,
  pending,
}: {
  error: unknown;
  onConfirm: () => void;
  pending: boolean;
}) {
  if (!isClash(error)) return null;
  return (
    <p className="fr-mt-1w fr-mb-0">
      <Button type="button" priority="secondary" size="small" disabled={pending} onClick={onConfirm}>
        Réserver quand même
      </Button>
    </p>
  );
}
