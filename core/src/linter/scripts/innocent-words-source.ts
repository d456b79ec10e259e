/** Shared by the generator and its drift test: which words of a French word list are innocent near misses. */
import { isFuzzyOnlyMatch } from '../lint-note.js';
import { foldText } from '../normalize.js';
import { FUZZY_MIN_LENGTH } from '../fuzzy.js';

export const FRENCH_WORD_LIST = '/usr/share/dict/french';

/** Folded, deduplicated, sorted words of `list` (one word per line) that match the lexicon only as typos. */
export const computeInnocentWords = (list: string): string[] => {
  const words = new Set<string>();
  for (const line of list.split('\n')) {
    const w = foldText(line.trim());
    if (w.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(w)) words.add(w);
  }
  return [...words].filter(isFuzzyOnlyMatch).sort();
};
