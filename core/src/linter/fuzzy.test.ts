import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDamerau, fuzzyKey, isNearMiss, startsWithNearMiss, withinOneEdit } from './fuzzy.js';
import { expandForms, patternWords } from './lexicon.js';
import { foldText, tokenize } from './normalize.js';

describe('boundedDamerau', () => {
  it.each([
    ['alcoolique', 'alcoolique', 0],
    ['alcolique', 'alcoolique', 1],
    ['alcoolqiue', 'alcoolique', 1],
    ['agresif', 'agressif', 1],
    ['violette', 'violent', 2],
  ])('%s / %s → %i', (a, b, d) => {
    expect(boundedDamerau(a, b, 2)).toBe(d);
  });

  it('stops at max + 1', () => {
    expect(boundedDamerau('abcdef', 'uvwxyz', 1)).toBe(2);
  });

  it('withinOneEdit agrees with boundedDamerau ≤ 1', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'l', 'o'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, (a, b) => withinOneEdit(a, b) === boundedDamerau(a, b, 1) <= 1),
      { numRuns: 3000 },
    );
  });
});

describe('near misses', () => {
  it.each([
    ['alcolique', 'alcoolique', true],
    ['toxicomanne', 'toxicomane', true],
    ['seropositif', 'seropositif', true],
    ['cancel', 'cancer', false],
    ['tuteur', 'tumeur', false],
    ['valeur', 'voleur', false],
    ['malade', 'balade', false],
    ['alcott', 'alcool', false],
    ['drogeu', 'drogue', true],
  ])('%s ≈ %s: %s', (word, form, expected) => {
    expect(isNearMiss(word, form)).toBe(expected);
  });

  it('never applies to words under 6 letters', () => {
    expect(isNearMiss('vols', 'viols')).toBe(false);
    expect(isNearMiss('sidas', 'sida')).toBe(false);
  });

  it('tolerates a typo inside a prefix stem but not a shortened stem', () => {
    expect(startsWithNearMiss('schizofrene', 'schizophren')).toBe(true);
    expect(startsWithNearMiss('psychatrique', 'psychiatr')).toBe(true);
    expect(startsWithNearMiss('cancel', 'cancer')).toBe(false);
    expect(startsWithNearMiss('psychologue', 'psychiatr')).toBe(false);
  });

  it('uses a spelling key for doubled letters, ph/f, y/i and ai/è', () => {
    expect(fuzzyKey('schizophrene')).toBe(fuzzyKey('schizofrene'));
    expect(fuzzyKey('bipolaire')).toBe(fuzzyKey('bipolere'));
    expect(fuzzyKey('alcoolique')).toBe(fuzzyKey('alcolique'));
  });
});

describe('normalisation and tokenisation', () => {
  it('folds case, accents, ligatures and apostrophes', () => {
    expect(foldText('Dépréssion SŒUR l’alcool')).toBe("depression soeur l'alcool");
  });

  it('keeps offsets into the original text, including outside the BMP and with combining marks', () => {
    const text = '🙂 Mme d’Hérouville, de\u0301pression; sans-papiers';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['mme', 'd', 'herouville', 'depression', 'sans', 'papiers']);
    for (const t of tokens) expect(foldText(text.slice(t.start, t.end))).toBe(t.norm);
    expect(tokens.find((t) => t.norm === 'herouville')?.capitalised).toBe(true);
    expect(tokens.find((t) => t.norm === 'herouville')?.sentenceStart).toBe(false);
  });

  it('expands lexicon patterns', () => {
    expect(expandForms('agressi{f,ve,fs,ves}')).toEqual(['agressif', 'agressive', 'agressifs', 'agressives']);
    expect(expandForms('alcool{,s}')).toEqual(['alcool', 'alcools']);
    expect(patternWords("garde-à-vue d'origine")).toEqual(['garde', 'a', 'vue', 'd', 'origine']);
  });
});
