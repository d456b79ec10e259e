import { Button } from '@codegouvfr/react-dsfr/Button';
import { EndMemberInput } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { today } from '../../../lib/format';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useEndMember, type EndMemberBody } from '../api/end-member';

const REASONS = [
  { value: 'depart', label: 'Départ du foyer' },
  { value: 'deces', label: 'Décès' },
  { value: 'autre', label: 'Autre motif' },
];

interface EndMemberFormProps {
  usagerId: string;
  memberId: string;
  memberName: string;
  onDone: () => void;
}

/** Records that a member left the household (the row stays in the history). */
export function EndMemberForm({ usagerId, memberId, memberName, onDone }: EndMemberFormProps) {
  const [endDate, setEndDate] = useState(today);
  const [reason, setReason] = useState<EndMemberBody['reason']>('depart');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useEndMember(usagerId);
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = EndMemberInput.safeParse({ endDate, reason });
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    mutation.mutate({ memberId, body: { endDate, reason } }, { onSuccess: onDone });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby="depart-membre-titre"
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id="depart-membre-titre" className="fr-h5">
        Départ de {memberName}
      </h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id="member-endDate"
            name="endDate"
            label="Date de départ"
            type="date"
            value={endDate}
            onChange={setEndDate}
            error={errors.endDate}
            required
            autoFocus
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <SelectField
            id="member-endReason"
            name="reason"
            label="Motif"
            value={reason}
            onChange={(v) => setReason(v === 'deces' || v === 'autre' ? v : 'depart')}
            options={REASONS}
            error={errors.reason}
          />
        </div>
      </div>
      <ErrorAlert error={mutation.error} title="Le départ n’a pas été enregistré" />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" disabled={mutation.isPending}>
          Enregistrer le départ
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
