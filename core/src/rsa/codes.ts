/**
 * The CAF code lists of the RSA block, imported as they are (/work/shared/docs/domain.md §3, from WebRSA's
 * `Option.php`), with the French label a person reads. A code never reaches a page without its label.
 */
export const ETATDOSRSA = {
  '0': 'Nouvelle demande en attente de décision du Département',
  '1': 'Droit refusé',
  '2': 'Droit ouvert et versable',
  '3': 'Droit ouvert et suspendu (montant calculable)',
  '4': 'Droit ouvert, versement suspendu (montant non calculable)',
  '5': 'Droit clos',
  '6': 'Droit clos sur mois antérieur (créances ou régularisation)',
  Z: 'Non défini',
} as const;
export const ROLEPERS = {
  DEM: 'Demandeur',
  CJT: 'Conjoint',
  ENF: 'Enfant',
  AUT: 'Autre personne',
  RDO: 'Responsable du dossier',
} as const;
export const NATPF = {
  RSD: 'RSA socle (Département)',
  RSI: 'RSA socle majoré',
  RSU: 'RSA socle État, contrat aidé',
  RSB: 'RSA socle local',
  RCD: 'RSA activité (État)',
  RCI: 'RSA activité majoré',
  RCU: 'RSA activité, contrat aidé',
  RCB: 'RSA activité local',
  RSJ: 'RSA jeune (socle)',
  RCJ: 'RSA jeune (activité)',
} as const;
export const SITPERSDEMRSA = {
  '0101': 'Fin de droits ASSEDIC',
  '0102': 'Fin de droits AAH',
  '0103': 'Fin d’indemnités journalières maternité',
  '0104': 'Fin d’indemnités journalières maladie ou accident du travail',
  '0105': 'Attente de pension',
  '0106': 'Changement de situation familiale',
  '0107': 'Faibles ressources',
  '0108': 'Cessation d’activité',
  '0109': 'Fin d’études',
} as const;

export type Etatdosrsa = keyof typeof ETATDOSRSA;
export type Rolepers = keyof typeof ROLEPERS;
export type Natpf = keyof typeof NATPF;
export type Sitpersdemrsa = keyof typeof SITPERSDEMRSA;

/** Where a change of the block came from: typed by a worker, or imported from a CAF flux. */
export const RSA_ORIGINS = { typed: 'Saisie', imported: 'Flux CAF' } as const;
export type RsaOrigin = keyof typeof RSA_ORIGINS;

/** Orientation kinds and the organismes référents each allows (loi du 18/12/2023, France Travail first). */
export const ORIENTATION_KINDS = {
  professionnelle: 'Professionnelle',
  sociale: 'Sociale',
  socio_professionnelle: 'Socio-professionnelle',
} as const;
export type OrientationKind = keyof typeof ORIENTATION_KINDS;
export const ORGANISMES = {
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  service_social: 'Service social départemental',
  casvp: 'CASVP (service social de la Ville de Paris)',
  epi: 'Espace parisien pour l’insertion',
  plie: 'PLIE',
  autre: 'Autre organisme',
} as const;
export type Organisme = keyof typeof ORGANISMES;
export const ORGANISMES_BY_KIND: Record<OrientationKind, readonly Organisme[]> = {
  professionnelle: ['france_travail', 'mission_locale', 'cap_emploi'],
  sociale: ['service_social', 'casvp'],
  socio_professionnelle: ['epi', 'plie', 'autre'],
};

/** Contracts: the contrat d'engagement, and the legacy ones kept as history. */
export const CONTRACT_KINDS = {
  contrat_engagement: 'Contrat d’engagement',
  cer: 'CER (contrat d’engagement réciproque, ancien)',
  ppae: 'PPAE (projet personnalisé d’accès à l’emploi, ancien)',
  cej: 'CEJ (contrat d’engagement jeune, ancien)',
  pacea: 'PACEA (ancien)',
} as const;
export type ContractKind = keyof typeof CONTRACT_KINDS;
export const CONTRACT_DURATIONS = [3, 6, 9, 12] as const;
/** Why the weekly hours are lowered or waived (Conseil constitutionnel: adapted to the personal situation). */
export const HOURS_REASONS = {
  sante: 'Raisons de santé',
  parent_isole: 'Parent isolé sans solution de garde',
  handicap: 'Situation de handicap',
  aidant: 'Proche aidant',
  autre: 'Autre raison (précisée)',
} as const;
export type HoursReason = keyof typeof HOURS_REASONS;
export const ACTION_STATUSES = {
  prevue: 'Prévue',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  abandonnee: 'Abandonnée',
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

/** The labels of every RSA code list, for the catalogue (core/src/labels) and the pages. */
export const RSA_LABELS = {
  etatdosrsa: ETATDOSRSA,
  rolepers: ROLEPERS,
  natpf: NATPF,
  sitpersdemrsa: SITPERSDEMRSA,
  origin: RSA_ORIGINS,
  orientationKind: ORIENTATION_KINDS,
  organisme: ORGANISMES,
  contractKind: CONTRACT_KINDS,
  hoursReason: HOURS_REASONS,
  actionStatus: ACTION_STATUSES,
} as const;

/** The label of a code of one list; an unknown code reads as a neutral phrase, never as itself. */
export const rsaLabel = (list: keyof typeof RSA_LABELS, code: string | null | undefined): string | null =>
  code === null || code === undefined ? null : ((RSA_LABELS[list] as Record<string, string>)[code] ?? 'Code inconnu');
