import { describe, expect, it } from 'vitest';
import { hiddenIntervals, recoverCells } from './attack.js';
import { StatisticsError } from './errors.js';
import type { ReleasedTable } from './published.js';
import { entryValues, tableStructure } from './table.js';
import { bruteForceRecovered, naivelyPublished, prng, publishedWithPattern, table } from './testkit.js';

/** The attack must bite: a publication that only hides small counts is broken, by subtraction or by the marks. */

describe('recoverCells on naive publications', () => {
  it('recovers a lone hidden cell of a row by subtraction', () => {
    const t = table([
      [3, 10, 20],
      [7, 8, 9],
      [12, 15, 30],
    ]);
    expect(recoverCells(naivelyPublished(t, 5))).toEqual([
      { ref: { kind: 'cell', row: 0, col: 0 }, suppressed: 'primary', value: 3, by: 'subtraction' },
    ]);
  });

  it('recovers two hidden cells of one row through their columns', () => {
    const t = table([
      [3, 2, 20],
      [7, 8, 9],
    ]);
    const got = recoverCells(naivelyPublished(t, 5));
    expect(got.map((r) => [r.ref, r.value])).toEqual([
      [{ kind: 'cell', row: 0, col: 0 }, 3],
      [{ kind: 'cell', row: 0, col: 1 }, 2],
    ]);
  });

  it('recovers a hidden cell of a one-way table from its total', () => {
    const t = table([[4, 30, 12]], null);
    expect(recoverCells(naivelyPublished(t, 5)).map((r) => r.value)).toEqual([4]);
  });

  it('uses the marks: "< 5" beside a "secret" of exactly 5 in a row of 6 is pinned, though no line has a single unknown', () => {
    const t = table([
      [1, 5],
      [10, 10],
    ]);
    const p = publishedWithPattern(t, 5, (e) => e < 4);
    expect(recoverCells(p, { model: 'non-negative' })).toEqual([]);
    const got = recoverCells(p);
    expect(got.map((r) => [r.value, r.by])).toEqual([
      [1, 'bounds'],
      [5, 'bounds'],
      [10, 'bounds'],
      [10, 'bounds'],
    ]);
  });

  it('reads the marks of a whole small line: four "< 5" totalling "< 5" are four 1s', () => {
    const t = table([[1, 1, 1, 1]], null);
    const p = naivelyPublished(t, 5);
    expect(recoverCells(p).map((r) => r.value)).toEqual([1, 1, 1, 1, 4]);
  });
});

describe('attack internals', () => {
  it('returns nothing for a withheld table', () => {
    expect(
      recoverCells({
        status: 'withheld',
        rowVar: 'r',
        colVar: 'c',
        rows: ['a'],
        cols: ['b'],
        threshold: 5,
        reason: 'x',
      }),
    ).toEqual([]);
  });

  it('refuses an inconsistent publication', () => {
    const p = naivelyPublished(table([[10, 20]]), 5);
    const bad: ReleasedTable = { ...p, grandTotal: 31 };
    expect(() => recoverCells(bad)).toThrow(StatisticsError);
  });

  it('gives exact intervals', () => {
    const t = table([
      [3, 10],
      [7, 8],
    ]);
    const p = publishedWithPattern(t, 5, (e) => e < 4);
    expect(hiddenIntervals(p).map((x) => [x.min, x.max])).toEqual([
      [1, 4],
      [9, 12],
      [6, 9],
      [6, 9],
    ]);
  });
});

describe('the attack agrees with exhaustive enumeration', () => {
  const rnd = prng(6);
  const cases = Array.from({ length: 150 }, (_, k) => {
    const m = rnd.int(1, 3);
    const n = rnd.int(1, 3);
    const cells = Array.from({ length: m }, () =>
      Array.from({ length: n }, () => (rnd.next() < 0.2 ? 0 : rnd.int(1, 9))),
    );
    const t = table(cells, m === 1 && rnd.next() < 0.5 ? null : 'r');
    const hideRate = rnd.next();
    const hidden = entryValues(t).map(() => rnd.next() < hideRate);
    return [k, t, hidden] as const;
  });

  it.each(cases)('random pattern %i', (_, t, hidden) => {
    const p = publishedWithPattern(t, 5, (e) => hidden[e]!);
    const refs = tableStructure(t).refs;
    const exhaustive = [...bruteForceRecovered(t, p)].sort((a, b) => a - b).map((e) => refs[e]);
    expect(recoverCells(p).map((r) => r.ref)).toEqual(exhaustive);
  });
});
