import { CodeSelect } from '../../../components/ui/code-select';
import type { SiteProfile } from '@jalon/core';
import type { SectionFieldsProps, SituationValues } from '../form-values';
import { asks } from '../profile-fields';

type CivilStatus = Pick<SituationValues, 'nationality' | 'maritalStatus'>;
type Activity = Pick<SituationValues, 'employmentStatus' | 'cafActivity' | 'educationLevel'>;

/** Nationality and marital status (CAF code lists). */
export function CivilStatusFields({
  values,
  onChange,
  errors,
  profile,
}: SectionFieldsProps<CivilStatus> & { profile?: SiteProfile | null }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      {asks(profile, 'situation.nationality') ? (
        <div className="fr-col-12 fr-col-md-6">
          <CodeSelect
            list="nationalite"
            name="nationality"
            value={values.nationality}
            onChange={(v) => onChange({ nationality: v })}
            error={errors.nationality}
          />
        </div>
      ) : null}
      <div className="fr-col-12 fr-col-md-6">
        <CodeSelect
          list="situationConjugale"
          name="maritalStatus"
          value={values.maritalStatus}
          onChange={(v) => onChange({ maritalStatus: v })}
          error={errors.maritalStatus}
        />
      </div>
    </div>
  );
}

/** Professional situation and schooling (INSEE and CAF code lists). */
export function ActivityFields({
  values,
  onChange,
  errors,
  profile,
}: SectionFieldsProps<Activity> & { profile?: SiteProfile | null }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-4">
        <CodeSelect
          list="statutProfessionnel"
          name="employmentStatus"
          value={values.employmentStatus}
          onChange={(v) => onChange({ employmentStatus: v })}
          error={errors.employmentStatus}
        />
      </div>
      {asks(profile, 'situation.cafActivity') ? (
        <div className="fr-col-12 fr-col-md-4">
          <CodeSelect
            list="activiteCaf"
            name="cafActivity"
            value={values.cafActivity}
            onChange={(v) => onChange({ cafActivity: v })}
            error={errors.cafActivity}
          />
        </div>
      ) : null}
      <div className="fr-col-12 fr-col-md-4">
        <CodeSelect
          list="niveauScolarite"
          name="educationLevel"
          value={values.educationLevel}
          onChange={(v) => onChange({ educationLevel: v })}
          error={errors.educationLevel}
        />
      </div>
    </div>
  );
}

/** The whole "situation" section of the file page. */
export function SituationFields(props: SectionFieldsProps<SituationValues> & { profile?: SiteProfile | null }) {
  return (
    <>
      <CivilStatusFields {...props} />
      <ActivityFields {...props} />
    </>
  );
}
