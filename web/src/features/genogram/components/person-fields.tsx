import { GENO_SEXES, type GenoSex } from '@jalon/core';
import type { PersonForm } from '../model';

const SEX_LABELS: Record<GenoSex, string> = { male: 'Homme', female: 'Femme', unknown: 'Inconnu', other: 'Autre' };
const KIND_LABELS = { person: 'Personne', pregnancy: 'Grossesse', miscarriage: 'Fausse couche' } as const;

/** The fields of a person of the genogram (no health annotation: docs/domain.md §8). */
export function PersonFields({ value, onChange }: { value: PersonForm; onChange: (v: PersonForm) => void }) {
  const set = <K extends keyof PersonForm>(k: K, v: PersonForm[K]) => onChange({ ...value, [k]: v });
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">Nouvelle personne</legend>
      <label className="fr-label" htmlFor="geno-label">
        Prénom ou lien (« Grand-mère »)
      </label>
      <input
        id="geno-label"
        className="fr-input"
        maxLength={80}
        value={value.label}
        onChange={(e) => set('label', e.target.value)}
      />
      <label className="fr-label" htmlFor="geno-sex">
        Sexe
      </label>
      <select
        id="geno-sex"
        className="fr-select"
        value={value.sex}
        onChange={(e) => set('sex', e.target.value as GenoSex)}
      >
        {GENO_SEXES.map((s) => (
          <option key={s} value={s}>
            {SEX_LABELS[s]}
          </option>
        ))}
      </select>
      <label className="fr-label" htmlFor="geno-kind">
        Nature
      </label>
      <select
        id="geno-kind"
        className="fr-select"
        value={value.kind}
        onChange={(e) => set('kind', e.target.value as PersonForm['kind'])}
      >
        {Object.entries(KIND_LABELS).map(([k, l]) => (
          <option key={k} value={k}>
            {l}
          </option>
        ))}
      </select>
      <label className="fr-label" htmlFor="geno-birth">
        Année de naissance
      </label>
      <input
        id="geno-birth"
        className="fr-input"
        inputMode="numeric"
        value={value.birthYear}
        onChange={(e) => set('birthYear', e.target.value)}
      />
      <label className="fr-label" htmlFor="geno-death">
        Année de décès
      </label>
      <input
        id="geno-death"
        className="fr-input"
        inputMode="numeric"
        value={value.deathYear}
        onChange={(e) => set('deathYear', e.target.value)}
      />
      <div className="fr-checkbox-group">
        <input
          id="geno-deceased"
          type="checkbox"
          checked={value.deceased}
          onChange={(e) => set('deceased', e.target.checked)}
        />
        <label className="fr-label" htmlFor="geno-deceased">
          Décédé·e
        </label>
      </div>
    </fieldset>
  );
}
