import { SECTIONS, type SectionId } from '../rgpd/field-catalogue.js';

/**
 * Optional sensitive sections of a file (docs/api.md, Sensitive sections; domain.md §1.2 and §2): closed by default, opened on a file
 * with a traced reason, and offered only where the site's minimisation profile allows them.
 */
export const SENSITIVE_SECTIONS = [
  'sejour',
  'langue',
  'sante',
  'enfance',
  'rattachement',
] as const satisfies readonly SectionId[];
export type SensitiveSection = (typeof SENSITIVE_SECTIONS)[number];

export const sectionLabel = (s: SensitiveSection): string => SECTIONS[s].label;

/** Short names for the mention on the file ("Section Santé ouverte le …"). */
export const SECTION_SHORT_LABELS: Record<SensitiveSection, string> = {
  sejour: 'Séjour',
  langue: 'Langue française',
  sante: 'Santé',
  enfance: 'Enfance en danger',
  rattachement: 'Commune de rattachement',
};

/**
 * Per-site minimisation profiles, chosen by the admin. `coordin` asks nothing more than the old tool (identity,
 * contact and the core items), `standard` adds what access to rights needs, `etendu` offers every section.
 */
export const SITE_PROFILES = {
  coordin: { label: 'COORDIN — identité, coordonnées et items de base uniquement', sections: [] },
  standard: { label: 'Standard — séjour, langue et santé (accès aux droits)', sections: ['sejour', 'langue', 'sante'] },
  etendu: { label: 'Étendu — toutes les sections facultatives', sections: [...SENSITIVE_SECTIONS] },
} as const satisfies Record<string, { label: string; sections: readonly SensitiveSection[] }>;
export type SiteProfile = keyof typeof SITE_PROFILES;
export const SITE_PROFILE_IDS = Object.keys(SITE_PROFILES) as SiteProfile[];
export const DEFAULT_SITE_PROFILE: SiteProfile = 'standard';

/**
 * Usager fields a `coordin` site does not ask (minimisation, docs/api.md, Sensitive sections): beyond identity, contact and the 7 core items
 * (état civil, contexte familial, logement = statut d'occupation, statut professionnel, niveau scolaire, composition,
 * domain.md §4), the catalogue also holds the nationality, the CAF activity, the housing nature and the CAF /
 * France Travail identifiers. Keys are `section.name` of the field catalogue (and of the PATCH body sections).
 */
export const NON_COORDIN_FIELDS = [
  'identifiers.cafNumber',
  'identifiers.franceTravailId',
  'situation.nationality',
  'situation.cafActivity',
  'household.housingNature',
] as const satisfies readonly `${'identifiers' | 'situation' | 'household'}.${string}`[];
export type NonCoordinField = (typeof NON_COORDIN_FIELDS)[number];

/** Whether a site with this profile asks the usager field (`section.name`); only `coordin` narrows the file. */
export const isFieldInProfile = (p: SiteProfile, key: string): boolean =>
  p !== 'coordin' || !(NON_COORDIN_FIELDS as readonly string[]).includes(key);

/** Whether a site with this profile may hold the section at all (the API refuses it otherwise). */
export const sectionsOfProfile = (p: SiteProfile): readonly SensitiveSection[] => SITE_PROFILES[p].sections;
export const isSectionInProfile = (p: SiteProfile, s: SensitiveSection): boolean => sectionsOfProfile(p).includes(s);

/** Why a section is opened on a file: a reason from this list plus a free text, both traced. */
export const SECTION_OPEN_REASONS = {
  acces_droits: 'Accès aux droits (démarche en cours)',
  evaluation: 'Évaluation de la situation sociale',
  demande_personne: 'À la demande de la personne',
  orientation: 'Orientation vers un partenaire',
  obligation_legale: 'Obligation légale (protection de l’enfance)',
  autre: 'Autre motif (préciser)',
} as const;
export type SectionOpenReason = keyof typeof SECTION_OPEN_REASONS;

/** Titre de séjour: the document held, never the procedure history. */
export const RESIDENCE_PERMITS = {
  carte_temporaire: 'Carte de séjour temporaire',
  carte_pluriannuelle: 'Carte de séjour pluriannuelle',
  carte_resident: 'Carte de résident',
  recepisse: 'Récépissé de demande',
  aps: 'Autorisation provisoire de séjour',
  attestation_asile: 'Attestation de demande d’asile',
  visa_long_sejour: 'Visa long séjour',
  aucun: 'Aucun titre',
  NR: 'Non renseigné',
} as const;

/** Self-declared level, Common European Framework of Reference for Languages. */
export const CECRL_LEVELS = {
  aucun: 'Ne parle pas français',
  A1: 'A1 — découverte',
  A2: 'A2 — survie',
  B1: 'B1 — seuil',
  B2: 'B2 — avancé',
  C1: 'C1 — autonome',
  C2: 'C2 — maîtrise',
  NR: 'Non renseigné',
} as const;

/** Couverture maladie: the right held, no care or diagnosis data. */
export const HEALTH_COVERAGES = {
  puma: 'Assurance maladie (PUMa) seule',
  puma_css: 'Assurance maladie et Complémentaire santé solidaire',
  puma_mutuelle: 'Assurance maladie et mutuelle',
  ame: 'Aide médicale de l’État (AME)',
  soins_urgents: 'Dispositif soins urgents et vitaux',
  en_cours: 'Demande en cours',
  aucune: 'Aucune couverture',
  NR: 'Non renseigné',
} as const;

/** Suite donnée à une information préoccupante, as the CRIP reports it. */
export const CONCERN_OUTCOMES = {
  en_attente: 'En attente de retour de la CRIP',
  evaluation: 'Évaluation en cours',
  sans_suite: 'Classée sans suite',
  mesure_administrative: 'Mesure administrative (aide éducative, accueil)',
  saisine_juge: 'Transmise au parquet / juge des enfants',
  NR: 'Non renseigné',
} as const;

export const codesOfMap = <T extends Record<string, string>>(m: T) =>
  Object.keys(m) as [keyof T & string, ...(keyof T & string)[]];
