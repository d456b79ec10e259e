import type { UsagerDto } from '@jalon/core';
import { DescriptionList } from '../../../components/ui/description-list';
import { dash } from '../../../lib/format';
import { codedLabel } from '../coded';
import {
  householdBody,
  householdValuesOf,
  identifierValuesOf,
  identifiersBody,
  situationBody,
  situationValuesOf,
} from '../form-values';
import { asks, keepAsked } from '../profile-fields';
import { EditableSection } from './editable-section';
import { HouseholdFields } from './household-fields';
import { IdentifierFields } from './identifier-fields';
import { SituationFields } from './situation-fields';

/** Identifiers, situation and housing: the detailed part, for the référents and their team only. */
export function FullSections({ dto }: { dto: UsagerDto }) {
  const { data, can } = dto;
  const full = data.full;
  if (!full) return null;
  const common = { usagerId: data.id, version: data.version, canEdit: can.updateSituation };
  // The site's minimisation profile: fields it does not collect are neither shown nor sent (the API refuses them).
  const profile = data.site.profile;
  const shown = (rows: [string, string, string][]): [string, string][] =>
    rows.filter(([key]) => asks(profile, key)).map(([, l, v]) => [l, v]);
  return (
    <>
      {asks(profile, 'identifiers.cafNumber') || asks(profile, 'identifiers.franceTravailId') ? (
        <EditableSection
          {...common}
          id="identifiants"
          title="Identifiants"
          section="identifiers"
          initial={identifierValuesOf(full)}
          toBody={(v) => keepAsked(profile, 'identifiers', identifiersBody(v))}
          renderFields={(p) => <IdentifierFields {...p} />}
          view={
            <DescriptionList
              items={[
                ['N° allocataire CAF', dash(full.identifiers.cafNumber)],
                ['Identifiant France Travail', dash(full.identifiers.franceTravailId)],
              ]}
            />
          }
        />
      ) : null}
      <EditableSection
        {...common}
        id="situation-professionnelle"
        title="Situation personnelle et professionnelle"
        section="situation"
        initial={situationValuesOf(full)}
        toBody={(v) => keepAsked(profile, 'situation', situationBody(v))}
        renderFields={(p) => <SituationFields {...p} profile={profile} />}
        view={
          <DescriptionList
            items={shown([
              ['situation.nationality', 'Nationalité', codedLabel('nationalite', full.situation.nationality)],
              [
                'situation.maritalStatus',
                'Situation conjugale',
                codedLabel('situationConjugale', full.situation.maritalStatus),
              ],
              [
                'situation.employmentStatus',
                'Statut professionnel',
                codedLabel('statutProfessionnel', full.situation.employmentStatus),
              ],
              ['situation.cafActivity', 'Activité (CAF)', codedLabel('activiteCaf', full.situation.cafActivity)],
              [
                'situation.educationLevel',
                'Niveau de scolarité',
                codedLabel('niveauScolarite', full.situation.educationLevel),
              ],
            ])}
          />
        }
      />
      <EditableSection
        {...common}
        id="logement"
        title="Logement et contexte familial"
        section="household"
        initial={householdValuesOf(full)}
        toBody={(v) => keepAsked(profile, 'household', householdBody(v))}
        renderFields={(p) => <HouseholdFields {...p} profile={profile} />}
        view={
          <DescriptionList
            items={shown([
              [
                'household.housingStatus',
                'Statut d’occupation du logement',
                codedLabel('logementStocd', full.household.housingStatus),
              ],
              [
                'household.housingNature',
                'Nature du logement',
                codedLabel('logementNatlog', full.household.housingNature),
              ],
              ['household.familyType', 'Contexte familial', codedLabel('contexteFamilial', full.household.familyType)],
            ])}
          />
        }
      />
    </>
  );
}
