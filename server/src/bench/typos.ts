import type { Rng } from '../demo/random.js';

/**
 * Search box input as typed at a reception desk: the surname (sometimes with the first name, before or after),
 * lower case, accents dropped or kept, and one realistic mistake — a spelling by ear ("Dubois" → "dubua",
 * "Nguyen" → "nguien"), a missed, doubled or swapped letter — or only the first letters of the name.
 */

const BY_EAR: readonly (readonly [RegExp, string])[] = [
  [/ois/, 'ua'],
  [/oi/, 'oa'],
  [/eau/, 'o'],
  [/au/, 'o'],
  [/ph/, 'f'],
  [/qu/, 'k'],
  [/uy/, 'ui'],
  [/y/, 'i'],
  [/ai/, 'e'],
  [/ei/, 'e'],
  [/ou/, 'u'],
  [/gu/, 'g'],
  [/ll/, 'l'],
  [/tt/, 't'],
  [/nn/, 'n'],
  [/ss/, 's'],
  [/rr/, 'r'],
  [/c([aou])/, 'k$1'],
  [/é|è|ê/, 'e'],
  [/ine$/, 'ene'],
  [/(?<=[a-z])x$/, ''],
  [/(?<=[a-z])t$/, ''],
  [/(?<=[a-z])d$/, ''],
  [/en/, 'an'],
  [/an/, 'en'],
];

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '');

/** One typing mistake in a word of at least 4 letters (shorter words are left as typed). */
export function misspell(rng: Rng, word: string): string {
  const w = word.toLowerCase();
  if (w.length < 4) return w;
  const byEar = BY_EAR.filter(([re]) => re.test(w));
  if (byEar.length && rng.next() < 0.55) {
    const [re, to] = rng.pick(byEar);
    const out = w.replace(re, to);
    if (out !== w && out.length >= 3) return out;
  }
  const i = rng.int(1, w.length - 2);
  switch (rng.int(0, 3)) {
    case 0: // a letter missed
      return w.slice(0, i) + w.slice(i + 1);
    case 1: // a letter doubled
      return w.slice(0, i) + (w[i] ?? '') + w.slice(i);
    case 2: // two letters swapped
      return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
    default: {
      // a neighbouring vowel
      const vowels = 'aeiou';
      const at = [...w].findIndex((c, k) => k >= i && vowels.includes(c));
      if (at < 0) return w.slice(0, i) + w.slice(i + 1);
      const other = vowels.replace(w[at] ?? '', '');
      return w.slice(0, at) + (other[rng.int(0, other.length - 1)] ?? 'e') + w.slice(at + 1);
    }
  }
}

export interface TypoQuery {
  q: string;
  /** The file the query was made from: found in the first page when the search recalls it. */
  caseFileId: string;
}

/** A query made from a real row of the caller's site. */
export function typoQuery(rng: Rng, person: { surname: string; firstName: string; caseFileId: string }): TypoQuery {
  const keepAccents = rng.next() < 0.3;
  const norm = (s: string) => (keepAccents ? s.toLowerCase() : stripAccents(s).toLowerCase());
  const surnameWords = norm(person.surname)
    .split(/[\s-’']+/)
    .filter(Boolean);
  const longest = surnameWords.reduce((a, b) => (b.length > a.length ? b : a), '');
  const first = norm(person.firstName.split(/[\s,]+/)[0] ?? '');
  const typo = surnameWords.map((w) => (w === longest ? misspell(rng, w) : w)).join(' ');
  const shape = rng.weighted([
    ['surname', 40],
    ['surname first', 30],
    ['first surname', 10],
    ['prefix', 10],
    ['both typos', 10],
  ] as const);
  switch (shape) {
    case 'surname':
      return { q: typo, caseFileId: person.caseFileId };
    case 'surname first':
      return { q: `${typo} ${first}`, caseFileId: person.caseFileId };
    case 'first surname':
      return { q: `${first} ${typo}`, caseFileId: person.caseFileId };
    case 'prefix':
      return {
        q: longest.slice(0, Math.max(3, Math.min(longest.length, rng.int(4, 6)))),
        caseFileId: person.caseFileId,
      };
    default:
      return { q: `${typo} ${misspell(rng, first)}`, caseFileId: person.caseFileId };
  }
}
