import { Button } from '@codegouvfr/react-dsfr/Button';
import { updateSectionInput, type SectionContentDto, type SensitiveSection } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { formatDateTime } from '../../../lib/format';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useUpdateSection } from '../api/update-section';
import { SECTION_FIELDS, toData, toFormValues, type FieldSpec, type FormValues } from './fields';

const YES_NO = [
  { value: '', label: 'Non renseigné' },
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
];
const optionsOf = (f: FieldSpec) => [
  { value: '', label: 'Non renseigné' },
  ...Object.entries(f.options ?? {})
    .filter(([k]) => k !== 'NR')
    .map(([value, label]) => ({ value, label })),
];

interface Props {
  fileId: string;
  section: SensitiveSection;
  label: string;
  content: SectionContentDto;
}

/** The section's form, with the labels of the field catalogue; saved whole, with the version read. */
export function SectionForm({ fileId, section, label, content }: Props) {
  const [values, setValues] = useState<FormValues>(() => toFormValues(section, content.data));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const mutation = useUpdateSection(fileId, section);
  const errors = { ...serverFieldErrors(mutation.error, 'data'), ...clientErrors };
  const set = (path: string) => (v: string) => {
    setSaved(false);
    setValues((old) => ({ ...old, [path]: v }));
  };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = { version: content.version, data: toData(section, values) };
    const parsed = updateSectionInput(section).safeParse(body);
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }))));
      return;
    }
    setClientErrors({});
    mutation.mutate(body, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={`Contenu de la section ${label}`} className="fr-mt-2w">
      <div className="fr-grid-row fr-grid-row--gutters">
        {SECTION_FIELDS[section].map((f) => {
          const id = `${section}-${f.path.replace(/\./g, '-')}`;
          const common = {
            id,
            name: f.path,
            label: f.label,
            value: values[f.path] ?? '',
            onChange: set(f.path),
            error: errors[f.path],
            hint: f.hint,
          };
          return (
            <div key={f.path} className="fr-col-12 fr-col-md-6">
              {f.kind === 'select' ? <SelectField {...common} options={optionsOf(f)} /> : null}
              {f.kind === 'yesno' ? <SelectField {...common} options={YES_NO} /> : null}
              {f.kind === 'date' ? <TextField {...common} type="date" /> : null}
              {f.kind === 'text' ? <TextField {...common} maxLength={120} /> : null}
            </div>
          );
        })}
      </div>
      <ErrorAlert error={mutation.error} title="La section n’a pas été enregistrée" />
      {saved ? (
        <p className="fr-message fr-message--valid" role="status">
          Section enregistrée.
        </p>
      ) : null}
      {content.updatedAt ? (
        <p className="fr-text--xs">Dernière modification le {formatDateTime(content.updatedAt)}</p>
      ) : null}
      <Button type="submit" disabled={mutation.isPending}>
        Enregistrer la section
      </Button>
    </form>
  );
}
