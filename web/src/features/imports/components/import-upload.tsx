import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { LEGACY_SOURCE_LABELS, LEGACY_SOURCES, type LegacySource } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { RequiredFieldsNote } from '../../../components/ui/required-fields-note';
import { useSavedProfiles, useUploadImport, type SavedProfile } from '../api/imports';
import { TargetFields, type ImportTarget } from './target-fields';

const sourceLabel = (s: string) => LEGACY_SOURCE_LABELS[s as LegacySource] ?? s;

/** The saved profiles of the target site (or shared by every site), each named with the tool it was saved for. */
function ProfileSelect({
  profiles,
  value,
  onChange,
  required,
}: {
  profiles: SavedProfile[];
  value: string;
  onChange: (id: string) => void;
  required: boolean;
}) {
  return (
    <Select
      label={
        required ? (
          <span className="jalon-required">Profil de correspondance enregistré</span>
        ) : (
          'Profil de correspondance enregistré'
        )
      }
      hint={
        required
          ? 'Un export de site se lit avec un profil enregistré lors d’un import précédent'
          : 'Facultatif : reprend les colonnes et les correspondances de codes enregistrées lors d’un import précédent'
      }
      nativeSelectProps={{
        id: 'import-profile',
        name: 'profileId',
        value,
        onChange: (e) => onChange(e.target.value),
        required,
        'aria-required': required || undefined,
      }}
    >
      <option value="">{required ? 'Choisir un profil' : 'Profil standard de l’outil'}</option>
      {profiles.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({sourceLabel(p.source)})
        </option>
      ))}
    </Select>
  );
}

/**
 * Step 1: the source (its column profile, or a profile saved on an earlier import), the target site for the
 * administrator, the team of the created files, and the file.
 */
export function ImportUpload({
  sites,
  onUploaded,
}: {
  sites: { id: string; name: string }[] | null;
  onUploaded: (id: string) => void;
}) {
  const upload = useUploadImport();
  const allProfiles = useSavedProfiles(LEGACY_SOURCES).data ?? [];
  const [source, setSource] = useState<string>('coordin');
  const [target, setTarget] = useState<ImportTarget>({ siteId: '', teamId: '' });
  const [profileId, setProfileId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const profiles = allProfiles.filter((p) => !sites || p.siteId === null || p.siteId === target.siteId);
  const profileRequired = source === 'site_export';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    upload.mutate(
      {
        file,
        source,
        siteId: target.siteId || undefined,
        teamId: target.teamId || undefined,
        profileId: profileId || undefined,
      },
      { onSuccess: (r) => onUploaded(r.importId) },
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="import-upload-title">
      <h2 id="import-upload-title">1. Déposer l’export</h2>
      {sites ? <RequiredFieldsNote /> : null}
      <Select
        label="Ancien outil (profil de colonnes)"
        nativeSelectProps={{ value: source, onChange: (e) => setSource(e.target.value), name: 'source' }}
      >
        {LEGACY_SOURCES.filter((s) => s !== 'site_export' || profiles.length > 0).map((s) => (
          <option key={s} value={s}>
            {LEGACY_SOURCE_LABELS[s]}
          </option>
        ))}
      </Select>
      <TargetFields
        idPrefix="import"
        sites={sites}
        value={target}
        onChange={(t) => {
          if (t.siteId !== target.siteId) setProfileId('');
          setTarget(t);
        }}
      />
      {profiles.length > 0 || profileRequired ? (
        <ProfileSelect profiles={profiles} value={profileId} onChange={setProfileId} required={profileRequired} />
      ) : null}
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
      <Button
        type="submit"
        disabled={!file || (sites !== null && !target.siteId) || (profileRequired && !profileId) || upload.isPending}
      >
        {upload.isPending ? 'Envoi…' : 'Analyser le fichier'}
      </Button>
    </form>
  );
}
