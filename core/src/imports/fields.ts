import type { CodeListId } from '../domain/code-lists.js';

/**
 * The fields a legacy export may carry, mapped from its columns by a profile (docs/architecture.md, "Import
 * pipeline"). The four identity fields are required; every other one is optional.
 */
export const LEGACY_FIELDS = [
  'legacyId',
  'birthName',
  'usedName',
  'firstNames',
  'birthDate',
  'sex',
  'phone',
  'email',
  'addressLine',
  'postalCode',
  'city',
  'maritalStatus',
  'employmentStatus',
  'housingStatus',
  'familyType',
  'team',
  'referent',
  'memberOf',
  'relationship',
  'entryDate',
  'entryType',
  'entryMotif',
  'entryNote',
] as const;
export type LegacyField = (typeof LEGACY_FIELDS)[number];

export const REQUIRED_LEGACY_FIELDS: readonly LegacyField[] = ['legacyId', 'birthName', 'firstNames', 'birthDate'];

export const LEGACY_FIELD_LABELS: Record<LegacyField, string> = {
  legacyId: 'Identifiant dans l’ancien outil',
  birthName: 'Nom de naissance',
  usedName: 'Nom d’usage',
  firstNames: 'Prénom',
  birthDate: 'Date de naissance',
  sex: 'Sexe',
  phone: 'Téléphone',
  email: 'Courriel',
  addressLine: 'Adresse',
  postalCode: 'Code postal',
  city: 'Commune',
  maritalStatus: 'Situation conjugale',
  employmentStatus: 'Statut professionnel',
  housingStatus: 'Statut d’occupation du logement',
  familyType: 'Contexte familial',
  team: 'Équipe',
  referent: 'Référent',
  memberOf: 'Membre du foyer de (identifiant)',
  relationship: 'Lien avec la personne de référence',
  entryDate: 'Date de l’entrée du journal',
  entryType: 'Type de l’entrée du journal',
  entryMotif: 'Motif de l’entrée du journal',
  entryNote: 'Note de l’entrée du journal',
};

/** Coded fields: legacy values are translated by the profile's code tables into these Jalon lists. */
export const LEGACY_CODE_FIELDS = {
  sex: 'sexe',
  maritalStatus: 'situationConjugale',
  employmentStatus: 'statutProfessionnel',
  housingStatus: 'logementStocd',
  familyType: 'contexteFamilial',
  relationship: 'lienPersonneReference',
} as const satisfies Partial<Record<LegacyField, CodeListId>>;

/** Coded fields whose targets are not a code list: entry types, motifs, teams and référents of the site. */
export const LEGACY_REF_FIELDS = ['entryType', 'entryMotif', 'team', 'referent'] as const;
export type LegacyMappedField = keyof typeof LEGACY_CODE_FIELDS | (typeof LEGACY_REF_FIELDS)[number];
export const LEGACY_MAPPED_FIELDS: readonly LegacyMappedField[] = [
  ...(Object.keys(LEGACY_CODE_FIELDS) as (keyof typeof LEGACY_CODE_FIELDS)[]),
  ...LEGACY_REF_FIELDS,
];

/** A column-mapping profile: field → column header, and per coded field legacy value → Jalon code. */
export interface ImportProfile {
  id: string;
  name: string;
  source: string;
  columns: Partial<Record<LegacyField, string>>;
  codes: Partial<Record<LegacyMappedField, Record<string, string>>>;
  /** Date format of the export's dates. */
  dateFormat: 'dd/mm/yyyy' | 'yyyy-mm-dd';
}

/** The legacy tools Jalon replaces, each with its built-in profile; `site_export` needs a saved profile. */
export const LEGACY_SOURCES = ['coordin', '4d', 'tipi', 'site_export'] as const;
export type LegacySource = (typeof LEGACY_SOURCES)[number];
export const LEGACY_SOURCE_LABELS: Record<LegacySource, string> = {
  coordin: 'COORDIN',
  '4d': '4D',
  tipi: 'TIPI',
  site_export: 'Export d’un site (profil enregistré)',
};
