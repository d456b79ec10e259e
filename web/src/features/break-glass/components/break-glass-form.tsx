import { Button } from '@codegouvfr/react-dsfr/Button';
import { BREAK_GLASS_REASON_LABELS, BreakGlassInput, type BreakGlassReason } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useRequestBreakGlass } from '../api/request-break-glass';

const REASONS = [
  { value: '', label: 'Choisir un motif' },
  ...Object.entries(BREAK_GLASS_REASON_LABELS).map(([value, label]) => ({ value, label })),
];

/**
 * "Accès motivé": opens a file outside my need-to-know for 24 hours, read only, with a reason and a justification.
 * The référents are notified; the responsable of the file's site and the DPO review every access.
 */
export function BreakGlassForm({ fileId, onGranted }: { fileId: string; onGranted?: () => void }) {
  const [reason, setReason] = useState('');
  const [justification, setJustification] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useRequestBreakGlass(fileId);
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = BreakGlassInput.safeParse({
      reason: (reason || undefined) as BreakGlassReason | undefined,
      justification,
    });
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    mutation.mutate(parsed.data, { onSuccess: onGranted });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby="acces-motive-titre"
      className="fr-p-3w fr-mt-2w fr-background-alt--grey"
    >
      <h2 id="acces-motive-titre" className="fr-h5">
        Accès motivé
      </h2>
      <p className="fr-text--sm">
        Ce dossier ne relève pas de votre accompagnement. Vous pouvez le consulter pendant 24 heures, en lecture seule,
        si c’est nécessaire : les référent·es du dossier sont prévenu·es, et le responsable du site du dossier ou le
        délégué à la protection des données revoit chaque accès motivé.
      </p>
      <SelectField
        id="acces-motive-motif"
        name="reason"
        label="Motif"
        value={reason}
        onChange={setReason}
        options={REASONS}
        error={errors.reason}
        required
      />
      <TextField
        id="acces-motive-justification"
        name="justification"
        label="Justification (15 caractères au moins)"
        value={justification}
        onChange={setJustification}
        error={errors.justification}
        required
        textArea
        maxLength={1000}
      />
      <ErrorAlert error={mutation.error} title="L’accès n’a pas été ouvert" />
      <Button type="submit" disabled={mutation.isPending}>
        Ouvrir le dossier pour 24 heures
      </Button>
    </form>
  );
}
