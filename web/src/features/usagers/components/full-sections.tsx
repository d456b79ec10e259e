import type { UsagerDto } from '@jalon/core';
import { DescriptionList } from '../../../components/ui/description-list';
import { dash } from '../../../lib/format';
import { codedLabel } from '../coded';
import {
  householdBody, householdValuesOf, identifierValuesOf, identifiersBody, situationBody, situationValuesOf,
} from '../form-values';
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
  return (
    <>
      <EditableSection
        {...common}
        id="identifiants"
        title="Identifiants"
        section="identifiers"
        initial={identifierValuesOf(full)}
        toBody={identifiersBody}
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
      <EditableSection
        {...common}
        id="situation-professionnelle"
        title="Situation personnelle et professionnelle"
        section="situation"
        initial={situationValuesOf(full)}
        toBody={situationBody}
        renderFields={(p) => <SituationFields {...p} />}
        view={
          <DescriptionList
            items={[
              ['Nationalité', codedLabel('nationalite', full.situation.nationality)],
              ['Situation conjugale', codedLabel('situationConjugale', full.situation.maritalStatus)],
              ['Statut professionnel', codedLabel('statutProfessionnel', full.situation.employmentStatus)],
              ['Activité (CAF)', codedLabel('activiteCaf', full.situation.cafActivity)],
              ['Niveau de scolarité', codedLabel('niveauScolarite', full.situation.educationLevel)],
            ]}
          />
        }
      />
      <EditableSection
        {...common}
        id="logement"
        title="Logement et contexte familial"
        section="household"
        initial={householdValuesOf(full)}
        toBody={householdBody}
        renderFields={(p) => <HouseholdFields {...p} />}
        view={
          <DescriptionList
            items={[
              ['Statut d’occupation du logement', codedLabel('logementStocd', full.household.housingStatus)],
              ['Nature du logement', codedLabel('logementNatlog', full.household.housingNature)],
              ['Contexte familial', codedLabel('contexteFamilial', full.household.familyType)],
            ]}
          />
        }
      />
    </>
  );
}
