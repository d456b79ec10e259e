import { Button } from '@codegouvfr/react-dsfr/Button';
import { SelectField, type SelectOption } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';

/**
 * One editable line of the budget: a type, an amount in euros; for a resource the person, for a debt the creditor
 * (`extra`) and the monthly repayment (`personId` holds it, to keep one shape).
 */
export interface Line {
  type: string;
  amount: string;
  personId: string;
  extra: string;
}

interface Props {
  legend: string;
  kind: 'resource' | 'charge' | 'debt';
  types: Record<string, string>;
  lines: Line[];
  onChange: (lines: Line[]) => void;
  persons?: SelectOption[];
}

export function BudgetLines({ legend, kind, types, lines, onChange, persons }: Props) {
  const options = Object.entries(types).map(([value, label]) => ({ value, label }));
  const set = (i: number, patch: Partial<Line>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const first = options[0]?.value ?? '';
  return (
    <fieldset className="fr-fieldset fr-mb-2w">
      <legend className="fr-fieldset__legend fr-h6">{legend}</legend>
      {lines.map((l, i) => (
        <div key={i} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-3">
            <SelectField
              name={`${kind}-${i}-type`}
              label="Type"
              value={l.type}
              onChange={(type) => set(i, { type })}
              options={options}
            />
          </div>
          {kind === 'debt' ? (
            <div className="fr-col-12 fr-col-md-3">
              <TextField
                name={`${kind}-${i}-creditor`}
                label="Créancier"
                value={l.extra}
                onChange={(extra) => set(i, { extra })}
                required
                maxLength={120}
              />
            </div>
          ) : null}
          <div className="fr-col-12 fr-col-md-2">
            <TextField
              name={`${kind}-${i}-amount`}
              label={kind === 'debt' ? 'Montant dû (€)' : 'Montant mensuel (€)'}
              value={l.amount}
              onChange={(amount) => set(i, { amount })}
              inputMode="numeric"
              required
            />
          </div>
          {kind === 'resource' && persons ? (
            <div className="fr-col-12 fr-col-md-3">
              <SelectField
                name={`${kind}-${i}-person`}
                label="Personne"
                value={l.personId}
                onChange={(personId) => set(i, { personId })}
                options={persons}
              />
            </div>
          ) : null}
          {kind === 'debt' ? (
            <div className="fr-col-12 fr-col-md-2">
              <TextField
                name={`${kind}-${i}-repayment`}
                label="Remboursement mensuel (€)"
                value={l.personId}
                onChange={(personId) => set(i, { personId })}
                inputMode="numeric"
              />
            </div>
          ) : null}
          <div className="fr-col-12 fr-col-md-1">
            <Button
              type="button"
              priority="tertiary"
              size="small"
              onClick={() => onChange(lines.filter((_, j) => j !== i))}
            >
              Retirer
            </Button>
          </div>
        </div>
      ))}
      <Button
        type="button"
        priority="secondary"
        size="small"
        onClick={() => onChange([...lines, { type: first, amount: '', personId: '', extra: '' }])}
      >
        {kind === 'resource' ? 'Ajouter une ressource' : kind === 'charge' ? 'Ajouter une charge' : 'Ajouter une dette'}
      </Button>
    </fieldset>
  );
}
