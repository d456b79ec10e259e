import { useState } from 'react';
import { formatDate } from '../../../lib/format';
import { documentHref, useDocuments } from '../api/documents';
import { DocumentUpload } from './document-upload';

/** What the journal may do with documents (from the file's `can`): absent, the entries show none. */
export interface EntryDocumentsAccess {
  canAdd: boolean;
}

/**
 * The documents attached to one journal entry (docs/api.md, "Documents": `entryId`), and the form that attaches one.
 * The file's list is fetched once and shared by every entry (same query as the Documents tab).
 */
export function EntryDocuments({
  fileId,
  entryId,
  canAdd,
  describedBy,
}: {
  fileId: string;
  entryId: string;
  canAdd: boolean;
  describedBy: string;
}) {
  const docs = useDocuments(fileId);
  const [open, setOpen] = useState(false);
  const mine = (docs.data?.items ?? []).filter((d) => d.entryId === entryId);
  if (!mine.length && !canAdd) return null;
  return (
    <div className="fr-mb-1w">
      {mine.length ? (
        <>
          <p className="fr-text--sm fr-mb-1v">
            <strong>Documents joints</strong>
          </p>
          <ul className="fr-text--sm" aria-label="Documents joints à l’entrée">
            {mine.map((d) => (
              <li key={d.id}>
                <a className="fr-link fr-link--sm" href={documentHref(d.id)} target="_blank" rel="noopener">
                  {d.typeLabel} — {d.fileName}
                </a>
                {d.validUntil ? ` (valable jusqu’au ${formatDate(d.validUntil)})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canAdd && !open ? (
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-attachment-line fr-btn--icon-left"
          aria-describedby={describedBy}
          onClick={() => setOpen(true)}
        >
          Joindre un document
        </button>
      ) : null}
      {canAdd && open ? (
        <div className="fr-p-2w fr-background-alt--grey">
          <DocumentUpload fileId={fileId} entryId={entryId} onUploaded={() => setOpen(false)} />
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => setOpen(false)}>
            Fermer
          </button>
        </div>
      ) : null}
    </div>
  );
}
