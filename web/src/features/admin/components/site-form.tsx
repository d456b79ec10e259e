import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { serverFieldErrors, type FieldErrors } from '../../../lib/form';
import { useCreateSite } from '../api/create-site';
import { useUpdateSite } from '../api/update-site';
import type { SiteDto } from '../types';

const KINDS = [
  { value: 'EPS', label: 'EPS — Espace parisien des solidarités' },
  { value: 'PSA', label: 'PSA — Permanence sociale d’accueil' },
];

/** "18, 19" → [18, 19]; null when a value is not an arrondissement. */
const parseArrondissements = (text: string): number[] | null => {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const numbers = parts.map((p) => Number(p));
  return numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 20) ? numbers : null;
};

/** Creates a site, or edits one (its code is then fixed). */
export function SiteForm({ site, onDone }: { site?: SiteDto; onDone: () => void }) {
  const [values, setValues] = useState({
    code: site?.code ?? '',
    name: site?.name ?? '',
    kind: site?.kind ?? 'EPS',
    arrondissements: site?.arrondissements.join(', ') ?? '',
  });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const createMutation = useCreateSite();
  const updateMutation = useUpdateSite();
  const mutation = site ? updateMutation : createMutation;
  const errors = { ...serverFieldErrors(mutation.error), ...clientErrors };
  const prefix = site ? `site-${site.id}` : 'new-site';
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const arrondissements = parseArrondissements(values.arrondissements);
    if (!arrondissements) {
      setClientErrors({ arrondissements: 'Arrondissements : nombres de 1 à 20 séparés par des virgules' });
      return;
    }
    setClientErrors({});
    const body = { name: values.name, kind: values.kind, arrondissements };
    if (site) updateMutation.mutate({ id: site.id, body }, { onSuccess: onDone });
    else createMutation.mutate({ ...body, code: values.code }, { onSuccess: onDone });
  };

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${prefix}-titre`}
      className="fr-p-3w fr-mb-4w fr-background-alt--grey"
    >
      <h3 id={`${prefix}-titre`} className="fr-h5">
        {site ? `Modifier le site ${site.name}` : 'Créer un site'}
      </h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-code`}
            name="code"
            label="Code"
            hint="Minuscules, chiffres et tirets, par exemple eps18"
            value={values.code}
            onChange={set('code')}
            error={errors.code}
            required={!site}
            disabled={Boolean(site)}
            autoFocus={!site}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-name`}
            name="name"
            label="Nom"
            value={values.name}
            onChange={set('name')}
            error={errors.name}
            required
            autoFocus={Boolean(site)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <SelectField
            id={`${prefix}-kind`}
            name="kind"
            label="Type"
            value={values.kind}
            onChange={set('kind')}
            options={KINDS}
            error={errors.kind}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            id={`${prefix}-arrondissements`}
            name="arrondissements"
            label="Arrondissements"
            hint="Séparés par des virgules, par exemple : 18, 19"
            value={values.arrondissements}
            onChange={set('arrondissements')}
            error={errors.arrondissements}
          />
        </div>
      </div>
      <ErrorAlert error={mutation.error} title={site ? 'Site non modifié' : 'Site non créé'} />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button type="submit" disabled={mutation.isPending}>
          {site ? 'Enregistrer' : 'Créer le site'}
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
