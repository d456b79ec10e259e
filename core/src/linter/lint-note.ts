/**
 * `lintNote`: flags wording in a free-text note that the usager may read against the worker or that exposes
 * art. 9 / art. 10 data (domain.md §1.5). Pure and synchronous, so the editor can run it on every keystroke.
 *
 * Pipeline: tokenise with offsets → for each distinct word, find the lexicon words it matches (exact form, prefix
 * stem, or near miss for long words) → match whole entries, multi-word ones included, honouring their context
 * lists → keep the longest match where matches overlap (neutral phrases win ties) → build flags.
 */
import { FUZZY_MIN_LENGTH, fuzzyKey, isEditNearMiss, isNearMiss, startsWithNearMiss } from './fuzzy.js';
import { COMPILED, INNOCENT_WORDS } from './lexicon/index.js';
import type { CompiledEntry, WordMatcher } from './lexicon.js';
import { tokenize, type Token } from './normalize.js';
import { CATEGORY_ADVICE, type LintFlag } from './types.js';

const MATCHERS: readonly WordMatcher[] = [...new Map(COMPILED.flatMap((e) => e.words).map((w) => [w.id, w])).values()];

/** Entries indexed by the matcher of their first word. */
const BY_FIRST_WORD = new Map<number, CompiledEntry[]>();
for (const entry of COMPILED) {
  const first = entry.words[0];
  if (!first) continue;
  const list = BY_FIRST_WORD.get(first.id) ?? [];
  list.push(entry);
  BY_FIRST_WORD.set(first.id, list);
}

/**
 * Indexes: exact forms → matcher ids; prefix stems; and for typo tolerance, lexicon forms by first letter and
 * length (a single edit changes the length by at most one) and by spelling key, plus fuzzy prefix stems.
 */
const EXACT = new Map<string, number[]>();
const PREFIXES: WordMatcher[] = [];
const FUZZY_FORMS = new Map<string, [string, WordMatcher][]>();
const FUZZY_KEYS = new Map<string, [string, WordMatcher][]>();
const FUZZY_PREFIXES = new Map<string, WordMatcher[]>();
const push = <V>(map: Map<string, V[]>, key: string, value: V): void => {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
};
const bucket = (word: string, length: number): string => `${word.charAt(0)}${length}`;
for (const m of MATCHERS) {
  for (const form of m.forms) push(EXACT, form, m.id);
  if (m.prefix !== null) PREFIXES.push(m);
  if (!m.fuzzy) continue;
  if (m.prefix !== null) push(FUZZY_PREFIXES, m.prefix.charAt(0), m);
  for (const form of m.forms) {
    push(FUZZY_FORMS, bucket(form, form.length), [form, m]);
    push(FUZZY_KEYS, fuzzyKey(form), [form, m]);
  }
}

const exactIds = (word: string): Set<number> => {
  const ids = new Set<number>(EXACT.get(word) ?? []);
  for (const m of PREFIXES) if (m.prefix !== null && word.startsWith(m.prefix)) ids.add(m.id);
  return ids;
};

const fuzzyIds = (word: string): Set<number> => {
  const ids = new Set<number>();
  if (word.length < FUZZY_MIN_LENGTH) return ids;
  // Same spelling key: a near miss as soon as the first letters agree (see isNearMiss).
  for (const [form, m] of FUZZY_KEYS.get(fuzzyKey(word)) ?? []) if (isNearMiss(word, form)) ids.add(m.id);
  for (let d = -1; d <= 1; d += 1) {
    for (const [form, m] of FUZZY_FORMS.get(bucket(word, word.length + d)) ?? []) {
      if (!ids.has(m.id) && isEditNearMiss(word, form)) ids.add(m.id);
    }
  }
  for (const m of FUZZY_PREFIXES.get(word.charAt(0)) ?? []) {
    if (m.prefix !== null && startsWithNearMiss(word, m.prefix)) ids.add(m.id);
  }
  return ids;
};

/**
 * Is `word` matched only through typo tolerance? Used to build the list of innocent words from a French word list
 * (scripts/generate-innocent-words.ts): a real word that is not in the lexicon is never a typo.
 */
export const isFuzzyOnlyMatch = (word: string): boolean => exactIds(word).size === 0 && fuzzyIds(word).size > 0;

/** Word → ids of the lexicon words it matches. Bounded, since notes are typed live and words repeat. */
const wordCache = new Map<string, ReadonlySet<number>>();
const WORD_CACHE_LIMIT = 20_000;

/**
 * Exact forms and stems first; typo tolerance only for a word with no exact match (a lexicon word is itself, not
 * a typo of a neighbour: "violent" is a judgement, not a misspelt "violenté"), and never for innocent words.
 */
const matchersFor = (word: string, allowFuzzy: boolean): ReadonlySet<number> => {
  const key = `${allowFuzzy ? '~' : '='}${word}`;
  const known = wordCache.get(key);
  if (known) return known;
  let ids = exactIds(word);
  if (ids.size === 0 && allowFuzzy && !INNOCENT_WORDS.has(word)) ids = fuzzyIds(word);
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(key, ids);
  return ids;
};

/** A capitalised word inside a sentence is probably a proper noun ("Jean-Paul Alcott"): exact matches only. */
const allowsFuzzy = (t: Token): boolean => !t.capitalised || t.sentenceStart;

const caseAllows = (entry: CompiledEntry, text: string, t: Token): boolean => {
  const raw = text.slice(t.start, t.end);
  if (entry.entry.upperOnly === true) return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
  if (entry.entry.notProperNoun === true) return !t.capitalised || t.sentenceStart;
  return true;
};

const contextAllows = (entry: CompiledEntry, tokens: readonly Token[], from: number, to: number): boolean => {
  for (let k = Math.max(0, from - entry.window); k < from; k += 1) {
    if (entry.notAfter.has(tokens[k]?.norm ?? '')) return false;
  }
  for (let k = to; k < Math.min(tokens.length, to + entry.window); k += 1) {
    if (entry.notBefore.has(tokens[k]?.norm ?? '')) return false;
  }
  return true;
};

interface Candidate {
  entry: CompiledEntry;
  from: number;
  /** Exclusive token index. */
  to: number;
}

const findCandidates = (text: string, tokens: readonly Token[]): Candidate[] => {
  const hits = tokens.map((t) => matchersFor(t.norm, allowsFuzzy(t)));
  const out: Candidate[] = [];
  tokens.forEach((_, i) => {
    for (const id of hits[i] ?? []) {
      for (const entry of BY_FIRST_WORD.get(id) ?? []) {
        const to = i + entry.words.length;
        if (to > tokens.length) continue;
        const allWords = entry.words.every((w, j) => {
          const t = tokens[i + j];
          return t !== undefined && (hits[i + j]?.has(w.id) ?? false) && caseAllows(entry, text, t);
        });
        if (allWords && contextAllows(entry, tokens, i, to)) out.push({ entry, from: i, to });
      }
    }
  });
  return out;
};

/** Longest match first (in words, then characters); ties go to declaration order, where neutral phrases come first. */
const selectNonOverlapping = (candidates: Candidate[], tokens: readonly Token[]): Candidate[] => {
  const span = (c: Candidate): number => (tokens[c.to - 1]?.end ?? 0) - (tokens[c.from]?.start ?? 0);
  const sorted = [...candidates].sort(
    (a, b) => b.to - b.from - (a.to - a.from) || span(b) - span(a) || a.entry.order - b.entry.order,
  );
  const taken = new Array<boolean>(tokens.length).fill(false);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.from; k < c.to; k += 1) if (taken[k] === true) free = false;
    if (!free) continue;
    for (let k = c.from; k < c.to; k += 1) taken[k] = true;
    kept.push(c);
  }
  return kept;
};

/** Flags for `text`, ordered by position. An empty array means nothing to warn about. */
export const lintNote = (text: string): LintFlag[] => {
  const tokens = tokenize(text);
  const kept = selectNonOverlapping(findCandidates(text, tokens), tokens);
  const flags: LintFlag[] = [];
  for (const { entry, from, to } of kept) {
    if (entry.kind === 'neutre') continue;
    const start = tokens[from]?.start ?? 0;
    const end = tokens[to - 1]?.end ?? start;
    const advice = CATEGORY_ADVICE[entry.kind];
    flags.push({
      category: entry.kind,
      start,
      end,
      match: text.slice(start, end),
      message: entry.entry.message ?? advice.message,
      suggestion: entry.entry.suggestion ?? advice.suggestion,
    });
  }
  return flags.sort((a, b) => a.start - b.start || a.end - b.end);
};
