import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  DEFAULT_PLACE,
  entryTypeHasField,
  missingForEntryType,
  NOTE_VISIBILITIES,
  NOTE_VISIBILITY_LABELS,
  type EntryType,
  type NoteVisibility,
} from '@jalon/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { fromLocalInput, toLocalInput } from '../../../lib/dates';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useCreateEntry, type CreateEntryBody } from '../api/create-entry';
import { useMotifs } from '../api/get-motifs';
import { usePartners } from '../api/get-partners';
import { useSiteWorkers } from '../api/get-site-workers';
import { DEFAULT_DURATION, NOTE_FIRST_TYPES, pickerTypes } from '../entry-types';
import { lintNote } from '../lint';
import type { CreatedEntryDto, PersonOption } from '../types';
import { ChoiceCheckboxes } from './choice-checkboxes';
import { ClashConfirm } from './clash-confirm';
import { parseDuration, WhenWhereFields, type WhenWhere } from './entry-details-fields';
import { NoteField } from './note-field';
import { TypePicker } from './type-picker';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';

const ID = 'nouvelle-entree';
const VISIBILITY_OPTIONS = NOTE_VISIBILITIES.map((v) => ({ value: v, label: NOTE_VISIBILITY_LABELS[v] }));

interface EntryFormProps {
  fileId: string;
  /** A secretary records reception and appointments only, without a note. */
  secretary: boolean;
  /** The types the caller may record here (`can.entryTypes`). */
  entryTypes: readonly EntryType[];
  persons: PersonOption[];
  /** Worker of a new appointment by default (me, or the file's référent for a secretary). */
  defaultWorkerId: string;
  onSaved: (result: CreatedEntryDto, type: EntryType) => void;
  onCancel: () => void;
}

interface Draft extends WhenWhere {
  type: EntryType | '';
  motifs: string[];
  personIds: string[];
  note: string;
  visibility: NoteVisibility;
  partnerId: string;
  orientationReason: string;
  appointmentWorkerId: string;
}

/** Ctrl+Entrée saves from anywhere; Entrée saves from any field but the note (and buttons keep their own Entrée). */
export const handleSaveKeys = (e: KeyboardEvent<HTMLFormElement>) => {
  if (e.key !== 'Enter') return;
  const t = e.target as HTMLElement;
  const ctrl = e.ctrlKey || e.metaKey;
  const choice =
    t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'radio'));
  if (ctrl || choice) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
};

/** The new-entry form, keyboard first: the type picker has the focus, a phone call is saved in three keys. */
export function EntryForm({
  fileId,
  secretary,
  entryTypes,
  persons,
  defaultWorkerId,
  onSaved,
  onCancel,
}: EntryFormProps) {
  // The default date is the moment the form opened, to the second (entries of the same minute keep their order).
  const [openedAt] = useState(() => new Date());
  const [draft, setDraft] = useState<Draft>(() => ({
    type: '',
    occurredAt: toLocalInput(openedAt),
    durationMinutes: '',
    place: '',
    motifs: [],
    personIds: [],
    note: '',
    visibility: 'referents',
    partnerId: '',
    orientationReason: '',
    appointmentWorkerId: defaultWorkerId,
  }));
  const [touched, setTouched] = useState({ durationMinutes: false, place: false });
  const [confirmed, setConfirmed] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverFlag, setServerFlag] = useState<string | undefined>();
  const firstRadio = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const lastBody = useRef<CreateEntryBody | null>(null);
  const mutation = useCreateEntry();
  const motifs = useMotifs();
  const partners = usePartners(draft.type === 'orientation');
  const workers = useSiteWorkers(draft.type === 'rendez_vous');
  const flagged = isApiError(mutation.error) && mutation.error.code === 'note_flagged';
  const errors: FieldErrors = { ...(flagged ? {} : serverFieldErrors(mutation.error)), ...clientErrors };

  useEffect(() => firstRadio.current?.focus(), []);
  // Ctrl+Entrée saves even when the focus has left the form (a click elsewhere on the page, a tab refocused).
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      if (formRef.current?.contains(e.target as Node) || document.querySelector('dialog[open], .fr-modal--opened'))
        return;
      e.preventDefault();
      formRef.current?.requestSubmit();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const handleWhenWhere = (p: Partial<WhenWhere>) => {
    setTouched((t) => ({
      durationMinutes: t.durationMinutes || 'durationMinutes' in p,
      place: t.place || 'place' in p,
    }));
    patch(p);
  };
  const handleType = (type: EntryType) =>
    setDraft((d) => ({
      ...d,
      type,
      durationMinutes: touched.durationMinutes ? d.durationMinutes : String(DEFAULT_DURATION[type] ?? ''),
      place: touched.place ? d.place : (DEFAULT_PLACE[type] ?? (type === 'rendez_vous' ? 'bureau' : '')),
    }));

  const types = pickerTypes(entryTypes);
  const focusLater = (selector: string) =>
    setTimeout(() => formRef.current?.querySelector<HTMLElement>(selector)?.focus());

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (!draft.type) errs.type = 'Choisissez le type d’entrée (une lettre suffit).';
    const occurredAt =
      draft.occurredAt === toLocalInput(openedAt) ? openedAt.toISOString() : fromLocalInput(draft.occurredAt);
    if (!occurredAt) errs.occurredAt = 'Indiquez la date et l’heure.';
    const duration = parseDuration(draft.durationMinutes);
    if (duration === undefined) errs.durationMinutes = 'Durée : un nombre de minutes (0 à 1440).';
    // What the type requires (core ENTRY_TYPE_RULES, the server's check too).
    const missing = draft.type ? missingForEntryType(draft.type, draft) : null;
    if (missing) errs[missing.field] = `${missing.message}.`;
    const note = secretary ? '' : draft.note.trim();
    if (note && lintNote(note).length > 0 && !confirmed)
      errs.confirmFlags = 'Reformulez, ou cochez « Je confirme cette formulation ».';
    setClientErrors(errs);
    if (Object.keys(errs).length || !draft.type || !occurredAt) {
      focusLater(errs.type ? `#${ID}-type-${types[0]}` : '[aria-invalid="true"]');
      return;
    }
    const type = draft.type;
    const body: CreateEntryBody = {
      type,
      occurredAt,
      durationMinutes: duration ?? null,
      place: draft.place || null,
      motifs: draft.motifs,
      personIds: draft.personIds,
      ...(note ? { note, visibility: draft.visibility, confirmFlags: confirmed } : {}),
      ...(entryTypeHasField(type, 'partnerId') ? { partnerId: draft.partnerId } : {}),
      ...(entryTypeHasField(type, 'orientationReason') ? { orientationReason: draft.orientationReason } : {}),
      ...(entryTypeHasField(type, 'appointmentWorkerId') ? { appointmentWorkerId: draft.appointmentWorkerId } : {}),
    };
    send(body);
  };

  const send = (body: CreateEntryBody) => {
    lastBody.current = body;
    mutation.mutate(
      { fileId, body },
      {
        onSuccess: (result) => onSaved(result, body.type),
        onError: (err) => {
          if (isApiError(err) && err.code === 'note_flagged') {
            setServerFlag(err.message);
            setConfirmed(false);
            focusLater(`#${ID}-note-confirm`);
          } else focusLater('[aria-invalid="true"], .fr-alert--error');
        },
      },
    );
  };

  const motifOptions = (motifs.data?.items ?? [])
    .filter((m) => m.active)
    .map((m) => ({ value: m.code, label: m.label }));
  const activePartners = (partners.data?.items ?? []).filter((p) => p.active);

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      onKeyDown={handleSaveKeys}
      noValidate
      aria-labelledby={`${ID}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey jalon-entry-form"
    >
      <h3 id={`${ID}-titre`} className="fr-h5">
        Nouvelle entrée
      </h3>
      <RequiredFieldsNote />
      <p className="fr-text--sm">
        <kbd className="jalon-kbd">Ctrl</kbd> + <kbd className="jalon-kbd">Entrée</kbd> enregistre depuis n’importe quel
        champ.
      </p>
      <TypePicker
        idPrefix={ID}
        types={types}
        value={draft.type}
        onChange={handleType}
        error={errors.type}
        firstRef={firstRadio}
        onPickedByKey={(t) => {
          if (!secretary && NOTE_FIRST_TYPES.has(t)) focusLater(`#${ID}-note`);
        }}
      />
      {draft.type === 'orientation' ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <SelectField
              id={`${ID}-partnerId`}
              name="partnerId"
              label="Partenaire"
              required
              value={draft.partnerId}
              onChange={(v) => patch({ partnerId: v })}
              error={errors.partnerId}
              options={[
                { value: '', label: partners.isPending ? 'Chargement…' : '— Choisir —' },
                ...activePartners.map((p) => ({ value: p.id, label: `${p.name} (${p.kind})` })),
              ]}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <TextField
              id={`${ID}-orientationReason`}
              name="orientationReason"
              label="Motif de l’orientation"
              maxLength={500}
              value={draft.orientationReason}
              onChange={(v) => patch({ orientationReason: v })}
              error={errors.orientationReason}
            />
          </div>
        </div>
      ) : null}
      {draft.type === 'rendez_vous' ? (
        <SelectField
          id={`${ID}-appointmentWorkerId`}
          name="appointmentWorkerId"
          label="Professionnel du rendez-vous"
          required
          value={draft.appointmentWorkerId}
          onChange={(v) => patch({ appointmentWorkerId: v })}
          error={errors.appointmentWorkerId}
          options={[
            { value: '', label: '— Choisir —' },
            ...(workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.displayName })),
          ]}
        />
      ) : null}
      {motifOptions.length ? (
        <ChoiceCheckboxes
          idPrefix={ID}
          name="motifs"
          legend="Motifs"
          options={motifOptions}
          value={draft.motifs}
          onChange={(v) => patch({ motifs: v })}
          error={errors.motifs}
        />
      ) : null}
      <WhenWhereFields
        idPrefix={ID}
        values={draft}
        onChange={handleWhenWhere}
        errors={errors}
        dateLabel={draft.type === 'rendez_vous' ? 'Date et heure du rendez-vous' : 'Date et heure'}
      />
      {persons.length ? (
        <ChoiceCheckboxes
          idPrefix={ID}
          name="personIds"
          legend="Autres personnes du foyer concernées"
          options={persons.map((p) => ({ value: p.id, label: p.name }))}
          value={draft.personIds}
          onChange={(v) => patch({ personIds: v })}
          error={errors.personIds}
        />
      ) : null}
      {!secretary ? (
        <>
          <NoteField
            idPrefix={ID}
            value={draft.note}
            onChange={(v) => patch({ note: v })}
            confirmed={confirmed}
            onConfirmedChange={setConfirmed}
            serverFlagMessage={serverFlag}
            confirmError={errors.confirmFlags}
            error={errors.note}
          />
          <SelectField
            id={`${ID}-visibility`}
            name="visibility"
            label="Qui peut lire la note"
            value={draft.visibility}
            onChange={(v) => patch({ visibility: v as NoteVisibility })}
            options={VISIBILITY_OPTIONS}
            error={errors.visibility}
          />
        </>
      ) : null}
      {!flagged ? (
        <ErrorAlert error={mutation.error} title="Entrée non enregistrée">
          <ClashConfirm
            error={mutation.error}
            pending={mutation.isPending}
            onConfirm={() => lastBody.current && send({ ...lastBody.current, confirmClash: true })}
          />
        </ErrorAlert>
      ) : null}
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mt-2w">
        <Button type="submit" iconId="fr-icon-save-line" disabled={mutation.isPending}>
          Enregistrer (Ctrl+Entrée)
        </Button>
        <Button type="button" priority="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
