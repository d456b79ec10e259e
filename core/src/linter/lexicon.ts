/**
 * Lexicon entries and their compiled matchers. An entry is a pattern of one or more words written in plain French
 * (accents allowed, folded on load). Each word is either a list of inflected forms, `agressi{f,ve,fs,ves}`, or a
 * prefix stem, `psychiatr*`. Apostrophes and hyphens in patterns are word breaks, like in the text.
 */
import { foldText } from './normalize.js';
import { FUZZY_MIN_LENGTH } from './fuzzy.js';
import type { LintCategory } from './types.js';

/** `neutre` entries flag nothing: they claim a span (e.g. "arrêt maladie") so that shorter entries inside it are ignored. */
export type EntryKind = LintCategory | 'neutre';

export interface LexEntry {
  /** Space-separated words; see the module comment for the syntax. */
  p: string;
  /** Entry-specific explanation, otherwise the category default (types.ts). */
  message?: string;
  /** Entry-specific neutral alternative or structured field, otherwise the category default. */
  suggestion?: string;
  /** Skip the match when one of these folded words occurs among the `window` words before it. */
  notAfter?: readonly string[];
  /** Skip the match when one of these folded words occurs among the `window` words after it. */
  notBefore?: readonly string[];
  /** Context window for notAfter / notBefore, default 2. */
  window?: number;
  /** Exact forms only, no typo tolerance (words whose near neighbours are common innocent words). */
  exact?: boolean;
  /** Skip a Capitalised word inside a sentence, a proper noun ("le pasteur" but not "rue Pasteur"). */
  notProperNoun?: boolean;
  /** Only match when written in upper case (acronyms such as "HP", "FO"). */
  upperOnly?: boolean;
}

export interface WordMatcher {
  id: number;
  forms: ReadonlySet<string>;
  /** Prefix stem, for `stem*` words. */
  prefix: string | null;
  fuzzy: boolean;
}

export interface CompiledEntry {
  kind: EntryKind;
  entry: LexEntry;
  words: readonly WordMatcher[];
  notAfter: ReadonlySet<string>;
  notBefore: ReadonlySet<string>;
  window: number;
  /** Declaration order, used to break ties between overlapping matches of the same length. */
  order: number;
}

/** Expand one `base{a,b,}rest` group (a single group per word is enough for French inflections). */
export const expandForms = (word: string): string[] => {
  const m = /^([^{]*)\{([^}]*)\}(.*)$/.exec(word);
  if (!m) return [word];
  const [, head = '', alts = '', tail = ''] = m;
  return alts.split(',').map((alt) => `${head}${alt.trim()}${tail}`);
};

/** Split a pattern into words; hyphens and apostrophes separate words like in the tokenizer. */
export const patternWords = (pattern: string): string[] =>
  foldText(pattern)
    .replace(/['-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);

let nextMatcherId = 0;
const matcherCache = new Map<string, WordMatcher>();

const compileWord = (word: string, exact: boolean): WordMatcher => {
  const cacheKey = `${exact ? '=' : '~'}${word}`;
  const known = matcherCache.get(cacheKey);
  if (known) return known;
  const isPrefix = word.endsWith('*');
  const forms = isPrefix ? [] : expandForms(word);
  const prefix = isPrefix ? word.slice(0, -1) : null;
  const longest = prefix ?? forms.reduce((a, b) => (b.length > a.length ? b : a), '');
  const matcher: WordMatcher = {
    id: nextMatcherId,
    forms: new Set(forms),
    prefix,
    fuzzy: !exact && longest.length >= FUZZY_MIN_LENGTH,
  };
  nextMatcherId += 1;
  matcherCache.set(cacheKey, matcher);
  return matcher;
};

/** Compile a category's entries. Throws on an empty pattern so lexicon mistakes fail the tests. */
export const compileEntries = (kind: EntryKind, entries: readonly LexEntry[], orderBase: number): CompiledEntry[] =>
  entries.map((entry, i) => {
    const words = patternWords(entry.p);
    if (words.length === 0) throw new Error(`Empty lexicon pattern in ${kind}`);
    return {
      kind,
      entry,
      words: words.map((w) => compileWord(w, entry.exact === true)),
      notAfter: new Set((entry.notAfter ?? []).map(foldText)),
      notBefore: new Set((entry.notBefore ?? []).map(foldText)),
      window: entry.window ?? 2,
      order: orderBase + i,
    };
  });
