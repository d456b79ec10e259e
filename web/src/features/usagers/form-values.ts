import type { UsagerDto } from '@jalon/core';
import type { FieldErrors } from '../../lib/form';

/**
 * Form values of the file sections, as the inputs hold them (strings, '' when empty). The same shapes
 * serve the creation form and the edit-in-place sections of the file page.
 */
export interface IdentityValues {
  birthName: string;
  usedName: string;
  firstNames: string;
  sex: string;
  birthDate: string;
  birthPlace: string;
}

export interface ContactValues {
  addressLine: string;
  postalCode: string;
  city: string;
  domiciliation: boolean;
  domiciliationOrganism: string;
  phone: string;
  email: string;
}

export interface IdentifierValues {
  cafNumber: string;
  franceTravailId: string;
}

/** Person-level coded items; nationality and marital status belong to the detailed part of the file. */
export interface SituationValues {
  nationality: string;
  maritalStatus: string;
  employmentStatus: string;
  cafActivity: string;
  educationLevel: string;
}

export interface HouseholdValues {
  housingStatus: string;
  housingNature: string;
  familyType: string;
}

/** What every section's fields component receives. */
export interface SectionFieldsProps<T> {
  values: T;
  onChange: (patch: Partial<T>) => void;
  errors: FieldErrors;
}

export const EMPTY_IDENTITY: IdentityValues = {
  birthName: '',
  usedName: '',
  firstNames: '',
  sex: '',
  birthDate: '',
  birthPlace: '',
};
export const EMPTY_CONTACT: ContactValues = {
  addressLine: '',
  postalCode: '',
  city: '',
  domiciliation: false,
  domiciliationOrganism: '',
  phone: '',
  email: '',
};
export const EMPTY_IDENTIFIERS: IdentifierValues = { cafNumber: '', franceTravailId: '' };
export const EMPTY_SITUATION: SituationValues = {
  nationality: 'NR',
  maritalStatus: 'NR',
  employmentStatus: 'NR',
  cafActivity: 'NR',
  educationLevel: 'NR',
};
export const EMPTY_HOUSEHOLD: HouseholdValues = { housingStatus: 'NR', housingNature: 'NR', familyType: 'NR' };

type Data = UsagerDto['data'];
type Full = NonNullable<Data['full']>;

export const identityValuesOf = (d: Data): IdentityValues => ({
  birthName: d.person.birthName,
  usedName: d.person.usedName ?? '',
  firstNames: d.person.firstNames,
  sex: d.person.sex?.code ?? '',
  birthDate: d.person.birthDate,
  birthPlace: d.person.birthPlace ?? '',
});

export const contactValuesOf = (d: Data): ContactValues => ({
  addressLine: d.contact.addressLine ?? '',
  postalCode: d.contact.postalCode ?? '',
  city: d.contact.city ?? '',
  domiciliation: d.contact.domiciliation,
  domiciliationOrganism: d.contact.domiciliationOrganism ?? '',
  phone: d.contact.phone ?? '',
  email: d.contact.email ?? '',
});

export const identifierValuesOf = (f: Full): IdentifierValues => ({
  cafNumber: f.identifiers.cafNumber ?? '',
  franceTravailId: f.identifiers.franceTravailId ?? '',
});

export const situationValuesOf = (f: Full): SituationValues => ({
  nationality: f.situation.nationality.code,
  maritalStatus: f.situation.maritalStatus.code,
  employmentStatus: f.situation.employmentStatus.code,
  cafActivity: f.situation.cafActivity.code,
  educationLevel: f.situation.educationLevel.code,
});

export const householdValuesOf = (f: Full): HouseholdValues => ({
  housingStatus: f.household.housingStatus.code,
  housingNature: f.household.housingNature.code,
  familyType: f.household.familyType.code,
});

/** Identity as the API wants it (only its own keys: PATCH sections are strict); an unset sex is null, not ''. */
export const identityBody = (v: IdentityValues) => ({
  birthName: v.birthName,
  usedName: v.usedName,
  firstNames: v.firstNames,
  sex: v.sex || null,
  birthDate: v.birthDate,
  birthPlace: v.birthPlace,
});

/** Contact as the API wants it; the organism only makes sense with a domiciliation. */
export const contactBody = (v: ContactValues) => ({
  addressLine: v.addressLine,
  postalCode: v.postalCode,
  city: v.city,
  domiciliation: v.domiciliation,
  domiciliationOrganism: v.domiciliation ? v.domiciliationOrganism : '',
  phone: v.phone,
  email: v.email,
});

export const identifiersBody = (v: IdentifierValues) => ({
  cafNumber: v.cafNumber,
  franceTravailId: v.franceTravailId,
});

export const situationBody = (v: SituationValues) => ({
  nationality: v.nationality,
  maritalStatus: v.maritalStatus,
  employmentStatus: v.employmentStatus,
  cafActivity: v.cafActivity,
  educationLevel: v.educationLevel,
});

export const householdBody = (v: HouseholdValues) => ({
  housingStatus: v.housingStatus,
  housingNature: v.housingNature,
  familyType: v.familyType,
});
