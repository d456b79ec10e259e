import { Button } from '@codegouvfr/react-dsfr/Button';
import { AddMemberInput } from '@jalon/core';
import { useRef, useState, type FormEvent } from 'react';
import { CodeSelect } from '../../../components/ui/code-select';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { submitOnEnter, useFocusFirstError } from '../../../hooks/use-focus-first-error';
import { today } from '../../../lib/format';
import { issuesToFields, serverFieldErrors, stripPrefix, type FieldErrors } from '../../../lib/form';
import { useAddMember, type AddMemberBody } from '../api/add-member';

const REASONS = [
  { value: 'arrivee', label: 'Arrivée dans le foyer' },
  { value: 'naissance', label: 'Naissance' },
];

const initialValues = () => ({
  birthName: '',
  usedName: '',
  firstNames: '',
  sex: '',
  birthDate: '',
  relationship: '',
  startDate: today(),
  reason: 'arrivee',
});

/** A new person joins the household; ids are prefixed so they never clash with the file's own fields. */
export function AddMemberForm({ usagerId, onDone }: { usagerId: string; onDone: () => void }) {
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useAddMember(usagerId);
  const formRef = useRef<HTMLFormElement>(null);
  const server = serverFieldErrors(mutation.error);
  const errors = { ...server, ...stripPrefix(server, 'person'), ...clientErrors };
  const focusError = useFocusFirstError(formRef, Object.keys(errors).length);
  const set = (key: keyof ReturnType<typeof initialValues>) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: AddMemberBody = {
      person: {
        birthName: values.birthName,
        usedName: values.usedName,
        firstNames: values.firstNames,
        sex: values.sex || null,
        birthDate: values.birthDate,
      },
      relationship: values.relationship,
      startDate: values.startDate,
      reason: values.reason === 'naissance' ? 'naissance' : 'arrivee',
    };
    const parsed = AddMemberInput.safeParse(body);
    if (!parsed.success) {
      setClientErrors(stripPrefix(issuesToFields(parsed.error.issues), 'person'));
      focusError.request();
      return;
    }
    setClientErrors({});
    mutation.mutate(body, { onSuccess: onDone, onError: () => focusError.request() });
  };

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      onKeyDown={submitOnEnter}
      noValidate
      aria-labelledby="ajout-membre-titre"
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id="ajout-membre-titre" className="fr-h5">
        Ajouter une personne au foyer
      </h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id="member-birthName"
            name="birthName"
            label="Nom de naissance"
            value={values.birthName}
            onChange={set('birthName')}
            error={errors.birthName}
            required
            autoFocus
            autoComplete="off"
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id="member-usedName"
            name="usedName"
            label="Nom d’usage"
            value={values.usedName}
            onChange={set('usedName')}
            error={errors.usedName}
            autoComplete="off"
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id="member-firstNames"
            name="firstNames"
            label="Prénom(s)"
            value={values.firstNames}
            onChange={set('firstNames')}
            error={errors.firstNames}
            required
            autoComplete="off"
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <CodeSelect
            list="sexe"
            id="member-sex"
            name="sex"
            value={values.sex}
            onChange={set('sex')}
            error={errors.sex}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id="member-birthDate"
            name="birthDate"
            label="Date de naissance"
            type="date"
            value={values.birthDate}
            onChange={set('birthDate')}
            error={errors.birthDate}
            required
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <CodeSelect
            list="lienPersonneReference"
            id="member-relationship"
            name="relationship"
            emptyLabel="— Choisir —"
            value={values.relationship}
            onChange={set('relationship')}
            error={errors.relationship}
            required
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id="member-startDate"
            name="startDate"
            label="Date d’arrivée dans le foyer"
            type="date"
            value={values.startDate}
            onChange={set('startDate')}
            error={errors.startDate}
            required
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <SelectField
            id="member-reason"
            name="reason"
            label="Motif"
            value={values.reason}
            onChange={set('reason')}
            options={REASONS}
            error={errors.reason}
          />
        </div>
      </div>
      <ErrorAlert error={mutation.error} title="La personne n’a pas été ajoutée" />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" iconId="fr-icon-user-add-line" disabled={mutation.isPending}>
          Ajouter au foyer
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
