import { describe, expect, it } from 'vitest';
import { recoverCells } from './attack.js';
import { protectTable, thresholdFor } from './protect.js';
import { expectSafe, hiddenCount } from './protect-invariants.js';
import type { ReleasedTable } from './published.js';
import { oneWayTable, type StatTable } from './table.js';
import { bruteForceRecovered, naivelyPublished, table } from './testkit.js';

const P = { suppressed: 'primary' } as const;
const S = { suppressed: 'secondary' } as const;

const released = (t: StatTable, sensitive = false): ReleasedTable => {
  const p = protectTable(t, { sensitive });
  expectSafe(t, p);
  if (p.status !== 'released') throw new Error('withheld');
  return p;
};

describe('protectTable: hand-written edge cases', () => {
  it('one hidden cell in a row: the cheapest rectangle closes it, and the naive version was broken', () => {
    const t = table([
      [3, 10, 20],
      [7, 8, 9],
      [12, 15, 30],
    ]);
    expect(recoverCells(naivelyPublished(t, 5))).toHaveLength(1);
    const p = released(t);
    expect(p.cells).toEqual([
      [P, S, 20],
      [S, S, 9],
      [12, 15, 30],
    ]);
    expect([p.rowTotals, p.colTotals, p.grandTotal]).toEqual([[33, 24, 57], [22, 33, 59], 114]);
  });

  it('two hidden cells in one row and nowhere else: their columns get closed too', () => {
    const t = table([
      [3, 2, 20],
      [7, 8, 9],
      [12, 15, 30],
    ]);
    expect(recoverCells(naivelyPublished(t, 5))).toHaveLength(2);
    const p = released(t);
    expect(p.cells[0]!.slice(0, 2)).toEqual([P, P]);
    expect(hiddenCount(p, 'secondary')).toBe(2);
  });

  it('all cells small: the small margins are primary too, and nothing is recoverable', () => {
    const t = table([
      [1, 2],
      [3, 4],
    ]);
    const p = released(t);
    expect(p.cells).toEqual([
      [P, P],
      [P, P],
    ]);
    expect(p.rowTotals[0]).toEqual(P);
    expect(p.colTotals[0]).toEqual(P);
  });

  it('a single row of a two-way table: column totals repeat the cells and are hidden with them', () => {
    const p = released(table([[3, 10, 20]]));
    expect(p.cells[0]![0]).toEqual(P);
    expect(p.colTotals[0]).toEqual(P);
    expect(p.cells[0]![1]).toEqual(S);
    expect(p.colTotals[1]).toEqual(S);
  });

  it('a one-way table: one more hidden category, the total stays', () => {
    const p = released(oneWayTable('trancheAge', ['18-24', '25-59', '60+'], [3, 10, 20]));
    expect(p.cells).toEqual([[P, S, 20]]);
    expect(p.grandTotal).toBe(33);
    expect(p.rowTotals).toEqual([]);
  });

  it('a 1×1 table: a small count hides every position, a large one none', () => {
    expect(released(table([[3]]))).toMatchObject({ cells: [[P]], rowTotals: [P], colTotals: [P], grandTotal: P });
    expect(released(table([[30]]))).toMatchObject({ cells: [[30]], grandTotal: 30 });
  });

  it('zeros are published and never hidden', () => {
    const t = table([
      [0, 0, 12],
      [0, 7, 9],
      [3, 0, 30],
    ]);
    const p = released(t);
    expect(p.cells[0]).toEqual([0, 0, 12]);
    expect(p.cells[2]![0]).toEqual(P);
    expect(p.cells[2]![1]).toBe(0);
  });

  it('a table whose total is under 5: every non-zero position is primary', () => {
    const p = released(
      table([
        [1, 0],
        [2, 1],
      ]),
    );
    expect(p.grandTotal).toEqual(P);
    expect(p.cells).toEqual([
      [P, 0],
      [P, P],
    ]);
  });

  it('a "< 5" pinned by a "secret" of exactly 5 gets more company', () => {
    const t = table([
      [1, 5, 0],
      [10, 10, 10],
      [10, 10, 10],
    ]);
    const p = released(t);
    expect(p.cells[0]![0]).toEqual(P);
    expect(hiddenCount(p, 'secondary')).toBeGreaterThan(1);
  });

  it('withholds a table the marks alone would disclose (a row of four 1s totalling 4)', () => {
    const t = table([
      [1, 1, 1, 1],
      [10, 10, 10, 10],
    ]);
    const p = protectTable(t, { sensitive: false });
    expect(p.status).toBe('withheld');
    expectSafe(t, p);
    expect(protectTable(oneWayTable('x', ['a', 'b', 'c', 'd'], [1, 1, 1, 1]), { sensitive: false }).status).toBe(
      'withheld',
    );
  });

  it('publishes a table without small counts unchanged', () => {
    const p = released(
      table([
        [12, 0],
        [5, 40],
      ]),
    );
    expect(p.cells).toEqual([
      [12, 0],
      [5, 40],
    ]);
    expect(hiddenCount(p)).toBe(0);
  });
});

describe('thresholds', () => {
  it('is 11 for a sensitive table, and the mark says so', () => {
    const t = table([
      [7, 20],
      [30, 25],
    ]);
    expect(hiddenCount(released(t))).toBe(0);
    const p = released(t, true);
    expect(p.threshold).toBe(11);
    expect(p.cells[0]![0]).toEqual(P);
  });

  it('cannot be lowered by the caller for a sensitive variable', () => {
    expect(thresholdFor({ rowVar: 'Nationalité', colVar: 'arrondissement' }, { sensitive: false })).toBe(11);
    expect(thresholdFor({ rowVar: null, colVar: 'enfance_en_danger' }, { sensitive: false })).toBe(11);
    expect(thresholdFor({ rowVar: 'groupeNationalite', colVar: 'mois' }, { sensitive: false })).toBe(11);
    expect(thresholdFor({ rowVar: 'Santé', colVar: 'mois' }, { sensitive: false })).toBe(11);
    expect(thresholdFor({ rowVar: 'sexe', colVar: 'trancheAge' }, { sensitive: false })).toBe(5);
  });
});

describe('exhaustive check of protected small tables', () => {
  const small: number[][][] = [
    [
      [1, 7],
      [9, 2],
    ],
    [
      [4, 4],
      [4, 4],
    ],
    [
      [5, 1, 6],
      [0, 8, 2],
    ],
    [
      [2, 0, 9],
      [9, 0, 3],
      [6, 6, 1],
    ],
    [[1, 1, 6]],
  ];
  it.each(small.map((c, k) => [k, c] as const))('table %i: enumeration recovers nothing either', (_, cells) => {
    const t = table(cells);
    const p = protectTable(t, { sensitive: false });
    expectSafe(t, p);
    if (p.status === 'released') expect(bruteForceRecovered(t, p).size).toBe(0);
  });
});
