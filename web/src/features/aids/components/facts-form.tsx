import { Button } from '@codegouvfr/react-dsfr/Button';
import type { AidApplicationDto, EligibilityFactsInput } from '@jalon/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors } from '../../../lib/form';
import { usePutFacts } from '../api/aids';

const YES_NO = [
  { value: '', label: 'Non renseigné' },
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
];
const flag = (v: boolean | null) => (v === null ? '' : v ? 'oui' : 'non');
const QUESTIONS = [
  ['handicap', 'Handicap reconnu de la personne'],
  ['inapteTravail', 'Inaptitude au travail reconnue (60 à 64 ans)'],
  ['disabledChild', 'Enfant handicapé au foyer'],
  ['rentArrears', 'Impayé de loyer'],
] as const;
type Flag = (typeof QUESTIONS)[number][0];

/** The facts the pre-check reads that the file does not hold, corrected until a decision stands. */
export function FactsForm({ dto }: { dto: AidApplicationDto }) {
  const put = usePutFacts(dto.id);
  const f = dto.facts;
  const [months, setMonths] = useState(f.parisResidenceMonths === null ? '' : String(f.parisResidenceMonths));
  const [titre, setTitre] = useState(f.titreSejourValidUntil ?? '');
  const [flags, setFlags] = useState<Record<Flag, string>>({
    handicap: flag(f.handicap),
    inapteTravail: flag(f.inapteTravail),
    disabledChild: flag(f.disabledChild),
    rentArrears: flag(f.rentArrears),
  });
  const errors = serverFieldErrors(put.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: EligibilityFactsInput = {};
    if (months !== '') body.parisResidenceMonths = Number(months);
    if (titre) body.titreSejourValidUntil = titre;
    for (const [k] of QUESTIONS) if (flags[k]) body[k] = flags[k] === 'oui';
    put.mutate(body);
  };
  return (
    <form onSubmit={submit} aria-label="Éléments du pré-examen" className="fr-mb-4w">
      <h2 className="fr-h5">Éléments du pré-examen</h2>
      <TextField
        name="parisResidenceMonths"
        label="Mois de résidence à Paris sur les 5 dernières années (0 à 60)"
        value={months}
        onChange={setMonths}
        inputMode="numeric"
        error={errors.parisResidenceMonths}
      />
      <TextField
        name="titreSejourValidUntil"
        label="Titre de séjour valable jusqu’au (hors UE, EEE, Suisse)"
        type="date"
        value={titre}
        onChange={setTitre}
        error={errors.titreSejourValidUntil}
      />
      {QUESTIONS.map(([k, label]) => (
        <SelectField
          key={k}
          name={k}
          label={label}
          value={flags[k]}
          onChange={(v) => setFlags({ ...flags, [k]: v })}
          options={YES_NO}
        />
      ))}
      {put.error ? <ErrorAlert error={put.error} title="Éléments non enregistrés" titleAs="h3" /> : null}
      <Button type="submit" priority="secondary" disabled={put.isPending}>
        Enregistrer les éléments
      </Button>
    </form>
  );
}
