import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ENTRY_TYPE_LABELS, type EntryType } from '@jalon/core';
import { useEffect, useRef, useState } from 'react';
import { SelectField } from '../../../components/ui/select-field';
import { useMotifs } from '../api/get-motifs';
import type { TimelineFilters } from '../api/get-timeline';
import type { EntryDocumentsAccess } from '../../documents/components/entry-documents';
import { pickerTypes } from '../entry-types';
import type { CreatedEntryDto, PersonOption } from '../types';
import { EntryForm } from './entry-form';
import { Timeline } from './timeline';

interface JournalTabProps {
  fileId: string;
  /** A secretary sees and records reception and appointments only, never a note. */
  secretary: boolean;
  /** The types the caller may record here (`can.entryTypes`). */
  entryTypes: readonly EntryType[];
  persons: PersonOption[];
  defaultWorkerId: string;
  /** The new-entry form is open (the `n` key of the file page opens it). */
  formOpen: boolean;
  onFormOpenChange: (open: boolean) => void;
  /** Documents on the entries (the full part's need-to-know); absent for the others. */
  documents?: EntryDocumentsAccess;
}

/** The "Journal" tab of the file: new entry, filters, timeline. */
export function JournalTab({
  fileId,
  secretary,
  entryTypes,
  persons,
  defaultWorkerId,
  formOpen,
  onFormOpenChange,
  documents,
}: JournalTabProps) {
  const [filters, setFilters] = useState<TimelineFilters>({ type: '', motif: '' });
  const [saved, setSaved] = useState<{ result: CreatedEntryDto; type: EntryType } | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(formOpen);
  const motifs = useMotifs();
  const personNames = new Map(persons.map((p) => [p.id, p.name]));
  const types = pickerTypes(entryTypes);

  // Closing the form gives the focus back to the button, so that `n` (or Entrée) starts the next entry.
  useEffect(() => {
    if (wasOpen.current && !formOpen) newButton.current?.focus();
    if (formOpen) setSaved(null);
    wasOpen.current = formOpen;
  }, [formOpen]);

  const handleSaved = (result: CreatedEntryDto, type: EntryType) => {
    onFormOpenChange(false);
    setSaved({ result, type });
  };

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <h2 className="fr-h4 fr-col fr-mb-0">Journal</h2>
        {!formOpen ? (
          <button
            ref={newButton}
            type="button"
            className="fr-btn fr-btn--icon-left fr-icon-add-line"
            aria-keyshortcuts="n"
            onClick={() => onFormOpenChange(true)}
          >
            Nouvelle entrée (n)
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite">
        {saved ? (
          <div className="fr-mb-3w">
            <Alert
              small
              severity={saved.result.warnings.length ? 'warning' : 'success'}
              description={[
                `Entrée enregistrée : ${ENTRY_TYPE_LABELS[saved.type]}.`,
                ...saved.result.warnings.map((w) => w.message),
              ].join(' ')}
            />
          </div>
        ) : null}
      </div>
      {formOpen ? (
        <EntryForm
          fileId={fileId}
          secretary={secretary}
          entryTypes={entryTypes}
          persons={persons}
          defaultWorkerId={defaultWorkerId}
          onSaved={handleSaved}
          onCancel={() => onFormOpenChange(false)}
        />
      ) : null}
      <form
        className="fr-grid-row fr-grid-row--gutters fr-mb-2w"
        aria-label="Filtrer le journal"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="fr-col-12 fr-col-md-6">
          <SelectField
            id="journal-filtre-type"
            name="type"
            label="Filtrer par type"
            value={filters.type ?? ''}
            onChange={(v) => setFilters((f) => ({ ...f, type: v as EntryType | '' }))}
            options={[
              { value: '', label: 'Tous les types' },
              ...types.map((t) => ({ value: t, label: ENTRY_TYPE_LABELS[t] })),
            ]}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <SelectField
            id="journal-filtre-motif"
            name="motif"
            label="Filtrer par motif"
            value={filters.motif ?? ''}
            onChange={(v) => setFilters((f) => ({ ...f, motif: v }))}
            options={[
              { value: '', label: 'Tous les motifs' },
              ...(motifs.data?.items ?? []).map((m) => ({ value: m.code, label: m.label })),
            ]}
          />
        </div>
      </form>
      <Timeline fileId={fileId} filters={filters} personNames={personNames} documents={documents} />
    </>
  );
}
