/**
 * Neutral phrases and innocent words. A neutral phrase claims its span, so a shorter entry inside it is ignored
 * ("arrêt maladie" is an administrative status; "Secours catholique" is a partner). Innocent words are real French
 * words one letter away from a lexicon form; they are never taken for typos.
 */
import type { LexEntry } from '../lexicon.js';
import { GENERATED_INNOCENT_WORDS } from './innocent-words.js';

export const NEUTRAL: readonly LexEntry[] = [
  { p: 'secours catholique' },
  { p: 'secours islamique' },
  { p: 'secours populaire' },
  { p: 'boit un café' },
  { p: 'boit de l eau' },
  { p: 'bureau de tabac' },
  { p: 'bureau des étrangers' },
  { p: 'service des étrangers' },
  { p: 'titre de séjour' },
  { p: 'médecine du travail' },
];

/**
 * Words never taken for typos: the generated list (real French words one edit away from a lexicon form, see
 * scripts/generate-innocent-words.ts) plus a few words absent from the French word list.
 */
export const INNOCENT_WORDS: ReadonlySet<string> = new Set([...GENERATED_INNOCENT_WORDS, 'cancel', 'cancels']);
