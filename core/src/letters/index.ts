import { z } from 'zod';
import { AnyDate, RequiredText, Uuid } from '../schemas/common.js';

/**
 * Letters from templates (docs/api.md, "Courriers"): a template is a text with named placeholders `{{usager.nom}}`
 * taken from a whitelisted catalogue; an unknown placeholder is refused when the template is saved, so rendering
 * never meets one. Rendering is pure: the server gathers the values, core formats dates in French.
 */
export const LETTER_PLACEHOLDERS = {
  'usager.nom': 'Nom et prénom de l’usager',
  'usager.adresse': 'Adresse de l’usager',
  'rdv.date': 'Date du rendez-vous (en toutes lettres)',
  'rdv.heure': 'Heure du rendez-vous',
  'rdv.lieu': 'Lieu du rendez-vous',
  'travailleur.nom': 'Professionnel du rendez-vous ou référent',
  'site.nom': 'Nom du site',
  'site.adresse': 'Adresse du site',
  'site.telephone': 'Téléphone du site',
  'site.horaires': 'Horaires d’ouverture du site',
  'date.jour': 'Date du jour (en toutes lettres)',
  'suivi.debut': 'Date du début du suivi',
  // Notification of an aid decision (docs/api.md, "Commissions"); the voies de recours are always printed after the text.
  'aide.type': 'Aide demandée',
  'aide.decision': 'Décision de la commission',
  'aide.montant': 'Montant accordé',
  'aide.motif': 'Motif de la décision',
  'commission.date': 'Date de la commission',
  // The contrat d'engagement RSA (modules/rsa): filled for that letter only, blank elsewhere.
  'contrat.type': 'Contrat RSA : type de contrat',
  'contrat.debut': 'Contrat RSA : date de début',
  'contrat.fin': 'Contrat RSA : date de fin',
  'contrat.duree': 'Contrat RSA : durée (mois)',
  'contrat.heures': 'Contrat RSA : durée hebdomadaire d’activité',
  'contrat.plan': 'Contrat RSA : plan d’action',
  'orientation.organisme': 'Contrat RSA : organisme référent de l’orientation',
  'referent_rsa.nom': 'Contrat RSA : référent unique',
} as const;
export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;
export const isLetterPlaceholder = (name: string): name is LetterPlaceholder =>
  Object.hasOwn(LETTER_PLACEHOLDERS, name);

/** Codes of the letters the application prints; the administrator edits their text. */
export const LETTER_CODES = {
  convocation: 'Convocation à un rendez-vous',
  attestation_suivi: 'Attestation de suivi',
  notification_aide: 'Notification d’une décision d’aide',
  contrat_engagement: 'Contrat d’engagement RSA',
} as const;
export type LetterCode = keyof typeof LETTER_CODES;

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a body names, in order of first appearance. */
export function placeholdersOf(body: string): string[] {
  const seen = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER_RE)) seen.add(m[1] ?? '');
  return [...seen];
}

/** The problems of a body: unknown placeholders and unbalanced braces, each as a French sentence. */
export function templateProblems(body: string): string[] {
  const problems: string[] = [];
  const unknown = placeholdersOf(body).filter((p) => !isLetterPlaceholder(p));
  if (unknown.length > 0)
    problems.push(
      `Champ${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${unknown.map((u) => `{{${u}}}`).join(', ')}`,
    );
  const rest = body.replace(PLACEHOLDER_RE, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push('Accolades non fermées : écrivez {{champ}}');
  return problems;
}

export type LetterValues = Partial<Record<LetterPlaceholder, string | null>>;

/** The body with each placeholder replaced by its value; a value missing prints as a visible blank to fill by hand. */
export const renderLetterText = (body: string, values: LetterValues): string =>
  body.replace(PLACEHOLDER_RE, (_all, name: string) => {
    const v = isLetterPlaceholder(name) ? values[name] : null;
    return v && v.trim() !== '' ? v : '…………';
  });

const PARIS = 'Europe/Paris';
/** "lundi 7 décembre 2026" in Paris time. */
export const frenchLongDate = (d: Date): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(d)
    .replace(/^(\S+) 1 /, '$1 1er ');
/** "7 décembre 2026". */
export const frenchDate = (d: Date): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, day: 'numeric', month: 'long', year: 'numeric' })
    .format(d)
    .replace(/^1 /, '1er ');
/** "14 h 30" in Paris time. */
export const frenchTime = (d: Date): string => {
  const [h, m] = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit' })
    .format(d)
    .split(':');
  return `${Number(h)} h ${m}`;
};

/** A template as the administrator saves it: a new version each time (docs/api.md, "Courriers"). */
export const LetterTemplateInput = z
  .object({
    code: z.enum(Object.keys(LETTER_CODES) as [LetterCode, ...LetterCode[]], { error: 'Modèle inconnu' }),
    title: RequiredText(200, 'Titre'),
    text: RequiredText(20_000, 'Texte'),
  })
  .strict();
export type LetterTemplateInput = z.infer<typeof LetterTemplateInput>;

/** The letters a worker sends by hand; a decision's notification is produced by its commission only. */
export const SENDABLE_LETTER_CODES = ['convocation', 'attestation_suivi'] as const satisfies readonly LetterCode[];
export const SendLetterInput = z
  .object({
    templateCode: z.enum(SENDABLE_LETTER_CODES, { error: 'Modèle inconnu' }),
    entryId: Uuid.optional(),
  })
  .strict();
export type SendLetterInput = z.infer<typeof SendLetterInput>;

/** Unknown query keys are ignored (like every GET of the API); the date must be a real day. */
export const ConvocationsQuery = z.object({ date: AnyDate });

export const AppointmentParams = z.object({ entryId: Uuid });

export interface LetterTemplateDto {
  id: string;
  code: LetterCode;
  codeLabel: string;
  title: string;
  text: string;
  version: number;
  validFrom: string;
  createdBy: string | null;
}

/** Who prints letters (docs/api.md, "Courriers"): the workers and secretaries of a site; the caller must also read the file. */
export const canPrintLetters = (a: { role: string; siteId: string | null }): boolean =>
  (a.role === 'travailleur_social' || a.role === 'secretaire') && a.siteId !== null;
