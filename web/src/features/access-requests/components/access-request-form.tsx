import { Button } from '@codegouvfr/react-dsfr/Button';
import { ACCESS_REQUESTERS, IDENTITY_CHECKS, type AccessRequester, type IdentityCheck } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { formatDate, today } from '../../../lib/format';
import { serverFieldErrors } from '../../../lib/form';
import { useRecordAccessRequest } from '../api';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * Records the person's request for their whole file (RGPD art. 15): who asked, when, how identity was checked. The
 * DPO answers within one month; the référents are notified.
 */
export function AccessRequestForm({ fileId }: { fileId: string }) {
  const record = useRecordAccessRequest(fileId);
  const [open, setOpen] = useState(false);
  const [requester, setRequester] = useState<AccessRequester>('personne');
  const [representativeName, setRepresentativeName] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  const [identityCheck, setIdentityCheck] = useState<IdentityCheck>('piece_presentee');
  const [identityNote, setIdentityNote] = useState('');
  const errors = serverFieldErrors(record.error);
  if (!open)
    return (
      <>
        {record.data ? (
          <p className="fr-text--sm" role="status">
            Demande enregistrée : le délégué à la protection des données y répond avant le{' '}
            {formatDate(record.data.dueOn)}.
          </p>
        ) : null}
        <Button size="small" priority="secondary" onClick={() => setOpen(true)}>
          Enregistrer une demande d’accès de la personne
        </Button>
      </>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      { requester, representativeName, receivedOn, identityCheck, identityNote },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <form onSubmit={submit} className="fr-mb-3w" aria-label="Demande d’accès de la personne">
      <SelectField
        name="requester"
        label="Demandeur"
        value={requester}
        onChange={(v) => setRequester(v as AccessRequester)}
        options={options(ACCESS_REQUESTERS)}
        error={errors.requester}
      />
      {requester === 'representant' ? (
        <TextField
          name="representativeName"
          label="Nom du représentant"
          value={representativeName}
          onChange={setRepresentativeName}
          error={errors.representativeName}
          required
          maxLength={200}
        />
      ) : null}
      <TextField
        name="receivedOn"
        label="Demande reçue le"
        type="date"
        value={receivedOn}
        onChange={setReceivedOn}
        error={errors.receivedOn}
        required
      />
      <SelectField
        name="identityCheck"
        label="Vérification de l’identité"
        value={identityCheck}
        onChange={(v) => setIdentityCheck(v as IdentityCheck)}
        options={options(IDENTITY_CHECKS)}
        error={errors.identityCheck}
      />
      <TextField
        name="identityNote"
        label="Précision sur la vérification (facultatif)"
        value={identityNote}
        onChange={setIdentityNote}
        error={errors.identityNote}
        maxLength={500}
      />
      {record.error ? <ErrorAlert error={record.error} title="Enregistrement impossible" /> : null}
      <Button type="submit" disabled={record.isPending}>
        Enregistrer la demande
      </Button>{' '}
      <Button type="button" priority="secondary" onClick={() => setOpen(false)}>
        Annuler
      </Button>
    </form>
  );
}
