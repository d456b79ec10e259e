import { describe, expect, it } from 'vitest';
import { StatisticsError } from './errors.js';
import { assertValidTable, entryValues, marginsOf, oneWayTable, structureOf, type StatTable } from './table.js';

const two: StatTable = {
  rowVar: 'sexe',
  colVar: 'trancheAge',
  rows: ['F', 'M'],
  cols: ['18-24', '25-59', '60+'],
  cells: [
    [1, 2, 3],
    [4, 5, 6],
  ],
};

describe('table model', () => {
  it('computes margins from the cells', () => {
    expect(marginsOf(two)).toEqual({ rowTotals: [6, 15], colTotals: [5, 7, 9], grandTotal: 21 });
  });

  it('one-way tables have a single line of categories and a total', () => {
    const t = oneWayTable('trancheAge', ['18-24', '25-59'], [4, 9]);
    expect(t.rowVar).toBeNull();
    expect(marginsOf(t)).toEqual({ rowTotals: [], colTotals: [], grandTotal: 13 });
    expect(entryValues(t)).toEqual([4, 9, 13]);
  });

  it('writes one line per row, per column, and two for the grand total', () => {
    const s = structureOf(false, 2, 3);
    expect(s.refs).toHaveLength(6 + 2 + 3 + 1);
    expect(s.lines).toHaveLength(2 + 3 + 2);
    expect(s.lines[0]).toEqual({ total: 6, parts: [0, 1, 2] });
    expect(s.linesOf[11]).toEqual([5, 6]);
    expect(structureOf(true, 1, 3).lines).toEqual([{ total: 3, parts: [0, 1, 2] }]);
  });

  it.each([
    [
      'negative count',
      {
        ...two,
        cells: [
          [-1, 2, 3],
          [4, 5, 6],
        ],
      },
    ],
    [
      'fractional count',
      {
        ...two,
        cells: [
          [1.5, 2, 3],
          [4, 5, 6],
        ],
      },
    ],
    [
      'ragged rows',
      {
        ...two,
        cells: [
          [1, 2],
          [4, 5, 6],
        ],
      },
    ],
    ['duplicate category', { ...two, rows: ['F', 'F'] }],
    ['one-way with two rows', { ...two, rowVar: null }],
    ['no category', { ...two, cols: [], cells: [[], []] }],
  ])('refuses a malformed table: %s', (_, t) => {
    expect(() => assertValidTable(t as StatTable)).toThrow(StatisticsError);
  });
});
