import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { missingForEntryType } from '@jalon/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { fromLocalInput } from '../../../lib/dates';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useCreateEntry, type CreateEntryBody } from '../api/create-entry';
import type { CreatedEntryDto, WorkerDto } from '../types';
import { ClashConfirm } from './clash-confirm';
import { parseDuration, WhenWhereFields, type WhenWhere } from './entry-details-fields';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';

/** What the page's usager picker receives: the chosen file, and the way to change it. */
export interface UsagerPickerProps {
  id: string;
  value: { id: string; label: string } | null;
  onChange: (value: { id: string; label: string } | null) => void;
  error?: string;
  label?: string;
}

interface BookAppointmentFormProps {
  workers: WorkerDto[];
  defaultWorkerId: string;
  day: string;
  /** The slot picked in the week grid (hh:mm); 09:00 otherwise. */
  time?: string;
  /** The usager search comes from the page (the usagers feature). */
  renderUsagerPicker: (props: UsagerPickerProps) => ReactNode;
  onDone: () => void;
}

const ID = 'rdv';

/** A secretary books an appointment for a worker of the site; a clash with the worker's other appointments is refused unless confirmed. */
export function BookAppointmentForm({
  workers,
  defaultWorkerId,
  day,
  time = '09:00',
  renderUsagerPicker,
  onDone,
}: BookAppointmentFormProps) {
  const [usager, setUsager] = useState<{ id: string; label: string } | null>(null);
  const [workerId, setWorkerId] = useState(defaultWorkerId);
  const [when, setWhen] = useState<WhenWhere>({ occurredAt: `${day}T${time}`, durationMinutes: '30', place: 'bureau' });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<{ label: string; result: CreatedEntryDto } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const lastRef = useRef<{ who: { id: string; label: string }; body: CreateEntryBody } | null>(null);
  const mutation = useCreateEntry();
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  // The usager first: the worker and the slot usually come preselected (from the agenda's filter or grid).
  useEffect(() => document.getElementById(`${ID}-usager`)?.focus(), []);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!usager) errs.usager = 'Choisissez l’usager.';
    const missing = missingForEntryType('rendez_vous', { appointmentWorkerId: workerId });
    if (missing) errs[missing.field] = `${missing.message}.`;
    const occurredAt = fromLocalInput(when.occurredAt);
    if (!occurredAt) errs.occurredAt = 'Indiquez la date et l’heure.';
    const duration = parseDuration(when.durationMinutes);
    if (duration === undefined) errs.durationMinutes = 'Durée : un nombre de minutes (0 à 1440).';
    setClientErrors(errs);
    if (Object.keys(errs).length || !usager || !occurredAt) {
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    send(usager, {
      type: 'rendez_vous',
      occurredAt,
      durationMinutes: duration ?? null,
      place: when.place || null,
      appointmentWorkerId: workerId,
    });
  };

  const send = (who: { id: string; label: string }, body: CreateEntryBody) => {
    lastRef.current = { who, body };
    mutation.mutate(
      { fileId: who.id, body },
      {
        onSuccess: (result) => {
          setSaved({ label: who.label, result });
          setUsager(null);
        },
      },
    );
  };
  const confirmClash = () => {
    const last = lastRef.current;
    if (last) send(last.who, { ...last.body, confirmClash: true });
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
        Prendre un rendez-vous
      </h2>
      <RequiredFieldsNote />
      <div role="status" aria-live="polite">
        {saved ? (
          <div className="fr-mb-2w">
            <Alert
              small
              severity={saved.result.warnings.length ? 'warning' : 'success'}
              description={[
                `Rendez-vous enregistré pour ${saved.label}.`,
                ...saved.result.warnings.map((w) => w.message),
              ].join(' ')}
            />
          </div>
        ) : null}
      </div>
      {renderUsagerPicker({ id: `${ID}-usager`, value: usager, onChange: setUsager, error: errors.usager })}
      <SelectField
        id={`${ID}-appointmentWorkerId`}
        name="appointmentWorkerId"
        label="Professionnel du rendez-vous"
        required
        value={workerId}
        onChange={setWorkerId}
        error={errors.appointmentWorkerId}
        options={[{ value: '', label: '— Choisir —' }, ...workers.map((w) => ({ value: w.id, label: w.displayName }))]}
      />
      <WhenWhereFields
        idPrefix={ID}
        values={when}
        onChange={(p) => setWhen((w) => ({ ...w, ...p }))}
        errors={errors}
        dateLabel="Date et heure du rendez-vous"
      />
      <ErrorAlert error={mutation.error} title="Rendez-vous non enregistré">
        <ClashConfirm error={mutation.error} pending={mutation.isPending} onConfirm={confirmClash} />
      </ErrorAlert>
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mt-2w">
        <Button type="submit" iconId="fr-icon-calendar-line" disabled={mutation.isPending}>
          Enregistrer le rendez-vous
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Fermer
        </Button>
      </div>
    </form>
  );
}
