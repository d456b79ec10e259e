import { describe, expect, it } from 'vitest';
import { recoverCells } from './attack.js';
import { protectFamily, sliceFamily, type Family, type FamilySlice } from './family.js';
import type { PublishedValue } from './published.js';
import { recoverAcrossQueries, type QueryAnswer } from './query-attack.js';

// Atoms: month × arrondissement × category; the family: by month and by arrondissement.
const MONTHS = ['2026-01', '2026-02', '2026-03'];
const ARRS = ['18', '19'];
const COLS = ['a', 'b', 'c'];
const COUNTS: Record<string, number> = {
  '2026-01|18|a': 7,
  '2026-01|18|b': 3,
  '2026-01|19|a': 6,
  '2026-02|18|a': 9,
  '2026-02|18|c': 2,
  '2026-02|19|b': 8,
  '2026-03|18|a': 12,
  '2026-03|18|b': 1,
  '2026-03|19|c': 6,
};
const n = (m: string, a: string, c: string) => COUNTS[`${m}|${a}|${c}`] ?? 0;
const atoms = MONTHS.flatMap((m) => ARRS.flatMap((a) => COLS.map((c) => `${m}|${a}|${c}`)));
const atomOf = (m: string, a: string, c: string) => atoms.indexOf(`${m}|${a}|${c}`);

const family: Family = {
  colVar: 'entreesParType',
  cols: COLS,
  sensitive: false,
  tables: [
    { key: 'mois', rows: MONTHS, cells: MONTHS.map((m) => COLS.map((c) => ARRS.reduce((s, a) => s + n(m, a, c), 0))) },
    { key: 'arr', rows: ARRS, cells: ARRS.map((a) => COLS.map((c) => MONTHS.reduce((s, m) => s + n(m, a, c), 0))) },
  ],
};

/** The atoms under a (table, row, col) position; null = all. */
const under = (table: string | null, row: string | null, col: string | null) =>
  MONTHS.flatMap((m) =>
    ARRS.flatMap((a) =>
      COLS.filter((c) => col === null || c === col)
        .filter(() => row === null || (table === 'mois' ? m === row : a === row))
        .map((c) => atomOf(m, a, c)),
    ),
  );

describe('protectFamily', () => {
  it('every slice is safe alone, and the union of all slices discloses nothing', () => {
    const p = protectFamily(family);
    expect(p.withheld).toBeNull();
    const answers: QueryAnswer[] = [];
    const push = (atomsOf: number[], value: PublishedValue, source: string) =>
      answers.push({ atoms: atomsOf, value, threshold: 5, source });
    const slices: [FamilySlice, (i: number) => [string | null, string | null]][] = [
      [{ kind: 'margins' }, (j) => [null, COLS[j]!]],
    ];
    for (const [table, rows] of [
      ['mois', MONTHS],
      ['arr', ARRS],
    ] as const) {
      for (const r of rows) slices.push([{ kind: 'row', table, row: r }, (j) => [r, COLS[j]!]]);
      for (const c of COLS) slices.push([{ kind: 'column', table, col: c, rowVar: table }, (i) => [rows[i]!, c]]);
      slices.push([{ kind: 'rowTotals', table, rowVar: table }, (i) => [rows[i]!, null]]);
      const t = sliceFamily(p, 'x', { kind: 'table', table, rowVar: table });
      if (t.status !== 'released') throw new Error('withheld');
      expect(recoverCells(t)).toEqual([]);
      t.cells.forEach((r, i) => r.forEach((v, j) => push(under(table, rows[i]!, COLS[j]!), v, `${table} cell`)));
      t.rowTotals.forEach((v, i) => push(under(table, rows[i]!, null), v, `${table} row total`));
    }
    for (const [slice, pos] of slices) {
      const t = sliceFamily(p, 'x', slice);
      if (t.status !== 'released') throw new Error('withheld');
      expect(recoverCells(t)).toEqual([]);
      const table = 'table' in slice ? slice.table : null;
      t.cells[0]!.forEach((v, k) => {
        const [row, col] = pos(k);
        push(under(table, row, col), v, JSON.stringify(slice));
      });
      push(
        under(table, slice.kind === 'row' ? slice.row : null, slice.kind === 'column' ? slice.col : null),
        t.grandTotal,
        'total',
      );
    }
    expect(answers.some((a) => typeof a.value !== 'number')).toBe(true);
    // Only month × arrondissement atoms are unknown; the family never publishes them.
    expect(recoverAcrossQueries(atoms.length, answers, 5)).toEqual([]);
  });

  it('a value fixed by a parent publication keeps its status', () => {
    const p = protectFamily(family, new Map([['m|a', { suppressed: 'secondary' }]]));
    expect(p.value('m|a')).toEqual({ suppressed: 'secondary' });
  });

  it('tables that do not count the same population are refused', () => {
    const bad = { ...family, tables: [family.tables[0]!, { key: 'arr', rows: ['18'], cells: [[1, 0, 0]] }] };
    expect(() => protectFamily(bad)).toThrow(/même population/);
  });
});
