import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { today } from '../../../lib/format';
import { useCreateConsent } from '../api/create-consent';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';

/** Records the person's written consent: purpose, recipient, date. */
export function ConsentForm({ fileId }: { fileId: string }) {
  const create = useCreateConsent(fileId);
  const [purpose, setPurpose] = useState('');
  const [recipient, setRecipient] = useState('');
  const [givenDate, setGivenDate] = useState(today());
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { purpose, recipient, givenDate },
      {
        onSuccess: () => {
          setPurpose('');
          setRecipient('');
        },
      },
    );
  };
  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="nouveau-consentement">
      <h3 id="nouveau-consentement" className="fr-h5">
        Enregistrer un consentement
      </h3>
      <RequiredFieldsNote />
      {create.error ? <ErrorAlert error={create.error} title="Consentement non enregistré" /> : null}
      <TextField
        name="purpose"
        label="Finalité"
        required
        value={purpose}
        onChange={setPurpose}
        error={fields.purpose}
      />
      <TextField
        name="recipient"
        label="Destinataire"
        required
        value={recipient}
        onChange={setRecipient}
        error={fields.recipient}
      />
      <TextField
        name="givenDate"
        type="date"
        label="Date du consentement"
        required
        value={givenDate}
        onChange={setGivenDate}
        error={fields.givenDate}
      />
      <button type="submit" className="fr-btn fr-btn--secondary" disabled={create.isPending}>
        Enregistrer le consentement
      </button>
    </form>
  );
}
