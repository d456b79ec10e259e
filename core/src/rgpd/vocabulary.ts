/**
 * The RGPD vocabulary of the field catalogue (domain.md §1.2, §1.3, §1.7): data categories, purposes, legal bases,
 * retention rules, readers, recipients and security measures. Labels are French: they go into the art. 30 register.
 */

export const DATA_CATEGORIES = {
  identification: { label: 'Identification (état civil, coordonnées, identifiants)', article: null },
  situation_familiale: { label: 'Situation familiale', article: null },
  logement: { label: 'Logement', article: null },
  vie_professionnelle: { label: 'Vie professionnelle, formation', article: null },
  ressources: { label: 'Ressources et charges', article: null },
  sante: { label: 'Santé', article: 'RGPD art. 9' },
  difficultes_sociales: { label: 'Appréciations sur les difficultés sociales (évaluation sociale)', article: null },
  infractions: { label: 'Infractions, condamnations', article: 'RGPD art. 10' },
  nir: { label: 'NIR (numéro de sécurité sociale)', article: 'Décret-cadre NIR' },
} as const;
export type DataCategory = keyof typeof DATA_CATEGORIES;

export const PURPOSES = {
  accompagnement:
    'Accueil, évaluation de la situation, orientation et accompagnement social des personnes et des ménages',
  aides: 'Instruction et suivi des aides sociales légales et facultatives',
  partage:
    'Partage d’informations strictement nécessaires, sur un fondement légal (secret partagé, informations préoccupantes)',
  statistiques: 'Statistiques anonymisées et pilotage de l’activité des sites (jamais par agent)',
  securite: 'Sécurité du système : traçabilité des accès et des actions',
} as const;
export type Purpose = keyof typeof PURPOSES;

export const LEGAL_BASES = {
  mission: 'RGPD art. 6-1-e : mission d’intérêt public (action sociale, CASF L123-2 et L123-5)',
  obligation:
    'RGPD art. 6-1-c : obligation légale (RSA, CASF L262-1 et suivants ; protection de l’enfance, CASF L226-2-1)',
  art9_social:
    'RGPD art. 9-2-h : prise en charge sociale ou médico-sociale par des professionnels tenus au secret (CSP L1110-4)',
  art9_public: 'RGPD art. 9-2-g : motif d’intérêt public important (protection de l’enfance, CASF L226-2-1)',
} as const;
export type LegalBasis = keyof typeof LEGAL_BASES;

export const RETENTION_RULES = {
  dossier:
    'Base active jusqu’à 2 ans après le dernier contact, puis archive intermédiaire (DPO, motif légal écrit) ou anonymisation',
  suivi: 'Durée du dossier ; l’historique des référents est supprimé à l’anonymisation',
  journal: 'Durée du dossier ; à l’anonymisation, seul le nombre d’entrées par type est conservé',
  section: 'Durée du dossier, ou fermeture de la section par le référent ; supprimée à l’anonymisation',
  journaux: '1 an, puis purge (point de contrôle de la chaîne d’empreintes)',
} as const;
export type RetentionRule = keyof typeof RETENTION_RULES;

/** What the anonymisation keeps of a field (docs/adr/005-retention-anonymisation.md: age band, sex, household type, arrondissement, counts). */
export const ON_ANONYMISATION = {
  delete: 'supprimé',
  keep: 'conservé (statistique)',
  age_band: 'conservé en tranche d’âge',
  arrondissement: 'conservé en arrondissement',
  count: 'conservé en nombre',
} as const;
export type OnAnonymisation = keyof typeof ON_ANONYMISATION;

/** Who reads a field, as decided by core/src/policy (need-to-know). Admin and DPO never read usager data. */
export const READERS = {
  general: 'Agents du site du dossier (travailleurs sociaux, secrétaires, responsable) : partie générale',
  full: 'Référent(s), co-référent(s) et travailleurs sociaux de l’équipe du dossier : dossier complet',
  note: 'Auteur et référent(s) ; l’équipe si la note est marquée « équipe » ; jamais les secrétaires',
  sensitive:
    'Comme le dossier complet (référent(s), co-référent(s), travailleurs sociaux de l’équipe), seulement si le profil du site propose la section et après son ouverture sur motif tracé ; chaque lecture est journalisée',
} as const;
export type Readers = keyof typeof READERS;

export const RECIPIENTS: readonly { who: string; what: string }[] = [
  {
    who: 'Travailleurs sociaux du site',
    what: 'Partie générale ; dossier complet pour le(s) référent(s) et l’équipe du dossier',
  },
  { who: 'Secrétaires médico-sociales du site', what: 'Partie générale, rendez-vous et accueil ; jamais les notes' },
  {
    who: 'Responsable de site',
    what: 'Partie générale des dossiers du site et statistiques agrégées ; aucune activité nominative des agents',
  },
  { who: 'Autres sites', what: 'Uniquement « Connu·e à <site> » sur nom exact' },
  {
    who: 'Délégué·e à la protection des données',
    what: 'Journaux de sécurité, avec un motif lui-même journalisé ; aucun contenu de dossier',
  },
  { who: 'Administrateur·rice fonctionnel·le', what: 'Organisation, comptes, catalogues ; aucun contenu de dossier' },
  {
    who: 'Destinataires externes (CAF, France Travail, CRIP, partenaires)',
    what: 'Seulement les sections d’un partage enregistré sur un fondement légal ou le consentement écrit de la personne',
  },
];

export const SECURITY_MEASURES: readonly string[] = [
  'Comptes nominatifs ; mots de passe hachés (Argon2), refus des mots de passe courants, blocage après échecs répétés',
  'Sessions de 30 minutes d’inactivité et 12 heures au plus ; jeton anti-CSRF et contrôle de l’origine des requêtes',
  'Besoin d’en connaître appliqué dans une seule couche d’accès : dossier introuvable (404) hors périmètre',
  'Partie générale et dossier complet séparés ; admin et DPO sans accès au contenu des dossiers',
  'Journal d’audit de chaque modification dans la même transaction, valeurs personnelles masquées',
  'Journal de chaque consultation de dossier, visible des référents',
  'Journaux en ajout seul, chaînés par empreintes SHA-256, vérifiables par un contrôle d’intégrité, conservés 1 an',
  'Recherche dans les journaux réservée au DPO, avec un motif journalisé ; aucune route ne donne l’activité d’un agent nommé',
  'Notes du journal chiffrées au repos (AES-256-GCM) ; vérificateur de formulation des notes',
  'Sections sensibles fermées par défaut, ouvertes sur motif ; pas de NIR ni de diagnostic',
  'Statistiques agrégées avec secret statistique (seuils, suppression secondaire), jamais par agent',
];

export const CONTROLLER = {
  name: 'Ville de Paris — Direction des Solidarités (DSOL) et Centre d’action sociale de la Ville de Paris (CASVP)',
  processing:
    'Jalon — dossier social des personnes accueillies et accompagnées par les Espaces Parisiens des Solidarités et les Permanences Sociales d’Accueil',
  persons: 'Personnes accueillies ou accompagnées et membres de leur foyer ; agents utilisateurs (journaux)',
  transfers: 'Aucun transfert hors de l’Union européenne',
  framework:
    'Référentiel CNIL délib. 2021-028 (accompagnement social) ; référentiel des durées de conservation délib. 2023-095 ; AIPD obligatoire (liste CNIL du 06/11/2018)',
} as const;
