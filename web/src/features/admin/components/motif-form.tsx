import { Button } from '@codegouvfr/react-dsfr/Button';
import { MotifInput } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/text-field';
import { issuesToFields, serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useCreateMotif } from '../api/create-motif';
import { useUpdateMotif } from '../api/update-motif';
import type { MotifDto } from '../types';

/** "Accès aux droits" → "acces_aux_droits": a code proposed from the label, editable before creation. */
const codeFrom = (label: string) =>
  label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);

/** Creates a motif, or renames one (its code, stored on the entries, never changes). */
export function MotifForm({ motif, onDone }: { motif?: MotifDto; onDone: () => void }) {
  const [label, setLabel] = useState(motif?.label ?? '');
  const [code, setCode] = useState(motif?.code ?? '');
  const [codeEdited, setCodeEdited] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const createMutation = useCreateMotif();
  const updateMutation = useUpdateMotif();
  const mutation = motif ? updateMutation : createMutation;
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  const prefix = motif ? `motif-${motif.code}` : 'new-motif';

  const handleLabel = (v: string) => {
    setLabel(v);
    if (!motif && !codeEdited) setCode(codeFrom(v));
  };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = MotifInput.safeParse({ code, label, active: motif?.active ?? true });
    if (!parsed.success) {
      setClientErrors(issuesToFields(parsed.error.issues));
      return;
    }
    setClientErrors({});
    if (motif) updateMutation.mutate({ code: motif.code, body: { label: parsed.data.label } }, { onSuccess: onDone });
    else createMutation.mutate(parsed.data, { onSuccess: onDone });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id={`${prefix}-titre`} className="fr-h5">
        {motif ? `Renommer le motif « ${motif.label} »` : 'Créer un motif'}
      </h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-label`}
            name="label"
            label="Libellé"
            value={label}
            onChange={handleLabel}
            error={errors.label}
            required
            autoFocus
            maxLength={100}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-code`}
            name="code"
            label="Code"
            hint="Minuscules, chiffres et _ ; il ne change plus ensuite"
            value={code}
            onChange={(v) => {
              setCode(v);
              setCodeEdited(true);
            }}
            error={errors.code}
            required={!motif}
            disabled={Boolean(motif)}
            maxLength={40}
          />
        </div>
      </div>
      <ErrorAlert error={mutation.error} title={motif ? 'Motif non modifié' : 'Motif non créé'} />
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button type="submit" disabled={mutation.isPending}>
          {motif ? 'Enregistrer' : 'Créer le motif'}
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
