import type { DocumentDto } from '@jalon/core';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatDate, formatDateTime } from '../../../lib/format';
import { documentHref, useDocuments } from '../api/documents';
import { SendLetterForm } from '../../letters/components/send-letter-form';
import { DocumentUpload } from './document-upload';

/** Images and PDFs are previewed in the page; the rest is downloaded. */
function Preview({ doc }: { doc: DocumentDto }) {
  if (doc.mime.startsWith('image/') && doc.mime !== 'image/heic')
    return <img src={documentHref(doc.id)} alt={`Aperçu : ${doc.typeLabel}`} className="jalon-document-preview" />;
  if (doc.mime === 'application/pdf')
    return <iframe src={documentHref(doc.id)} title={`Aperçu : ${doc.typeLabel}`} className="jalon-document-preview" />;
  return <p className="fr-text--sm">Aperçu indisponible pour ce format : téléchargez le fichier.</p>;
}

/** The file's documents (pièces justificatives): list with type, date, validity; upload; preview. */
export function DocumentsTab({ fileId, canAdd }: { fileId: string; canAdd: boolean }) {
  const docs = useDocuments(fileId);
  const [shown, setShown] = useState<string | null>(null);
  if (docs.isPending) return <Loading label="Chargement des documents…" />;
  if (docs.error) return <ErrorAlert error={docs.error} title="Documents indisponibles" titleAs="h3" />;
  const current = docs.data.items.find((d) => d.id === shown);
  return (
    <>
      <h3 className="fr-h5">Documents</h3>
      {canAdd ? <DocumentUpload fileId={fileId} /> : null}
      {canAdd ? <SendLetterForm fileId={fileId} /> : null}
      <DataTable
        caption="Documents du dossier"
        hideCaption
        empty="Aucun document."
        headers={['Type', 'Fichier', 'Déposé le', 'Valable jusqu’au', 'Actions']}
        rows={docs.data.items.map((d) => ({
          key: d.id,
          cells: [
            d.typeLabel,
            d.fileName,
            formatDateTime(d.uploadedAt),
            d.validUntil ? (
              <span key="v">
                {formatDate(d.validUntil)}
                {d.expiring ? (
                  <span className="fr-badge fr-badge--warning fr-badge--sm fr-ml-1w">Expire bientôt</span>
                ) : null}
              </span>
            ) : (
              '—'
            ),
            <span key="a">
              <button
                type="button"
                className="fr-btn fr-btn--sm fr-btn--tertiary fr-mr-1w"
                onClick={() => setShown(d.id)}
              >
                Aperçu
              </button>
              <a className="fr-link fr-text--sm" href={documentHref(d.id)} download={d.fileName}>
                Télécharger
              </a>
            </span>,
          ],
        }))}
      />
      {current ? (
        <section aria-label={`Aperçu du document ${current.fileName}`} className="fr-mt-2w">
          <Preview doc={current} />
        </section>
      ) : null}
    </>
  );
}
