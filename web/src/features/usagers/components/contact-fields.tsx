import { CheckboxField } from '../../../components/ui/checkbox-field';
import { TextField } from '../../../components/ui/text-field';
import type { ContactValues, SectionFieldsProps } from '../form-values';

/** Address or administrative domiciliation, phone and email. */
export function ContactFields({ values, onChange, errors }: SectionFieldsProps<ContactValues>) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12">
        <TextField
          name="addressLine"
          label="Adresse"
          hint="Numéro, voie, complément"
          autoComplete="off"
          value={values.addressLine}
          onChange={(v) => onChange({ addressLine: v })}
          error={errors.addressLine}
          maxLength={200}
        />
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <TextField
          name="postalCode"
          label="Code postal"
          hint="5 chiffres"
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          value={values.postalCode}
          onChange={(v) => onChange({ postalCode: v })}
          error={errors.postalCode}
        />
      </div>
      <div className="fr-col-12 fr-col-md-8">
        <TextField
          name="city"
          label="Commune"
          autoComplete="off"
          value={values.city}
          maxLength={100}
          onChange={(v) => onChange({ city: v })}
          error={errors.city}
        />
      </div>
      <div className="fr-col-12">
        <CheckboxField
          name="domiciliation"
          label="Domiciliation administrative"
          hint="La personne reçoit son courrier chez un organisme domiciliataire"
          checked={values.domiciliation}
          onChange={(checked) => onChange({ domiciliation: checked })}
        />
        {values.domiciliation ? (
          <TextField
            name="domiciliationOrganism"
            label="Organisme de domiciliation"
            autoComplete="off"
            maxLength={150}
            value={values.domiciliationOrganism}
            onChange={(v) => onChange({ domiciliationOrganism: v })}
            error={errors.domiciliationOrganism}
          />
        ) : null}
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="phone"
          label="Téléphone"
          hint="Par exemple : 06 12 34 56 78"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={values.phone}
          onChange={(v) => onChange({ phone: v })}
          error={errors.phone}
          maxLength={20}
        />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="email"
          label="Courriel"
          hint="Format attendu : nom@domaine.fr"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(v) => onChange({ email: v })}
          error={errors.email}
          maxLength={200}
        />
      </div>
    </div>
  );
}
