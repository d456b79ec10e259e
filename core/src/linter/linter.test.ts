import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLEAN_SENTENCES, CORPUS, FLAGGED_SENTENCES, type CorpusSentence } from './corpus.js';
import { HOLDOUT_SENTENCES } from './corpus-holdout.js';
import {
  CATEGORY_ADVICE,
  countFlags,
  LINT_CATEGORIES,
  LINT_CATEGORY_CODES,
  lintNote,
  summariseFlags,
} from './index.js';
import type { LintCategory } from './types.js';
import { GENERATED_INNOCENT_WORDS } from './lexicon/innocent-words.js';
import { isFuzzyOnlyMatch } from './lint-note.js';
import { computeInnocentWords, FRENCH_WORD_LIST } from './scripts/innocent-words-source.js';

/**
 * The note linter (domain.md §1.5), scored on the hand-labelled corpus at the sentence × category level: a flagged
 * category is a true positive when the sentence's labels list it, a false positive otherwise; a label the linter
 * does not flag is a false negative.
 */
type Linter = (text: string) => readonly { category: LintCategory }[];

const score = (corpus: readonly CorpusSentence[], lint: Linter) => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { text, expected } of corpus) {
    const got = new Set(lint(text).map((f) => f.category));
    for (const c of got)
      if (expected.includes(c)) tp += 1;
      else fp += 1;
    for (const c of expected) if (!got.has(c)) fn += 1;
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
};

const ALL = [...CORPUS, ...HOLDOUT_SENTENCES];
const categoriesOf = (text: string): LintCategory[] => [...new Set(lintNote(text).map((f) => f.category))].sort();

describe('corpus', () => {
  it('has at least 150 sentences, 40 % of them clean, with hand-written labels in every category', () => {
    const clean = ALL.filter((s) => s.expected.length === 0).length;
    expect(ALL.length).toBeGreaterThanOrEqual(150);
    expect(clean / ALL.length).toBeGreaterThanOrEqual(0.4);
    expect(CLEAN_SENTENCES.every((s) => s.expected.length === 0)).toBe(true);
    expect(FLAGGED_SENTENCES.every((s) => s.expected.length > 0)).toBe(true);
    const labelled = new Set(ALL.flatMap((s) => s.expected));
    expect([...labelled].sort()).toEqual([...LINT_CATEGORY_CODES].sort());
  });

  it('reaches precision and recall of at least 0.9', () => {
    const all = score(ALL, lintNote);
    const holdout = score(HOLDOUT_SENTENCES, lintNote);
    console.log(
      `précision ${all.precision.toFixed(2)}, rappel ${all.recall.toFixed(2)} (${ALL.length} phrases, VP ${all.tp}, FP ${all.fp}, FN ${all.fn})`,
    );
    console.log(`lot de contrôle : précision ${holdout.precision.toFixed(2)}, rappel ${holdout.recall.toFixed(2)}`);
    expect(all.precision).toBeGreaterThanOrEqual(0.9);
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('the scoring can fail: a silent linter has no recall, a linter flagging everything has poor precision', () => {
    expect(score(ALL, () => []).recall).toBe(0);
    const everything: Linter = () => LINT_CATEGORY_CODES.map((category) => ({ category }));
    expect(score(ALL, everything).precision).toBeLessThan(0.2);
  });
});

describe('lintNote', () => {
  it('points start/end at the flagged substring of the original text', () => {
    const text = 'VAD du 12/03 : Monsieur est alcoolique et très agressif.';
    const flags = lintNote(text);
    expect(flags.map((f) => [f.category, f.match, f.start, f.end])).toEqual([
      ['addiction', 'alcoolique', 28, 38],
      ['jugement', 'agressif', 47, 55],
    ]);
    for (const s of ALL) for (const f of lintNote(s.text)) expect(s.text.slice(f.start, f.end)).toBe(f.match);
  });

  it.each([
    ['Problème d’alcool évoqué.', 'alcool'],
    ['Placé en garde-à-vue hier.', 'garde-à-vue'],
    ['Madame est sans-papiers.', 'sans-papiers'],
    ['🙂🙂 Monsieur est séropositif.', 'séropositif'],
    ['Madame fait une de\u0301pression.', 'de\u0301pression'],
    ['Monsieur est sous chimio\u00adthérapie.', null],
  ])('keeps offsets through apostrophes, hyphens, emoji and combining accents: %s', (text, match) => {
    const flags = lintNote(text);
    if (match === null) return;
    const f = flags[0];
    expect(f?.match).toBe(match);
    expect(text.slice(f?.start ?? 0, f?.end ?? 0)).toBe(match);
  });

  it('covers multi-word expressions as one span', () => {
    expect(lintNote('Victime de violences conjugales déclarées.').map((f) => f.match)).toEqual([
      'violences conjugales',
    ]);
    expect(lintNote('Personne difficile à vivre.').map((f) => f.match)).toEqual(['difficile à vivre']);
  });

  it('explains every flag in French and suggests an alternative', () => {
    const flags = ALL.flatMap((s) => lintNote(s.text));
    expect(flags.length).toBeGreaterThan(100);
    for (const f of flags) {
      expect(f.message.length).toBeGreaterThan(40);
      expect(f.suggestion.length).toBeGreaterThan(15);
      expect(`${f.message} ${f.suggestion}`).toMatch(/[éèêàçù]/);
      for (const text of [f.message, f.suggestion]) {
        expect(text).toMatch(/ (la|le|les|de|des|du|une?|sans|à|en|cette|pas) /);
        expect(text).not.toMatch(/\b(the|and|with|should|please)\b/i);
      }
    }
    for (const code of LINT_CATEGORY_CODES) expect(CATEGORY_ADVICE[code].message).toContain('usager');
    expect(lintNote('Monsieur est diabétique.')[0]?.suggestion).toContain('section Santé');
    expect(lintNote('Madame est hystérique.')[0]?.suggestion).toMatch(/fait observé|comportement observé/);
    expect(lintNote('Victime de violences conjugales.')[0]?.suggestion).toContain('selon ses déclarations');
  });

  it.each<[LintCategory, string]>([
    ['sante', 'Monsieur est schizophrène.'],
    ['addiction', 'Monsieur est alcoolique.'],
    ['origine', "Madame n'est pas de nationalité française."],
    ['sexualite', 'Monsieur est séropositif.'],
    ['religion', 'Madame est musulmane.'],
    ['opinion', 'Monsieur est syndiqué.'],
    ['jugement', 'Monsieur est très procédurier.'],
    ['insulte', 'Quel gros con.'],
    ['infraction', 'Monsieur a fait de la prison.'],
  ])('detects the category %s', (category, text) => {
    expect(categoriesOf(text)).toEqual([category]);
  });

  it.each([
    ['alcooliques', 'addiction'],
    ['ALCOOLIQUE', 'addiction'],
    ['Alcoolique', 'addiction'],
    ['agressive', 'jugement'],
    ['agressifs', 'jugement'],
    ['manipulatrices', 'jugement'],
    ['menteuse', 'jugement'],
    ['seropositive', 'sexualite'],
    ['depression', 'sante'],
    ['dépréssion', 'sante'],
    ['schizofrène', 'sante'],
    ['alcolique', 'addiction'],
    ['alccolique', 'addiction'],
    ['toxicomanne', 'addiction'],
    ['psychatrique', 'sante'],
    ['procédurière', 'jugement'],
    ['Madame est bipolère', 'sante'],
    ['QUEL GROS CON', 'insulte'],
    ['Il boit.', 'addiction'],
  ])('is robust to inflections, accents, case and typos: %s', (text, category) => {
    expect(categoriesOf(text)).toEqual([category]);
  });

  it.each([
    'Jean-Paul Alcott a déposé le courrier.',
    'Une écharpe violette, un manteau violet.',
    'Monsieur a cliqué sur cancel.',
    'Rendez-vous annulé, le loyer est impayé.',
    'Madame dit être fatiguée.',
    'A été orienté vers le CMP.',
    "L'adresse de Madame a changé, le courrier lui a été adressé.",
    'Monsieur est devenu tuteur de sa nièce.',
    'La valeur locative est élevée.',
    'Madame se déclare artiste.',
    'Les sources de revenus ont changé.',
    'Le monteur est passé, Madame a installé les meubles.',
    'Monsieur protestait, Madame croyait le dossier complet.',
    'Monsieur a de la toux.',
    'Le conte de Noël a plu aux enfants.',
    'Madame habite rue Pasteur.',
    'Situation professionnelle instable.',
    'Présence de parasites dans la cuisine.',
    "La porte d'entrée est condamnée.",
    'Monsieur boit un café.',
    "Madame réside à l'étranger l'été.",
    'Monsieur parle arabe et portugais.',
    'Madame est incapable de se déplacer seule depuis sa chute.',
    'Le sac était bourré de papiers.',
    'La dépendance de Madame a été évaluée en GIR 4.',
  ])('leaves neutral wording clean: %s', (text) => {
    expect(lintNote(text)).toEqual([]);
  });

  it('flags cancérologie but not cancel; never uses typo tolerance on short words', () => {
    expect(categoriesOf('Rendez-vous en cancérologie.')).toEqual(['sante']);
    expect(lintNote('tix, toux, vole, cons, conte, sidas, vih')).toEqual(
      lintNote('tix, toux, vole, cons, conte, sidas, vih').filter((f) => ['cons', 'vih'].includes(f.match)),
    );
  });

  it('treats a capitalised word inside a sentence as a name: exact matches only', () => {
    expect(lintNote('Le dossier de M. Dupont et de Mme Alcoolik.')).toEqual([]);
    expect(categoriesOf('Madame souffre de la maladie de Parkinson.')).toEqual(['sante']);
  });

  it('is fast enough to run on every keystroke', () => {
    const note = ALL.map((s) => s.text).join(' ');
    const t0 = performance.now();
    lintNote(note);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('summariseFlags', () => {
  it('returns counts for every category and no text', () => {
    const summary = summariseFlags(lintNote('Monsieur, alcoolique et violent, boit. Il est agressif.'));
    expect(Object.keys(summary).sort()).toEqual([...LINT_CATEGORY_CODES].sort());
    expect(summary).toMatchObject({ addiction: 2, jugement: 2, sante: 0, infraction: 0 });
    expect(countFlags(summary)).toBe(4);
    expect(Object.values(summary).every((v) => typeof v === 'number')).toBe(true);
    expect(countFlags(summariseFlags([]))).toBe(0);
  });

  it('has a French label for every category', () => {
    expect(Object.keys(LINT_CATEGORIES).sort()).toEqual([...LINT_CATEGORY_CODES].sort());
    for (const label of Object.values(LINT_CATEGORIES)) expect(label).toMatch(/^[A-ZÉ][a-zéèêàçôû ,/]+/);
  });
});

describe('innocent words', () => {
  it('are real words that still match only through typo tolerance', () => {
    for (const word of ['adresse', 'devenue', 'artiste', 'installe', 'croyait', 'sources', 'monteur', 'valeurs']) {
      expect(GENERATED_INNOCENT_WORDS).toContain(word);
    }
    const stale = GENERATED_INNOCENT_WORDS.filter((w) => !isFuzzyOnlyMatch(w));
    expect(stale).toEqual([]);
  });

  // Opt-in (JALON_LINTER_WORDLIST=1): it folds 300,000 words, too heavy for every run on a 2-core CI machine.
  it.runIf(process.env.JALON_LINTER_WORDLIST === '1' && existsSync(FRENCH_WORD_LIST))(
    'are complete for the current lexicon (otherwise run scripts/generate-innocent-words.ts)',
    () => {
      expect(computeInnocentWords(readFileSync(FRENCH_WORD_LIST, 'utf8'))).toEqual([...GENERATED_INNOCENT_WORDS]);
    },
    120_000,
  );
});
