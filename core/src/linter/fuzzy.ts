/**
 * Typo tolerance. A bounded Damerau-Levenshtein (optimal string alignment) distance, plus a phonetic-ish key
 * (doubled letters collapsed, ph→f, y→i, ai/ei→e except before n) that catches "schizofrène" or "alcolique" without widening the distance.
 * Both are applied only to words of 6 letters or more (see lexicon.ts): short words are matched exactly.
 */

/** Minimum length, in folded letters, of both the written word and the lexicon form for fuzzy matching. */
export const FUZZY_MIN_LENGTH = 6;

/**
 * Optimal-string-alignment distance between `a` and `b`, or `max + 1` as soon as it must exceed `max`.
 * The cut-off keeps the live linter cheap: most pairs are rejected on length or in the first rows.
 */
export const boundedDamerau = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n] ?? max + 1;
};

/** Do `x` from `xi` and `y` from `yi` hold the same characters up to their ends? */
const sameFrom = (x: string, xi: number, y: string, yi: number): boolean => {
  if (x.length - xi !== y.length - yi) return false;
  for (let k = 0; xi + k < x.length; k += 1) if (x.charCodeAt(xi + k) !== y.charCodeAt(yi + k)) return false;
  return true;
};

/**
 * Fast path for the only bound the linter uses: is the OSA distance between `a` and `b` at most 1? Linear, no
 * allocation (the property test checks it against `boundedDamerau`).
 */
export const withinOneEdit = (a: string, b: string): boolean => {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  if (la > lb) return sameFrom(a, i + 1, b, i);
  if (la < lb) return sameFrom(a, i, b, i + 1);
  if (sameFrom(a, i + 1, b, i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
};

const keyCache = new Map<string, string>();

/** Spelling key: the usual French misspellings collapse to the same key. Memoised: lexicon forms recur constantly. */
export const fuzzyKey = (word: string): string => {
  const known = keyCache.get(word);
  if (known !== undefined) return known;
  const key = word
    .replace(/ph/g, 'f')
    .replace(/y/g, 'i')
    .replace(/[ae]i(?=[^n]|$)/g, 'e')
    .replace(/(.)\1+/g, '$1');
  if (keyCache.size > 200_000) keyCache.clear();
  keyCache.set(word, key);
  return key;
};

/** Same length and one adjacent pair of letters swapped ("alcoolqiue"). */
const isTransposition = (a: string, b: string): boolean => {
  if (a.length !== b.length || a === b) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) if (a.charCodeAt(i) !== b.charCodeAt(i)) diff += 1;
  return diff === 2 && withinOneEdit(a, b);
};

/**
 * The edit part of `isNearMiss`: both words of 6 letters or more with the same first letter (typos rarely hit it,
 * and this rules out many innocent neighbours). From 7 letters any single edit counts; at exactly 6 letters only a
 * swap of two letters, because one substitution there lands on common words ("cancer"/"cancel", "tumeur"/"tuteur").
 */
export const isEditNearMiss = (word: string, form: string): boolean => {
  if (word.length < FUZZY_MIN_LENGTH || form.length < FUZZY_MIN_LENGTH) return false;
  if (word.charCodeAt(0) !== form.charCodeAt(0)) return false;
  if (Math.min(word.length, form.length) > FUZZY_MIN_LENGTH) return withinOneEdit(word, form);
  return isTransposition(word, form);
};

/** Is `word` a plausible misspelling of the lexicon form `form`? One edit (see above) or the same spelling key. */
export const isNearMiss = (word: string, form: string): boolean =>
  isEditNearMiss(word, form) ||
  (word.length >= FUZZY_MIN_LENGTH &&
    form.length >= FUZZY_MIN_LENGTH &&
    word.charCodeAt(0) === form.charCodeAt(0) &&
    fuzzyKey(word) === fuzzyKey(form));

/**
 * Does `word` start with a misspelling of `stem` (prefix entries such as "schizophren*")? Same rules as
 * `isNearMiss`; a dropped letter counts only inside the stem, since dropping its last letter would just
 * shorten the stem ("alcoo*" would then match "alcoomètre" and worse).
 */
export const startsWithNearMiss = (word: string, stem: string): boolean => {
  if (stem.length < FUZZY_MIN_LENGTH || word.length < stem.length - 1) return false;
  if (word[0] !== stem[0]) return false;
  const key = fuzzyKey(stem);
  if (fuzzyKey(word).startsWith(key)) return true;
  if (isTransposition(word.slice(0, stem.length), stem)) return true;
  if (stem.length <= FUZZY_MIN_LENGTH) return false;
  for (const len of [stem.length, stem.length + 1]) {
    if (len <= word.length && withinOneEdit(word.slice(0, len), stem)) return true;
  }
  const shorter = word.slice(0, stem.length - 1);
  return shorter !== stem.slice(0, -1) && withinOneEdit(shorter, stem);
};
