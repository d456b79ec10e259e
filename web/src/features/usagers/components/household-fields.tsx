import { CodeSelect } from '../../../components/ui/code-select';
import type { SiteProfile } from '@jalon/core';
import type { HouseholdValues, SectionFieldsProps } from '../form-values';
import { asks } from '../profile-fields';

/** Housing (INSEE STOCD, CAF natlog) and family context (INSEE TYPMR). */
export function HouseholdFields({
  values,
  onChange,
  errors,
  profile,
}: SectionFieldsProps<HouseholdValues> & { profile?: SiteProfile | null }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <CodeSelect
          list="logementStocd"
          name="housingStatus"
          value={values.housingStatus}
          onChange={(v) => onChange({ housingStatus: v })}
          error={errors.housingStatus}
        />
      </div>
      {asks(profile, 'household.housingNature') ? (
        <div className="fr-col-12 fr-col-md-6">
          <CodeSelect
            list="logementNatlog"
            name="housingNature"
            value={values.housingNature}
            onChange={(v) => onChange({ housingNature: v })}
            error={errors.housingNature}
          />
        </div>
      ) : null}
      <div className="fr-col-12 fr-col-md-6">
        <CodeSelect
          list="contexteFamilial"
          name="familyType"
          value={values.familyType}
          onChange={(v) => onChange({ familyType: v })}
          error={errors.familyType}
        />
      </div>
    </div>
  );
}
