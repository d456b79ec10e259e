/**
 * Motivated access ("accès motivé", break-glass, docs/api.md, Motivated access, notifications, access export): a worker opens a file outside their need-to-know
 * only with one of these reasons and a free-text justification; the grant lasts 24 hours and is reviewed.
 */
export const BREAK_GLASS_REASONS = [
  'urgence_securite',
  'accueil_sans_rdv',
  'remplacement',
  'demande_usager',
  'transfert_dossier',
  'autre',
] as const;
export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];

export const BREAK_GLASS_REASON_LABELS: Record<BreakGlassReason, string> = {
  urgence_securite: 'Urgence : mise en sécurité de la personne',
  accueil_sans_rdv: 'Accueil de la personne sans rendez-vous sur mon site',
  remplacement: 'Remplacement d’un·e collègue absent·e',
  demande_usager: 'Demande expresse de la personne',
  transfert_dossier: 'Transfert ou déménagement vers mon site',
  autre: 'Autre motif (précisé ci-dessous)',
};

/** How long a motivated access lasts. */
export const BREAK_GLASS_HOURS = 24;
/** Minimum length of the free-text justification. */
export const BREAK_GLASS_MIN_JUSTIFICATION = 15;
