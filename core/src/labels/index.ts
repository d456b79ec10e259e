import { FIELD_CATALOGUE } from '../rgpd/field-catalogue.js';
import { SENSITIVE_SECTIONS, type SensitiveSection } from '../sections/domain.js';

/**
 * The one label catalogue (docs/security.md, "Texts for people"): what the web, the PDFs and the exports print for a
 * code of the access log, of the audit trail or of a field changed. A code never reaches a person: an unknown code
 * reads as a neutral French phrase, never as itself.
 */

/** The parts of a file a read records in the access log (`access_log.part`): one definition for server, DPO and web. */
export const ACCESS_PART_LABELS = {
  general: 'Partie générale',
  full: 'Dossier complet',
  consultations: 'Liste des consultations',
  journal: 'Journal',
  journal_notes: 'Journal avec notes',
  sections: 'Sections complémentaires (liste)',
  access_export: 'Export d’accès complet (délégué à la protection des données)',
  access_print: 'Impression pour la personne (référent)',
  history: 'Historique des modifications',
  elsewhere_card: 'Fiche « Connu·e ailleurs » (recherche d’un autre site)',
  documents: 'Pièces justificatives (liste)',
  genogram: 'Génogramme',
  genogram_relations: 'Génogramme : relations',
  courrier: 'Courrier (convocation, attestation)',
  budget: 'Budget du foyer',
  aides: 'Demandes d’aide financière',
  commission: 'Commission d’aides (ordre du jour, procès-verbal, paiement)',
  rsa: 'Suivi RSA',
  rsa_ep: 'RSA : équipe pluridisciplinaire et sanctions',
} as const;
const SECTION_PART_LABELS: Record<SensitiveSection, string> = {
  sejour: 'Section Séjour',
  langue: 'Section Langue française',
  sante: 'Section Santé',
  enfance: 'Section Enfance en danger',
  rattachement: 'Section Commune de rattachement',
};
/** `document_<id>`: the content of one document (a download). */
export type AccessPart = keyof typeof ACCESS_PART_LABELS | `section_${SensitiveSection}` | `document_${string}`;
export const ACCESS_PARTS: readonly AccessPart[] = [
  ...(Object.keys(ACCESS_PART_LABELS) as (keyof typeof ACCESS_PART_LABELS)[]),
  ...SENSITIVE_SECTIONS.map((s) => `section_${s}` as const),
];
export const accessPartLabel = (part: string): string =>
  (ACCESS_PART_LABELS as Record<string, string>)[part] ??
  (part.startsWith('section_') ? SECTION_PART_LABELS[part.slice(8) as SensitiveSection] : undefined) ??
  (part.startsWith('document_') ? 'Pièce justificative (téléchargement)' : undefined) ??
  'Autre partie du dossier';

/** Every action of the audit trail, in French (DPO log, history). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'access_request.create': 'Demande d’accès enregistrée',
  'access_request.produce': 'Export d’accès produit par le délégué',
  'usager.access_print': 'Impression pour la personne',
  'usager.access_export': 'Export d’accès du dossier',
  'absence.create': 'Absence d’un professionnel déclarée',
  'absence.delete': 'Absence d’un professionnel retirée',
  'appointment.status': 'Statut d’un rendez-vous',
  'appointment.clash_confirmed': 'Rendez-vous confirmé sur un créneau pris ou une absence',
  'audit_log.search': 'Recherche dans les journaux de sécurité',
  'auth.account_locked': 'Compte verrouillé',
  'auth.login': 'Connexion',
  'auth.login_failed': 'Échec de connexion',
  'auth.password_changed': 'Mot de passe changé',
  'auth.recovery_code_used': 'Code de secours utilisé',
  'auth.totp_disabled': 'Double authentification désactivée',
  'auth.totp_enabled': 'Double authentification activée',
  'auth.totp_enrolment_started': 'Double authentification en cours d’activation',
  'break_glass.grant': 'Accès motivé ouvert',
  'break_glass.review': 'Accès motivé revu',
  'case_file.anonymise': 'Dossier anonymisé',
  'case_file.archive': 'Dossier archivé',
  'case_file.archive_read': 'Lecture d’un dossier archivé',
  'case_file.retention_hold': 'Prolongation de conservation',
  'case_file_section.open': 'Ouverture d’une section complémentaire',
  'case_file_section.update': 'Modification d’une section complémentaire',
  'genogram.update': 'Modification du génogramme',
  'genogram.relations_open': 'Ouverture des relations du génogramme',
  'budget.update': 'Modification du budget du foyer',
  'aid_application.create': 'Demande d’aide créée',
  'aid_application.transition': 'Changement de statut d’une demande d’aide',
  'aid_application.facts': 'Éléments d’éligibilité d’une demande d’aide modifiés',
  'aid_repayment.create': 'Remboursement d’un prêt enregistré',
  'rsa_person.update': 'Modification du bloc RSA',
  'rsa_orientation.transition': 'Orientation RSA',
  'rsa_referent.set': 'Désignation d’un référent RSA',
  'rsa_contract.create': 'Contrat d’engagement enregistré',
  'rsa_contract.sign': 'Signature d’un contrat d’engagement',
  'rsa_contract.plan': 'Plan d’action du contrat mis à jour',
  'rsa_action_ref.save': 'Référentiel des actions RSA modifié',
  'consent.create': 'Recueil d’un consentement',
  'consent.withdraw': 'Retrait d’un consentement',
  'file_restriction.create': 'Limitation ou opposition enregistrée',
  'file_restriction.lift': 'Limitation ou opposition levée',
  'file_share.create': 'Partage d’informations',
  'household.member_add': 'Ajout d’un membre du foyer',
  'household.member_end': 'Fin d’appartenance au foyer',
  'journal_entry.create': 'Ajout au journal de suivi',
  'journal_entry.delete': 'Suppression d’une entrée du journal',
  'journal_entry.update': 'Modification d’une entrée du journal',
  'keys.rotate': 'Rotation des clés de chiffrement',
  'motif.create': 'Création d’un motif',
  'motif.update': 'Modification d’un motif',
  'notification.read': 'Notification lue',
  'partner.create': 'Création d’un partenaire',
  'partner.update': 'Modification d’un partenaire',
  'setup.first_admin': 'Création du premier administrateur',
  'site.create': 'Création d’un site',
  'site.profile_update': 'Profil de minimisation du site modifié',
  'site.update': 'Modification d’un site',
  'team.create': 'Création d’une équipe',
  'team.update': 'Modification d’une équipe',
  'usager.close': 'Clôture du dossier',
  'usager.create': 'Ouverture du dossier',
  'usager.referents_set': 'Changement de référent',
  'usager.reopen': 'Réouverture du dossier',
  'usager.update': 'Rectification du dossier',
  'user.create': 'Création d’un compte',
  'user.totp_reset': 'Double authentification réinitialisée',
  'user.update': 'Modification d’un compte',
};
export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? 'Autre action';

/** Keys of an audit diff that are bookkeeping, not a field of the file: never listed as a change. */
const HIDDEN_DIFF_KEYS = new Set(['lint_flags', 'lint_categories', 'versioned', 'fields', 'version', 'updated_at']);

/** Diff keys (columns or API fields) the field catalogue does not name. */
const DIFF_FIELD_LABELS: Record<string, string> = {
  team_id: 'Équipe',
  referent_id: 'Référent',
  referents: 'Référents',
  status: 'Statut',
  closing_reason: 'Motif de clôture',
  start_date: 'Date de début',
  end_date: 'Date de fin',
  kind: 'Type',
  type: 'Type d’entrée',
  visibility: 'Visibilité de la note',
  has_note: 'Note',
  note: 'Note',
  occurred_at: 'Date de l’entrée',
  duration_minutes: 'Durée',
  place: 'Lieu',
  motifs: 'Motifs',
  partner_id: 'Partenaire',
  orientation_reason: 'Motif d’orientation',
  orientation_outcome: 'Suite de l’orientation',
  appointment_worker_id: 'Intervenant du rendez-vous',
  deleted_reason: 'Motif de suppression',
  reason: 'Motif',
  until: 'Conserver jusqu’au',
  start_reason: 'Motif d’arrivée dans le foyer',
  end_reason: 'Motif de départ du foyer',
  relationship: 'Lien avec la personne',
  legalGround: 'Fondement du partage',
  sections: 'Informations partagées',
  personInformed: 'Information de la personne',
  withdrawnOn: 'Date de retrait',
};
const CATALOGUE_LABELS = new Map<string, string>(FIELD_CATALOGUE.map((f) => [f.name, f.label]));
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The French name of a field an audit diff names; null for bookkeeping keys. */
export const diffFieldLabel = (key: string): string | null =>
  HIDDEN_DIFF_KEYS.has(key)
    ? null
    : (DIFF_FIELD_LABELS[key] ?? CATALOGUE_LABELS.get(camel(key)) ?? CATALOGUE_LABELS.get(key) ?? 'Autre information');

/** Names of the fields an audit diff changed (the keys, and a `fields` list when the diff carries one). */
export const changedFieldLabels = (diff: unknown): string[] => {
  if (!diff || typeof diff !== 'object') return [];
  const d = diff as Record<string, unknown>;
  const keys = [...Object.keys(d), ...(Array.isArray(d.fields) ? d.fields.filter((f) => typeof f === 'string') : [])];
  const labels = keys.map(diffFieldLabel).filter((l): l is string => l !== null);
  return [...new Set(labels)].sort((a, b) => a.localeCompare(b, 'fr'));
};

/** A code, field key or English word a person must never read: snake_case or camelCase tokens. */
export const CODE_TOKEN = /\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/;
