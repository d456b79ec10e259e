import { CodeSelect } from '../../../components/ui/code-select';
import type { HouseholdValues, SectionFieldsProps } from '../form-values';

/** Housing (INSEE STOCD, CAF natlog) and family context (INSEE TYPMR). */
export function HouseholdFields({ values, onChange, errors }: SectionFieldsProps<HouseholdValues>) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <CodeSelect list="logementStocd" name="housingStatus" value={values.housingStatus}
          onChange={(v) => onChange({ housingStatus: v })} error={errors.housingStatus} />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <CodeSelect list="logementNatlog" name="housingNature" value={values.housingNature}
          onChange={(v) => onChange({ housingNature: v })} error={errors.housingNature} />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <CodeSelect list="contexteFamilial" name="familyType" value={values.familyType}
          onChange={(v) => onChange({ familyType: v })} error={errors.familyType} />
      </div>
    </div>
  );
}
