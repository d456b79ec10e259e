import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { LEGACY_SOURCE_LABELS, LEGACY_SOURCES } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useUploadImport } from '../api/imports';

/** Step 1: the source (its column profile) and the file; the administrator also names the target site. */
export function ImportUpload({
  sites,
  onUploaded,
}: {
  sites: { id: string; name: string }[] | null;
  onUploaded: (id: string) => void;
}) {
  const upload = useUploadImport();
  const [source, setSource] = useState<string>('coordin');
  const [siteId, setSiteId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    upload.mutate({ file, source, siteId: siteId || undefined }, { onSuccess: (r) => onUploaded(r.importId) });
  };
  return (
    <form onSubmit={submit} aria-labelledby="import-upload-title">
      <h2 id="import-upload-title">1. Déposer l’export</h2>
      <Select
        label="Ancien outil (profil de colonnes)"
        nativeSelectProps={{ value: source, onChange: (e) => setSource(e.target.value), name: 'source' }}
      >
        {LEGACY_SOURCES.filter((s) => s !== 'site_export').map((s) => (
          <option key={s} value={s}>
            {LEGACY_SOURCE_LABELS[s]}
          </option>
        ))}
      </Select>
      {sites && (
        <Select
          label="Site de destination"
          nativeSelectProps={{
            value: siteId,
            onChange: (e) => setSiteId(e.target.value),
            name: 'siteId',
            required: true,
          }}
        >
          <option value="" disabled>
            Choisir un site
          </option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      )}
      <div className="fr-upload-group fr-mb-3w">
        <label className="fr-label" htmlFor="import-file">
          Fichier exporté
          <span className="fr-hint-text">CSV (UTF-8 ou Windows-1252), XLSX ou ODS ; 200 Mo au plus.</span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="import-file"
          name="file"
          accept=".csv,.txt,.xlsx,.ods"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <ErrorAlert error={upload.error} title="Fichier refusé" titleAs="h3" />
      <Button type="submit" disabled={!file || upload.isPending}>
        {upload.isPending ? 'Envoi…' : 'Analyser le fichier'}
      </Button>
    </form>
  );
}
