import { Button } from '@codegouvfr/react-dsfr/Button';
import { DOCUMENT_TYPES } from '@jalon/core';
import { useId, useState, type DragEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useUploadDocument } from '../api/documents';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';

/** Drag-and-drop or file picker, a type from the list, an optional validity date (a titre de séjour expires). */
export function DocumentUpload({
  fileId,
  entryId,
  onUploaded,
}: {
  fileId: string;
  /** Attaches the document to this journal entry too. */
  entryId?: string;
  onUploaded?: () => void;
}) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [over, setOver] = useState(false);
  const upload = useUploadDocument();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) setFile(f);
  };
  const submit = () => {
    if (!file || !type) return;
    upload.mutate(
      { fileId, file, type, validUntil, entryId },
      {
        onSuccess: () => {
          setFile(null);
          setValidUntil('');
          onUploaded?.();
        },
      },
    );
  };
  return (
    <form
      className="fr-mb-3w"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <RequiredFieldsNote />
      <div
        className={`jalon-dropzone fr-p-3w fr-mb-2w${over ? ' jalon-dropzone--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <div className="fr-upload-group">
          <label className="fr-label" htmlFor={`${id}-file`}>
            <span className="jalon-required">Fichier (glissez-le ici ou choisissez-le)</span>
            <span className="fr-hint-text">PDF, JPEG, PNG, HEIC, Word, Excel ou OpenDocument ; 15 Mo au plus.</span>
          </label>
          <input
            id={`${id}-file`}
            className="fr-upload"
            type="file"
            required
            aria-required="true"
            accept=".pdf,.jpg,.jpeg,.png,.heic,.doc,.docx,.xls,.xlsx,.odt,.ods,.ppt,.pptx,.odp"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {file ? <p className="fr-text--sm fr-mt-1w fr-mb-0">Fichier choisi : {file.name}</p> : null}
      </div>
      <div className="fr-select-group">
        <label className="fr-label" htmlFor={`${id}-type`}>
          <span className="jalon-required">Type de document</span>
        </label>
        <select id={`${id}-type`} className="fr-select" value={type} onChange={(e) => setType(e.target.value)} required>
          <option value="">Choisir un type</option>
          {Object.entries(DOCUMENT_TYPES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={`${id}-valid`}>
          Valable jusqu’au (facultatif)
        </label>
        <input
          id={`${id}-valid`}
          className="fr-input"
          type="date"
          value={validUntil}
          onChange={(e) => setValidUntil(e.target.value)}
        />
      </div>
      <Button type="submit" disabled={!file || !type || upload.isPending}>
        {upload.isPending ? 'Envoi…' : 'Ajouter le document'}
      </Button>
      <ErrorAlert error={upload.error} title="Document non enregistré" titleAs="h4" />
    </form>
  );
}
