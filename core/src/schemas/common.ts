import { z } from 'zod';
import { CODE_LISTS, NOT_PROVIDED, codesOf, type CodeListId } from '../domain/code-lists.js';

z.config(z.locales.fr());

export const Uuid = z.uuid({ error: 'Identifiant invalide' });
export const IdParams = z.object({ id: Uuid });
export type IdParams = z.infer<typeof IdParams>;

/** What a person reads for a date: the format they type in the form (jj/mm/aaaa), not the wire format. */
const DATE_ERROR = 'Date invalide : saisissez jj/mm/aaaa';

/**
 * The message of a choice from a list: "Motif obligatoire" when nothing was chosen, otherwise a plain request to pick
 * from the list (never "valeur hors de la liste").
 */
export const choiceError =
  (label: string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined || iss.input === null || iss.input === ''
      ? `${label} obligatoire`
      : `${label} : choisissez une valeur de la liste`;

/** A calendar date as yyyy-mm-dd, a real day, not before 1900 and not in the future. */
export const PastDate = z.iso
  .date({ error: DATE_ERROR })
  .refine((d) => d >= '1900-01-01', { error: 'La date doit être postérieure au 1er janvier 1900' })
  .refine((d) => d <= new Date().toISOString().slice(0, 10), { error: 'La date ne peut pas être dans le futur' });

/** A calendar date, past or future, within the range the database and the service make sense of. */
export const AnyDate = z.iso
  .date({ error: DATE_ERROR })
  .refine((d) => d >= '1900-01-01', { error: 'La date doit être postérieure au 1er janvier 1900' })
  .refine((d) => d <= '2100-12-31', { error: 'La date doit être antérieure au 31 décembre 2100' });

/** C0 and C1 control characters (tab, line feed and carriage return excepted): never valid in stored text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const hasNoControlChars = (s: string) => !CONTROL_CHARS.test(s);

/**
 * A lone UTF-16 surrogate (half of a character, as JSON `"\ud800"` allows) cannot be stored: PostgreSQL refuses it and
 * the UTF-8 encoders replace it with U+FFFD. Every free-text field refuses it (docs/security.md, Bad input).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasNoLoneSurrogate = (s: string) => !LONE_SURROGATE.test(s);
export const loneSurrogateError = (label: string) => ({
  error: `${label} : caractère invalide (moitié de caractère Unicode isolée)`,
});

/** Trimmed text with no control characters, bounded so that a paste never loses data silently. */
export const Text = (max: number, label: string) =>
  z
    .string({ error: `${label} : texte attendu` })
    .trim()
    .max(max, { error: `${label} : ${max} caractères au maximum` })
    .refine(hasNoControlChars, {
      error: `${label} : caractères de contrôle non autorisés`,
    })
    .refine(hasNoLoneSurrogate, loneSurrogateError(label));

export const RequiredText = (max: number, label: string) =>
  Text(max, label).refine((s) => s.length > 0, { error: `${label} est obligatoire` });

/** Optional text: empty strings become null so that a cleared field is stored as empty. */
export const OptionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), Text(max, label).nullable()).optional();

/** A value from one of the code lists of domain.md §6. */
export const Code = (id: CodeListId) => z.enum(codesOf(id), { error: choiceError(CODE_LISTS[id].label) });

export const CodeOrNotProvided = (id: CodeListId) => Code(id).default(NOT_PROVIDED);

export const Email = z
  .email({ error: 'Adresse électronique invalide' })
  .max(200)
  .transform((s) => s.toLowerCase());

export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .()-]{6,20}$/, { error: 'Numéro de téléphone invalide' });
