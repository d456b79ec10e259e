import { CodeSelect } from '../../../components/ui/code-select';
import { TextField } from '../../../components/ui/text-field';
import type { IdentityValues, SectionFieldsProps } from '../form-values';

/** État civil: only the names and the birth date are required. */
export function IdentityFields({
  values,
  onChange,
  errors,
  autoFocus,
}: SectionFieldsProps<IdentityValues> & { autoFocus?: boolean }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="birthName"
          label="Nom de naissance"
          autoComplete="off"
          value={values.birthName}
          onChange={(v) => onChange({ birthName: v })}
          error={errors.birthName}
          required
          autoFocus={autoFocus}
          maxLength={100}
        />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="usedName"
          label="Nom d’usage"
          hint="Si différent du nom de naissance"
          autoComplete="off"
          value={values.usedName}
          onChange={(v) => onChange({ usedName: v })}
          error={errors.usedName}
          maxLength={100}
        />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="firstNames"
          label="Prénom(s)"
          autoComplete="off"
          value={values.firstNames}
          onChange={(v) => onChange({ firstNames: v })}
          error={errors.firstNames}
          required
          maxLength={150}
        />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <CodeSelect
          list="sexe"
          name="sex"
          value={values.sex}
          onChange={(v) => onChange({ sex: v })}
          error={errors.sex}
        />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="birthDate"
          label="Date de naissance"
          type="date"
          hint="Format : jj/mm/aaaa"
          value={values.birthDate}
          onChange={(v) => onChange({ birthDate: v })}
          error={errors.birthDate}
          required
        />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <TextField
          name="birthPlace"
          label="Lieu de naissance"
          hint="Commune et pays si hors de France"
          autoComplete="off"
          value={values.birthPlace}
          onChange={(v) => onChange({ birthPlace: v })}
          error={errors.birthPlace}
          maxLength={150}
        />
      </div>
    </div>
  );
}
