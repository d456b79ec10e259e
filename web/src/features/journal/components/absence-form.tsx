import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ABSENCE_KIND_LABELS, ABSENCE_KINDS, type AbsenceKind } from '@jalon/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { fromLocalInput } from '../../../lib/dates';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useDeclareAbsence } from '../api/absences';
import type { WorkerDto } from '../types';

interface AbsenceFormProps {
  /** Site view (secretary, responsable): the worker is chosen; a social worker declares their own absence. */
  workers: WorkerDto[] | null;
  defaultWorkerId: string;
  day: string;
  onDone: () => void;
}

const ID = 'absence';

/**
 * Declares an absence (docs/api.md, "Absences"): a kind from the list, never a reason in free text. Bookings over it
 * are refused unless confirmed.
 */
export function AbsenceForm({ workers, defaultWorkerId, day, onDone }: AbsenceFormProps) {
  const [workerId, setWorkerId] = useState(defaultWorkerId);
  const [kind, setKind] = useState<AbsenceKind | ''>('');
  const [startsAt, setStartsAt] = useState(`${day}T09:00`);
  const [endsAt, setEndsAt] = useState(`${day}T18:00`);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useDeclareAbsence();
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  useEffect(() => document.getElementById(`${ID}-${workers ? 'workerId' : 'kind'}`)?.focus(), [workers]);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (workers && !workerId) errs.workerId = 'Choisissez le professionnel.';
    if (!kind) errs.kind = 'Motif d’absence obligatoire.';
    const from = fromLocalInput(startsAt);
    const to = fromLocalInput(endsAt);
    if (!from) errs.startsAt = 'Indiquez le début : jj/mm/aaaa et hh:mm.';
    if (!to) errs.endsAt = 'Indiquez la fin : jj/mm/aaaa et hh:mm.';
    else if (from && to <= from) errs.endsAt = 'La fin de l’absence doit suivre son début.';
    setClientErrors(errs);
    if (Object.keys(errs).length || !from || !to || !kind) {
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaved(false);
    mutation.mutate(
      { ...(workers ? { workerId } : {}), kind, startsAt: from, endsAt: to },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${ID}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h2 id={`${ID}-titre`} className="fr-h5">
        Déclarer une absence
      </h2>
      <RequiredFieldsNote />
      <div role="status" aria-live="polite">
        {saved ? (
          <div className="fr-mb-2w">
            <Alert small severity="success" description="Absence enregistrée : elle apparaît dans l’agenda." />
          </div>
        ) : null}
      </div>
      {workers ? (
        <SelectField
          id={`${ID}-workerId`}
          name="workerId"
          label="Professionnel absent"
          required
          value={workerId}
          onChange={setWorkerId}
          error={errors.workerId}
          options={[
            { value: '', label: '— Choisir —' },
            ...workers.map((w) => ({ value: w.id, label: w.displayName })),
          ]}
        />
      ) : null}
      <SelectField
        id={`${ID}-kind`}
        name="kind"
        label="Motif d’absence"
        hint="Jamais le motif médical d’un arrêt : « Absence » suffit."
        required
        value={kind}
        onChange={(v) => setKind(v as AbsenceKind | '')}
        error={errors.kind}
        options={[
          { value: '', label: '— Choisir —' },
          ...ABSENCE_KINDS.map((k) => ({ value: k, label: ABSENCE_KIND_LABELS[k] })),
        ]}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${ID}-startsAt`}
            name="startsAt"
            type="datetime-local"
            label="Début"
            hint="jj/mm/aaaa hh:mm"
            required
            value={startsAt}
            onChange={setStartsAt}
            error={errors.startsAt}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${ID}-endsAt`}
            name="endsAt"
            type="datetime-local"
            label="Fin"
            hint="jj/mm/aaaa hh:mm"
            required
            value={endsAt}
            onChange={setEndsAt}
            error={errors.endsAt}
          />
        </div>
      </div>
      <ErrorAlert error={mutation.error} title="Absence non enregistrée" />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mt-2w">
        <Button type="submit" iconId="fr-icon-calendar-line" disabled={mutation.isPending}>
          Enregistrer l’absence
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Fermer
        </Button>
      </div>
    </form>
  );
}
