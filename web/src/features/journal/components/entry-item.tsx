import { Button } from '@codegouvfr/react-dsfr/Button';
import { NOTE_VISIBILITY_LABELS, PLACE_LABELS } from '@jalon/core';
import { useState, type ReactNode } from 'react';
import { DescriptionList } from '../../../components/ui/description-list';
import { formatDuration, parisTime } from '../../../lib/dates';
import { formatDateTime } from '../../../lib/format';
import { EntryDocuments, type EntryDocumentsAccess } from '../../documents/components/entry-documents';
import type { EntryDto } from '../types';
import { AppointmentStatusBadge } from './appointment-status-badge';
import { DeleteEntryForm } from './delete-entry-form';
import { EntryEditForm } from './entry-edit-form';
import { StatusButtons } from './status-buttons';
import { StatusHistory } from './status-history';

interface EntryItemProps {
  fileId: string;
  entry: EntryDto;
  /** Names of the household members, to show who the entry concerns. */
  personNames: Map<string, string>;
  /** The file's documents as the caller may use them; absent, no document is shown on the entry. */
  documents?: EntryDocumentsAccess;
}

/** One entry of the timeline: header, details, note (or its restriction), and the actions the server allows. */
export function EntryItem({ fileId, entry: e, personNames, documents }: EntryItemProps) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const time = parisTime(e.occurredAt);
  const headingId = `entree-${e.id}`;
  const persons = e.personIds
    .map((id) => personNames.get(id))
    .filter(Boolean)
    .join(', ');
  const details: [string, ReactNode][] = [
    ['Date', formatDateTime(e.occurredAt)],
    ...(e.durationMinutes ? ([['Durée', formatDuration(e.durationMinutes)]] as [string, string][]) : []),
    ['Par', e.author.displayName],
    ...(e.place ? ([['Lieu', PLACE_LABELS[e.place] ?? e.place]] as [string, string][]) : []),
    ...(e.motifs.length ? ([['Motifs', e.motifs.map((m) => m.label).join(', ')]] as [string, string][]) : []),
    ...(persons ? ([['Personnes concernées', persons]] as [string, string][]) : []),
  ];
  if (e.appointment) {
    details.push(['Professionnel', e.appointment.workerName ?? '—']);
  }
  if (e.orientation) {
    details.push(['Partenaire', e.orientation.partnerName ?? '—']);
    if (e.orientation.reason) details.push(['Motif de l’orientation', e.orientation.reason]);
    details.push(['Suite donnée', e.orientation.outcome ?? 'Sans suite connue pour l’instant']);
  }
  const status = e.appointment?.status ?? null;

  return (
    <article aria-labelledby={headingId} className="jalon-entry">
      <h4 id={headingId} className="fr-h6 fr-mb-1w">
        {e.typeLabel} — {time}
        <AppointmentStatusBadge status={status} className="fr-ml-1w" />
      </h4>
      <DescriptionList items={details} />
      {e.note ? (
        <div className="jalon-note">
          <p className="fr-text--sm fr-mb-1v">
            <strong>Note</strong> — visible : {NOTE_VISIBILITY_LABELS[e.visibility]}
          </p>
          <p className="jalon-note-text fr-mb-1w">{e.note}</p>
        </div>
      ) : e.noteRestricted ? (
        <p className="fr-text--sm jalon-note-restricted">
          <span className="fr-icon-lock-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
          Note réservée ({NOTE_VISIBILITY_LABELS[e.visibility]})
        </p>
      ) : null}
      {e.can.setStatus && e.appointment ? (
        <StatusButtons
          fileId={fileId}
          entryId={e.id}
          status={status}
          allowed={e.appointment.allowed}
          label={`${e.typeLabel} du ${formatDateTime(e.occurredAt)}`}
        />
      ) : null}
      {e.can.printConvocation ? (
        <p className="fr-mb-1w">
          <a
            className="fr-link fr-link--sm fr-icon-printer-line fr-link--icon-left"
            href={`/api/appointments/${e.id}/convocation.pdf`}
            target="_blank"
            rel="noopener"
            aria-describedby={headingId}
          >
            Convocation
          </a>
        </p>
      ) : null}
      {documents ? (
        <EntryDocuments fileId={fileId} entryId={e.id} canAdd={documents.canAdd} describedBy={headingId} />
      ) : null}
      {e.appointment?.history.length ? <StatusHistory history={e.appointment.history} /> : null}
      {mode === 'view' && (e.can.edit || e.can.delete) ? (
        <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
          {e.can.edit ? (
            <Button
              priority="tertiary"
              size="small"
              iconId="fr-icon-edit-line"
              onClick={() => setMode('edit')}
              nativeButtonProps={{ 'aria-describedby': headingId }}
            >
              Modifier
            </Button>
          ) : null}
          {e.can.delete ? (
            <Button
              priority="tertiary"
              size="small"
              iconId="fr-icon-delete-line"
              onClick={() => setMode('delete')}
              nativeButtonProps={{ 'aria-describedby': headingId }}
            >
              Supprimer
            </Button>
          ) : null}
        </div>
      ) : null}
      {mode === 'edit' ? <EntryEditForm fileId={fileId} entry={e} onDone={() => setMode('view')} /> : null}
      {mode === 'delete' ? <DeleteEntryForm fileId={fileId} entryId={e.id} onDone={() => setMode('view')} /> : null}
    </article>
  );
}
