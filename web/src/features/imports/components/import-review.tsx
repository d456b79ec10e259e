import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { LEGACY_FIELD_LABELS, type ImportDto, type ImportPreviewRowDto, type LegacyField } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { reportHref, useCommitImport, useMapImport } from '../api/imports';

const STATUS: Record<ImportDto['status'], string> = {
  analysing: 'Analyse en cours',
  ready: 'Prêt à valider',
  committing: 'Import en cours',
  committed: 'Importé',
  failed: 'Échec',
};
const DECISION: Record<string, string> = {
  create: 'Création',
  merge: 'Fusion proposée',
  skip: 'Ignorée',
  history: 'Historique',
  member: 'Membre du foyer',
};
const label = (f: string) => LEGACY_FIELD_LABELS[f as LegacyField] ?? f;

/** Step 2: the unmapped legacy codes to map (one field each), then the analysis is run again. */
function UnmappedCodes({ imp }: { imp: ImportDto }) {
  const map = useMapImport(imp.id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [profileName, setProfileName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const codes: Record<string, Record<string, string>> = {};
    for (const u of imp.unmapped) {
      const v = values[`${u.field}|${u.value}`]?.trim();
      if (v) codes[u.field] = { ...(codes[u.field] ?? {}), [u.value]: v };
    }
    map.mutate({ codes, ...(profileName.trim() ? { saveAsProfile: profileName.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} aria-labelledby="import-codes-title">
      <h2 id="import-codes-title">2. Valeurs sans correspondance</h2>
      <p>Indiquez le code Jalon de chaque valeur de l’ancien outil (le code ou son libellé).</p>
      {imp.unmapped.map((u) => {
        const k = `${u.field}|${u.value}`;
        return (
          <Input
            key={k}
            label={`${label(u.field)} : « ${u.value} » (${u.count} ligne${u.count > 1 ? 's' : ''})`}
            nativeInputProps={{
              value: values[k] ?? '',
              onChange: (e) => setValues({ ...values, [k]: e.target.value }),
            }}
          />
        );
      })}
      <Input
        label="Enregistrer ces correspondances comme profil (facultatif)"
        hintText="Le nom du profil, réutilisable pour les prochains exports de ce site"
        nativeInputProps={{ value: profileName, onChange: (e) => setProfileName(e.target.value) }}
      />
      <ErrorAlert error={map.error} title="Correspondances non enregistrées" titleAs="h3" />
      <Button type="submit" disabled={map.isPending}>
        Enregistrer les correspondances
      </Button>
    </form>
  );
}

function PreviewTable({ rows, caption }: { rows: ImportPreviewRowDto[]; caption: string }) {
  return (
    <div className="fr-table fr-table--no-caption-sm">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Identifiant</th>
            <th scope="col">Nom</th>
            <th scope="col">Prénom</th>
            <th scope="col">Naissance</th>
            <th scope="col">Sort</th>
            <th scope="col">Dossier</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.seq}</td>
              <td>{r.values.legacyId ?? r.values.matricule}</td>
              <td>{r.values.birthName}</td>
              <td>{r.values.firstNames}</td>
              <td>{r.values.birthDate}</td>
              <td>{r.state === 'rejected' ? `Rejetée : ${r.reason}` : (DECISION[r.decision ?? ''] ?? r.decision)}</td>
              <td>{r.matchFileNumber ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Steps 2 to 4: unmapped codes, preview and merge proposals, commit, report. */
export function ImportReview({ imp }: { imp: ImportDto }) {
  const commit = useCommitImport(imp.id);
  const [merges, setMerges] = useState<string[]>([]);
  const c = imp.counts;
  return (
    <section aria-labelledby="import-status-title">
      <h2 id="import-status-title">
        {imp.fileName} — <span data-testid="import-status">{STATUS[imp.status]}</span>
      </h2>
      {imp.progress && ['analysing', 'committing'].includes(imp.status) && (
        <p role="status">
          {imp.progress.done} ligne(s) sur {imp.progress.total ?? '…'}
        </p>
      )}
      {imp.error && <p className="fr-error-text">{imp.error}</p>}
      <p data-testid="import-counts">
        {c.total} lignes : {c.create} créations, {c.merge} fusions proposées, {c.history} entrées d’historique,{' '}
        {c.member} membres du foyer, {c.skip} ignorées, {c.rejected} rejetées
        {imp.status === 'committed' ? ` — ${c.committed} importées, ${c.skipped} non importées` : ''}.
      </p>
      {imp.can.map && imp.unmapped.length > 0 && <UnmappedCodes imp={imp} />}
      {imp.preview.length > 0 && (
        <PreviewTable rows={imp.preview} caption="Aperçu des premières lignes, telles qu’elles seront enregistrées" />
      )}
      {imp.errors.length > 0 && (
        <>
          <h3>Lignes rejetées</h3>
          <ul>
            {imp.errors.map((e) => (
              <li key={e.seq}>
                Ligne {e.seq} : {e.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {imp.status === 'ready' && imp.merges.length > 0 && (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Fusions proposées : cochez celles que vous confirmez</legend>
          {imp.merges.map((m) => (
            <div className="fr-checkbox-group" key={m.id}>
              <input
                type="checkbox"
                id={`merge-${m.id}`}
                checked={merges.includes(m.id)}
                onChange={(e) => setMerges(e.target.checked ? [...merges, m.id] : merges.filter((x) => x !== m.id))}
              />
              <label className="fr-label" htmlFor={`merge-${m.id}`}>
                Ligne {m.seq} : {m.values.birthName} {m.values.firstNames} ({m.values.birthDate}) avec le dossier{' '}
                {m.matchFileNumber}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <ErrorAlert error={commit.error} title="Import non validé" titleAs="h3" />
      <ul className="fr-btns-group fr-btns-group--inline">
        {imp.can.commit && (
          <li>
            <Button onClick={() => commit.mutate(merges)} disabled={commit.isPending}>
              Valider l’import
            </Button>
          </li>
        )}
        {['ready', 'committed'].includes(imp.status) && (
          <li>
            <a className="fr-btn fr-btn--secondary" href={reportHref(imp.id)} download>
              {imp.status === 'committed' ? 'Télécharger le rapport (CSV)' : 'Télécharger la simulation (CSV)'}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
