import { Button } from '@codegouvfr/react-dsfr/Button';
import type { UsagerDto } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors } from '../../../lib/form';
import { useUpdateUsager } from '../api/update-usager';

/** Close a file (with an optional reason) or reopen it; the server keeps the history. */
export function StatusControl({ dto }: { dto: UsagerDto }) {
  const { data } = dto;
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useUpdateUsager(data.id);
  const errors = serverFieldErrors(mutation.error);

  const handleClose = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { version: data.version, status: 'clos', closingReason: reason },
      { onSuccess: () => setClosing(false) },
    );
  };

  const handleReopen = () => mutation.mutate({ version: data.version, status: 'actif' });

  if (data.status === 'clos') {
    return (
      <>
        <Button
          priority="secondary"
          size="small"
          iconId="fr-icon-folder-2-line"
          onClick={handleReopen}
          disabled={mutation.isPending}
        >
          Rouvrir le dossier
        </Button>
        <ErrorAlert error={mutation.error} title="Le dossier n’a pas été rouvert" />
      </>
    );
  }
  if (!closing) {
    return (
      <Button priority="secondary" size="small" iconId="fr-icon-close-circle-line" onClick={() => setClosing(true)}>
        Clore le dossier
      </Button>
    );
  }
  return (
    <form
      onSubmit={handleClose}
      noValidate
      aria-labelledby="cloture-titre"
      className="fr-p-3w fr-mt-2w fr-background-alt--grey"
    >
      <h2 id="cloture-titre" className="fr-h5">
        Clore le dossier
      </h2>
      <TextField
        name="closingReason"
        label="Motif de clôture"
        hint="Facultatif, 300 caractères au plus"
        value={reason}
        onChange={setReason}
        error={errors.closingReason}
        maxLength={300}
        autoFocus
        textArea
      />
      <ErrorAlert error={mutation.error} title="Le dossier n’a pas été clos" />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" disabled={mutation.isPending}>
          Confirmer la clôture
        </Button>
        <Button type="button" priority="secondary" onClick={() => setClosing(false)}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
