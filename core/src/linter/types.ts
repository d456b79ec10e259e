/**
 * Note linter vocabulary (domain.md §1.5). The usager may read every note (RGPD art. 15, CNIL sheet
 * "Zones bloc-note et commentaires", 2019), so wording that reveals art. 9 / art. 10 data or judges the person is
 * flagged live in the editor. Codes are stable: the audit row stores per-code counts, never the text.
 */
export const LINT_CATEGORY_CODES = [
  'sante',
  'addiction',
  'origine',
  'sexualite',
  'religion',
  'opinion',
  'jugement',
  'insulte',
  'infraction',
] as const;

export type LintCategory = (typeof LINT_CATEGORY_CODES)[number];

/** French labels shown in the editor next to each flag. */
export const LINT_CATEGORIES: Readonly<Record<LintCategory, string>> = {
  sante: 'Santé, diagnostic, traitement',
  addiction: 'Addiction',
  origine: 'Origine, nationalité, situation administrative',
  sexualite: 'Vie sexuelle, orientation, VIH',
  religion: 'Religion, convictions',
  opinion: 'Opinions politiques ou syndicales',
  jugement: 'Jugement de valeur',
  insulte: 'Insulte, grossièreté',
  infraction: 'Infraction, violences, procédure pénale',
};

/**
 * One flagged span. `start`/`end` are UTF-16 offsets in the text given to `lintNote` (end exclusive), so
 * `text.slice(start, end) === match` and the editor can underline without re-searching.
 */
export interface LintFlag {
  category: LintCategory;
  start: number;
  end: number;
  match: string;
  message: string;
  suggestion: string;
}

/** Counts per category: the only trace of a flagged note that may go to the audit row. */
export type LintSummary = Record<LintCategory, number>;

/** Always shown above a note field (domain.md §1.5). */
export const NOTE_VISIBILITY_BANNER = "L'usager peut demander à lire ce texte.";

const READ = "L'usager peut demander à lire cette note (droit d'accès, RGPD art. 15).";

/** Default explanation and alternative per category; lexicon entries may override either. */
export const CATEGORY_ADVICE: Readonly<Record<LintCategory, { message: string; suggestion: string }>> = {
  sante: {
    message: `Donnée de santé (RGPD art. 9) : un diagnostic, une maladie ou un traitement n'a pas sa place dans une note sociale. ${READ}`,
    suggestion:
      'Utilisez la section Santé (couverture maladie, MDPH) sans diagnostic ; décrivez seulement la conséquence utile au suivi (ex. « indisponible jusqu’au 15/03 »).',
  },
  addiction: {
    message: `Addiction supposée ou déclarée : donnée de santé (RGPD art. 9), stigmatisante si elle est lue par l'usager ou un partenaire. ${READ}`,
    suggestion:
      'Ne nommez pas la consommation ; si un accompagnement est engagé, enregistrez l’orientation vers le partenaire (ex. CSAPA) dans le journal.',
  },
  origine: {
    message: `Origine, nationalité ou couleur de peau (RGPD art. 9 pour l'origine ethnique) : la CNIL a sanctionné « n'est pas de nationalité française ». ${READ}`,
    suggestion:
      'Renseignez la nationalité et le titre de séjour dans les champs structurés Identité / Situation administrative ; ne les répétez pas dans la note.',
  },
  sexualite: {
    message: `Vie sexuelle, orientation sexuelle ou statut sérologique (RGPD art. 9) : la CNIL a sanctionné « séropositif » dans une zone commentaire. ${READ}`,
    suggestion: 'Supprimez cette information ; si elle ouvre un droit, utilisez la section Santé sans la nommer.',
  },
  religion: {
    message: `Conviction religieuse (RGPD art. 9) : donnée interdite sauf nécessité justifiée. ${READ}`,
    suggestion:
      'Supprimez la mention ; notez seulement la contrainte pratique convenue avec la personne (ex. « rendez-vous le matin »).',
  },
  opinion: {
    message: `Opinion politique ou appartenance syndicale (RGPD art. 9) : sans rapport avec l'accompagnement social. ${READ}`,
    suggestion: 'Supprimez la mention.',
  },
  jugement: {
    message: `Jugement sur la personne : la CNIL demande d'être « objectif, jamais excessif ou insultant » ; un qualificatif peut porter atteinte à son image ou à ses droits. ${READ}`,
    suggestion: 'Décrivez le fait observé, daté, sans jugement (ex. « a quitté l’entretien avant la fin, le 12/03 »).',
  },
  insulte: {
    message: `Terme insultant ou grossier : la CNIL a sanctionné « gros con » dans une zone commentaire ; « jamais excessif ou insultant ». ${READ}`,
    suggestion: 'Supprimez le terme et décrivez les faits de façon neutre.',
  },
  infraction: {
    message: `Infraction, violences ou procédure pénale (RGPD art. 10) : une accusation non établie peut nuire à la personne. ${READ}`,
    suggestion:
      'Si c’est nécessaire au suivi, attribuez et datez le fait (« selon ses déclarations du 12/03 ») et utilisez la section structurée prévue ; ne qualifiez pas pénalement.',
  },
};
