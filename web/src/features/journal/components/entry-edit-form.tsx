import { Button } from '@codegouvfr/react-dsfr/Button';
import { NOTE_VISIBILITIES, NOTE_VISIBILITY_LABELS, type NoteVisibility } from '@jalon/core';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { fromLocalInput, toLocalInput } from '../../../lib/dates';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useMotifs } from '../api/get-motifs';
import { useUpdateEntry, type UpdateEntryBody } from '../api/update-entry';
import { lintNote } from '../lint';
import type { EntryDto } from '../types';
import { ChoiceCheckboxes } from './choice-checkboxes';
import { parseDuration, WhenWhereFields, type WhenWhere } from './entry-details-fields';
import { handleSaveKeys } from './entry-form';
import { NoteField } from './note-field';
import { ClashConfirm } from './clash-confirm';

const VISIBILITY_OPTIONS = NOTE_VISIBILITIES.map((v) => ({ value: v, label: NOTE_VISIBILITY_LABELS[v] }));

/** The author rewrites an entry (after 24 h the server keeps the previous version). Only changed fields are sent. */
export function EntryEditForm({ fileId, entry, onDone }: { fileId: string; entry: EntryDto; onDone: () => void }) {
  const prefix = `modifier-${entry.id}`;
  const initial = {
    occurredAt: toLocalInput(new Date(entry.occurredAt)),
    durationMinutes: entry.durationMinutes === null ? '' : String(entry.durationMinutes),
    place: entry.place ?? '',
    motifs: entry.motifs.map((m) => m.code),
    note: entry.note ?? '',
    visibility: entry.visibility,
    orientationOutcome: entry.orientation?.outcome ?? '',
  } as const;
  const [values, setValues] = useState<
    WhenWhere & { motifs: string[]; note: string; visibility: NoteVisibility; orientationOutcome: string }
  >({
    ...initial,
    motifs: [...initial.motifs],
  });
  const [confirmed, setConfirmed] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverFlag, setServerFlag] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const lastBody = useRef<UpdateEntryBody | null>(null);
  const mutation = useUpdateEntry(fileId);
  const motifs = useMotifs();
  const flagged = isApiError(mutation.error) && mutation.error.code === 'note_flagged';
  const errors = { ...(flagged ? {} : serverFieldErrors(mutation.error)), ...clientErrors };
  const canNote = entry.note !== undefined;
  const patch = (p: Partial<typeof values>) => setValues((v) => ({ ...v, ...p }));
  const noteChanged = canNote && values.note.trim() !== initial.note.trim();

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    const occurredAt = fromLocalInput(values.occurredAt);
    if (!occurredAt) errs.occurredAt = 'Indiquez la date et l’heure.';
    const duration = parseDuration(values.durationMinutes);
    if (duration === undefined) errs.durationMinutes = 'Durée : un nombre de minutes (0 à 1440).';
    if (noteChanged && values.note.trim() && lintNote(values.note).length > 0 && !confirmed) {
      errs.confirmFlags = 'Reformulez, ou cochez « Je confirme cette formulation ».';
    }
    setClientErrors(errs);
    if (Object.keys(errs).length || !occurredAt) {
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const body: UpdateEntryBody = { version: entry.version };
    if (values.occurredAt !== initial.occurredAt) body.occurredAt = occurredAt;
    if (values.durationMinutes !== initial.durationMinutes) body.durationMinutes = duration ?? null;
    if (values.place !== initial.place) body.place = values.place || null;
    if (values.motifs.join() !== initial.motifs.join()) body.motifs = values.motifs;
    if (noteChanged) Object.assign(body, { note: values.note.trim() || null, confirmFlags: confirmed });
    if (canNote && values.visibility !== initial.visibility) body.visibility = values.visibility;
    if (entry.orientation && values.orientationOutcome !== initial.orientationOutcome)
      body.orientationOutcome = values.orientationOutcome;
    send(body);
  };

  const send = (body: UpdateEntryBody) => {
    lastBody.current = body;
    mutation.mutate(
      { entryId: entry.id, body },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (isApiError(err) && err.code === 'note_flagged') {
            setServerFlag(err.message);
            setConfirmed(false);
          }
        },
      },
    );
  };

  const motifOptions = (motifs.data?.items ?? [])
    .filter((m) => m.active || initial.motifs.includes(m.code))
    .map((m) => ({ value: m.code, label: m.label }));

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      onKeyDown={handleSaveKeys}
      noValidate
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-2w fr-mt-2w fr-background-alt--grey"
    >
      <h5 id={`${prefix}-titre`} className="fr-h6">
        Modifier l’entrée « {entry.typeLabel} »
      </h5>
      {entry.orientation ? (
        <TextField
          id={`${prefix}-orientationOutcome`}
          name="orientationOutcome"
          label="Suite donnée à l’orientation"
          maxLength={500}
          value={values.orientationOutcome}
          onChange={(v) => patch({ orientationOutcome: v })}
          error={errors.orientationOutcome}
          autoFocus
        />
      ) : null}
      <WhenWhereFields idPrefix={prefix} values={values} onChange={patch} errors={errors} />
      {motifOptions.length ? (
        <ChoiceCheckboxes
          idPrefix={prefix}
          name="motifs"
          legend="Motifs"
          options={motifOptions}
          value={values.motifs}
          onChange={(v) => patch({ motifs: v })}
          error={errors.motifs}
        />
      ) : null}
      {canNote ? (
        <>
          <NoteField
            idPrefix={prefix}
            value={values.note}
            onChange={(v) => patch({ note: v })}
            confirmed={confirmed}
            onConfirmedChange={setConfirmed}
            serverFlagMessage={serverFlag}
            confirmError={errors.confirmFlags}
            error={errors.note}
          />
          <SelectField
            id={`${prefix}-visibility`}
            name="visibility"
            label="Qui peut lire la note"
            value={values.visibility}
            onChange={(v) => patch({ visibility: v as NoteVisibility })}
            options={VISIBILITY_OPTIONS}
          />
        </>
      ) : null}
      {!flagged ? (
        <ErrorAlert error={mutation.error} title="Entrée non modifiée" titleAs="h4">
          {/* A move onto a taken slot or an absence (docs/api.md, "Journal", PATCH): saved only on purpose. */}
          <ClashConfirm
            error={mutation.error}
            pending={mutation.isPending}
            onConfirm={() => lastBody.current && send({ ...lastBody.current, confirmClash: true })}
          />
        </ErrorAlert>
      ) : null}
      <div className="fr-btns-group fr-btns-group--inline-sm">
        <Button type="submit" disabled={mutation.isPending}>
          Enregistrer
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
