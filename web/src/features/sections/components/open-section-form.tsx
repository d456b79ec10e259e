import { Button } from '@codegouvfr/react-dsfr/Button';
import { OpenSectionInput, SECTION_OPEN_REASONS, type SectionOpenReason, type SensitiveSection } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useOpenSection } from '../api/open-section';

const REASONS = [
  { value: '', label: 'Choisir un motif' },
  ...Object.entries(SECTION_OPEN_REASONS).map(([value, label]) => ({ value, label })),
];

interface Props {
  fileId: string;
  section: SensitiveSection;
  label: string;
  onOpened: () => void;
  onCancel: () => void;
}

/** "Ouvrir" asks why: a reason from the list and a precision, both traced on the file. */
export function OpenSectionForm({ fileId, section, label, onOpened, onCancel }: Props) {
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useOpenSection(fileId, section);
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  const titleId = `ouvrir-${section}-titre`;

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = OpenSectionInput.safeParse({ reasonCode: reasonCode || undefined, reasonText });
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    mutation.mutate(parsed.data, { onSuccess: onOpened });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={titleId}
      className="fr-p-3w fr-mt-2w fr-background-alt--grey"
    >
      <h4 id={titleId} className="fr-h6">
        Ouvrir la section « {label} »
      </h4>
      <p className="fr-text--sm">
        N’ouvrez cette section que si elle est strictement nécessaire à l’accompagnement. Le motif est visible sur le
        dossier et enregistré dans le journal d’audit.
      </p>
      <SelectField
        id={`${section}-reasonCode`}
        name="reasonCode"
        label="Motif d’ouverture"
        value={reasonCode}
        onChange={(v) => setReasonCode(v as SectionOpenReason | '')}
        options={REASONS}
        error={errors.reasonCode}
        required
      />
      <TextField
        id={`${section}-reasonText`}
        name="reasonText"
        label="Précision du motif"
        value={reasonText}
        onChange={setReasonText}
        error={errors.reasonText}
        required
        textArea
        maxLength={500}
      />
      <ErrorAlert error={mutation.error} title="La section n’a pas été ouverte" />
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button type="submit" disabled={mutation.isPending}>
          Ouvrir la section
        </Button>
        <Button type="button" priority="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
