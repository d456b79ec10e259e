import { TextField } from '../../../components/ui/text-field';
import type { IdentifierValues, SectionFieldsProps } from '../form-values';

/** CAF and France Travail identifiers (the NIR is deliberately not collected). */
export function IdentifierFields({ values, onChange, errors }: SectionFieldsProps<IdentifierValues>) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="cafNumber"
          label="N° allocataire CAF"
          hint="7 chiffres"
          inputMode="numeric"
          autoComplete="off"
          maxLength={7}
          value={values.cafNumber}
          onChange={(v) => onChange({ cafNumber: v })}
          error={errors.cafNumber}
        />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="franceTravailId"
          label="Identifiant France Travail"
          hint="7 à 11 lettres ou chiffres"
          autoComplete="off"
          maxLength={11}
          value={values.franceTravailId}
          onChange={(v) => onChange({ franceTravailId: v })}
          error={errors.franceTravailId}
        />
      </div>
    </div>
  );
}
