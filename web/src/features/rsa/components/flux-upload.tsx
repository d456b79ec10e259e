import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';
import { TargetFields, type ImportTarget } from '../../imports/components/target-fields';
import { useUploadFlux } from '../api/flux';

/** Upload of one CAF flux file (XML): the target site for the administrator, the team of the files it creates. */
export function FluxUpload({
  sites,
  onUploaded,
}: {
  sites: { id: string; name: string }[] | null;
  onUploaded: (id: string) => void;
}) {
  const upload = useUploadFlux();
  const [target, setTarget] = useState<ImportTarget>({ siteId: '', teamId: '' });
  const [file, setFile] = useState<File | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    upload.mutate(
      { file, siteId: target.siteId || undefined, teamId: target.teamId || undefined },
      { onSuccess: (r) => onUploaded(r.importId) },
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="flux-upload-title" className="fr-mb-6w">
      <h2 id="flux-upload-title">Déposer un flux</h2>
      {sites ? <RequiredFieldsNote /> : null}
      <TargetFields idPrefix="flux" sites={sites} value={target} onChange={setTarget} />
      <div className="fr-upload-group fr-mb-3w">
        <label className="fr-label" htmlFor="flux-file">
          Fichier du flux CAF
          <span className="fr-hint-text">
            Flux bénéficiaires (mensuel) ou flux instruction (quotidien), au format XML ; 200 Mo au plus.
          </span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="flux-file"
          name="file"
          accept=".xml,application/xml,text/xml"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <ErrorAlert error={upload.error} title="Flux refusé" titleAs="h3" />
      <Button type="submit" disabled={!file || (sites !== null && !target.siteId) || upload.isPending}>
        {upload.isPending ? 'Envoi…' : 'Analyser le flux'}
      </Button>
    </form>
  );
}
