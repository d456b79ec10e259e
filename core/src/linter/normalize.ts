/**
 * Normalisation and tokenisation that keep offsets into the original text: the editor underlines the original
 * characters while matching runs on a folded form (NFD, diacritics stripped, lower case, ligatures expanded).
 * Apostrophes (' ’ ʼ) and hyphens split words, so "l’alcool", "sans-papiers" and "garde-à-vue" become
 * separate tokens that multi-word lexicon entries can match.
 */

export interface Token {
  /** Folded form: lower case, no diacritics, œ→oe. */
  norm: string;
  /** Offsets into the original text (end exclusive). */
  start: number;
  end: number;
  /** First letter upper case and the rest not all upper case: "Alcott", "Pasteur". */
  capitalised: boolean;
  /** First token of the text or of a sentence: capitalisation says nothing about a proper noun there. */
  sentenceStart: boolean;
}

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };
const WORD_CHAR = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/gu;
const SENTENCE_END = /[.!?:;\n•]/;

/** Fold one character (or code point) the way the lexicon is folded. Returns '' for combining marks. */
export const foldChar = (ch: string): string => {
  const lig = LIGATURES[ch];
  if (lig !== undefined) return lig;
  return ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
};

/** Fold a whole string (used on lexicon patterns, which contain no offsets to keep). */
export const foldText = (text: string): string =>
  /^[\x20-\x7e]*$/.test(text)
    ? text.toLowerCase().replace(/`/g, "'")
    : Array.from(text, foldChar)
        .join('')
        .replace(/[’ʼ`´‘]/g, "'");

const isWordChar = (ch: string): boolean => WORD_CHAR.test(ch) || /\p{M}/u.test(ch);

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** Split text into word tokens with original offsets. Code points outside the BMP are handled as one unit. */
export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  let norm = '';
  let raw = '';
  let start = -1;
  let sentenceStart = true;
  const flush = (end: number): void => {
    if (start < 0) return;
    const first = raw.charAt(0);
    const rest = raw.slice(1);
    const capitalised = isUpper(first) && rest !== rest.toUpperCase();
    tokens.push({ norm, start, end, capitalised, sentenceStart });
    sentenceStart = false;
    norm = '';
    raw = '';
    start = -1;
  };
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (isWordChar(ch)) {
      if (start < 0) start = i;
      norm += foldChar(ch);
      raw += ch;
    } else {
      flush(i);
      if (SENTENCE_END.test(ch)) sentenceStart = true;
    }
    i += ch.length;
  }
  flush(text.length);
  return tokens;
};
