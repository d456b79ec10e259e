/** Journal d'activité (docs/api.md, Journal, agenda, catalogues): entry types, places, visibility of notes, appointment statuses. */

export const ENTRY_TYPES = [
  'entretien_bureau',
  'visite_domicile',
  'entretien_telephonique',
  'entretien_visio',
  'appel_entrant',
  'appel_sortant',
  'rendez_vous',
  'orientation',
  'demarche',
  'accueil',
  'note_synthese',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const ENTRY_TYPE_LABELS: Record<EntryType, string> = {
  entretien_bureau: 'Entretien au bureau',
  visite_domicile: 'Visite à domicile',
  entretien_telephonique: 'Entretien téléphonique',
  entretien_visio: 'Entretien en visio',
  appel_entrant: 'Appel entrant',
  appel_sortant: 'Appel sortant',
  rendez_vous: 'Rendez-vous',
  orientation: 'Orientation vers un partenaire',
  demarche: 'Démarche / courrier',
  accueil: 'Accueil (secrétariat)',
  note_synthese: 'Note de synthèse',
};

/** What a secretary may record: the reception and the appointments, never an interview. */
export const SECRETARY_ENTRY_TYPES: readonly EntryType[] = ['accueil', 'rendez_vous'];

export const NOTE_VISIBILITIES = ['privee', 'referents', 'equipe'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];
export const NOTE_VISIBILITY_LABELS: Record<NoteVisibility, string> = {
  privee: 'Privée (moi seul·e)',
  referents: 'Référents du dossier',
  equipe: 'Équipe du référent',
};

export const PLACES = ['bureau', 'domicile', 'telephone', 'visio', 'exterieur'] as const;
export type Place = (typeof PLACES)[number];
export const PLACE_LABELS: Record<Place, string> = {
  bureau: 'Au bureau',
  domicile: 'À domicile',
  telephone: 'Par téléphone',
  visio: 'En visio',
  exterieur: 'À l’extérieur',
};

export const APPOINTMENT_STATUSES = ['prevu', 'honore', 'excuse', 'non_venu', 'annule'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  prevu: 'Prévu',
  honore: 'Honoré',
  excuse: 'Excusé',
  non_venu: 'Non venu',
  annule: 'Annulé',
};

/** The author edits freely during this delay; afterwards every change keeps the previous version. */
export const FREE_EDIT_MS = 24 * 60 * 60 * 1000;

/** The default place of an entry type, so a phone call needs no extra choice. */
export const DEFAULT_PLACE: Partial<Record<EntryType, Place>> = {
  entretien_bureau: 'bureau',
  visite_domicile: 'domicile',
  entretien_telephonique: 'telephone',
  entretien_visio: 'visio',
  appel_entrant: 'telephone',
  appel_sortant: 'telephone',
  accueil: 'bureau',
};

/** Default motif catalogue; the admin edits it (labels, new motifs, deactivation). */
export const DEFAULT_MOTIFS: readonly { code: string; label: string }[] = [
  { code: 'acces_droits', label: 'Accès aux droits' },
  { code: 'logement', label: 'Logement, hébergement' },
  { code: 'budget', label: 'Budget, dettes' },
  { code: 'emploi', label: 'Emploi, insertion' },
  { code: 'sante', label: 'Santé, accès aux soins' },
  { code: 'famille', label: 'Famille, parentalité' },
  { code: 'education', label: 'Éducation, scolarité' },
  { code: 'aide_financiere', label: 'Aide financière' },
  { code: 'administratif', label: 'Démarches administratives' },
  { code: 'isolement', label: 'Isolement, lien social' },
];
