import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors } from '../../../lib/form';
import { useDeleteEntry } from '../api/delete-entry';

/** Deleting needs a reason: the entry leaves the timeline, the audit keeps the act. */
export function DeleteEntryForm({ fileId, entryId, onDone }: { fileId: string; entryId: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const mutation = useDeleteEntry(fileId);
  const prefix = `suppression-${entryId}`;

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Indiquez le motif de la suppression.');
      document.getElementById(`${prefix}-reason`)?.focus();
      return;
    }
    setError(undefined);
    mutation.mutate({ entryId, reason: reason.trim() }, { onSuccess: onDone });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-label="Supprimer l’entrée"
      className="fr-p-2w fr-mt-2w fr-background-alt--grey"
    >
      <TextField
        id={`${prefix}-reason`}
        name="reason"
        label="Motif de la suppression"
        required
        autoFocus
        maxLength={300}
        hint="Par exemple : entrée saisie sur le mauvais dossier"
        value={reason}
        onChange={setReason}
        error={error ?? serverFieldErrors(mutation.error).reason}
      />
      <ErrorAlert error={mutation.error} title="Entrée non supprimée" titleAs="h4" />
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button type="submit" disabled={mutation.isPending}>
          Confirmer la suppression
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
