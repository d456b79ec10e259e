import { StatisticsError } from './errors.js';

/**
 * The count table every statistics output starts from, and its additive structure. Protection and attack both read
 * the structure from here (never from each other), so the attack checks the published object against the equations
 * any reader can write down, not against what the protection believed it had to protect.
 */
export interface StatTable {
  /** Variable of the rows (`trancheAge`, `arrondissement`…); `null` for a one-way table: one line of categories and its total. */
  rowVar: string | null;
  colVar: string;
  rows: string[];
  cols: string[];
  /** Numbers of persons, `rows × cols`, non-negative integers. */
  cells: number[][];
}

/** The single row label of a one-way table. */
export const ONE_WAY_ROW = 'ensemble';

/** A one-way table (one line of categories + total), e.g. usagers by age band. */
export const oneWayTable = (colVar: string, cols: readonly string[], counts: readonly number[]): StatTable => ({
  rowVar: null,
  colVar,
  rows: [ONE_WAY_ROW],
  cols: [...cols],
  cells: [[...counts]],
});

export const isOneWay = (t: { rowVar: string | null }): boolean => t.rowVar === null;

export interface Margins {
  /** Row totals; empty for a one-way table (its only row total is the grand total). */
  rowTotals: number[];
  /** Column totals; empty for a one-way table (they would repeat the cells). */
  colTotals: number[];
  grandTotal: number;
}

/** Margins are always computed from the cells, never taken from the caller: a margin that disagrees with its cells would itself disclose. */
export const marginsOf = (t: StatTable): Margins => {
  const rowTotals = t.cells.map((r) => r.reduce((s, v) => s + v, 0));
  const colTotals = t.cols.map((_, j) => t.cells.reduce((s, r) => s + (r[j] ?? 0), 0));
  const grandTotal = rowTotals.reduce((s, v) => s + v, 0);
  return isOneWay(t) ? { rowTotals: [], colTotals: [], grandTotal } : { rowTotals, colTotals, grandTotal };
};

const invalid = (message: string) => new StatisticsError('invalid_table', message);

/** Shape and counts checks: a malformed table is a programming error upstream, refused before anything is published. */
export const assertValidTable = (t: StatTable): void => {
  if (!t.colVar) throw invalid('Tableau invalide : variable de colonne manquante');
  if (t.cols.length === 0 || t.rows.length === 0) throw invalid('Tableau invalide : aucune modalité');
  if (isOneWay(t) && t.rows.length !== 1)
    throw invalid('Tableau invalide : un tableau à une dimension a une seule ligne');
  if (new Set(t.rows).size !== t.rows.length || new Set(t.cols).size !== t.cols.length)
    throw invalid('Tableau invalide : modalité en double');
  if (t.cells.length !== t.rows.length || t.cells.some((r) => r.length !== t.cols.length))
    throw invalid('Tableau invalide : dimensions des cases incohérentes');
  for (const r of t.cells)
    for (const v of r)
      if (!Number.isSafeInteger(v) || v < 0)
        throw invalid('Tableau invalide : un effectif doit être un entier positif ou nul');
};

/** One published position: an inner cell or a margin. */
export type EntryRef =
  | { kind: 'cell'; row: number; col: number }
  | { kind: 'rowTotal'; row: number }
  | { kind: 'colTotal'; col: number }
  | { kind: 'grandTotal' };

/** `total = Σ parts`, as entry indices. */
export interface Line {
  total: number;
  parts: number[];
}

/** Entries (cells then row totals, column totals, grand total) and the additive lines binding them. */
export interface Structure {
  refs: EntryRef[];
  lines: Line[];
  /** For each entry, the lines it belongs to (as part or as total). */
  linesOf: number[][];
}

/**
 * The equations a reader can write for a table of this shape. Two-way: each row sums to its row total, each column
 * to its column total, row totals and column totals each sum to the grand total (the last two are redundant
 * together, which is harmless). One-way: the cells sum to the total.
 */
export const structureOf = (oneWay: boolean, nRows: number, nCols: number): Structure => {
  const refs: EntryRef[] = [];
  for (let i = 0; i < nRows; i++) for (let j = 0; j < nCols; j++) refs.push({ kind: 'cell', row: i, col: j });
  const cell = (i: number, j: number) => i * nCols + j;
  const lines: Line[] = [];
  if (oneWay) {
    refs.push({ kind: 'grandTotal' });
    lines.push({ total: refs.length - 1, parts: Array.from({ length: nCols }, (_, j) => cell(0, j)) });
  } else {
    const rowTotal = (i: number) => nRows * nCols + i;
    const colTotal = (j: number) => nRows * nCols + nRows + j;
    for (let i = 0; i < nRows; i++) refs.push({ kind: 'rowTotal', row: i });
    for (let j = 0; j < nCols; j++) refs.push({ kind: 'colTotal', col: j });
    refs.push({ kind: 'grandTotal' });
    const grand = refs.length - 1;
    const range = (n: number) => Array.from({ length: n }, (_, k) => k);
    for (let i = 0; i < nRows; i++) lines.push({ total: rowTotal(i), parts: range(nCols).map((j) => cell(i, j)) });
    for (let j = 0; j < nCols; j++) lines.push({ total: colTotal(j), parts: range(nRows).map((i) => cell(i, j)) });
    lines.push({ total: grand, parts: range(nRows).map(rowTotal) });
    lines.push({ total: grand, parts: range(nCols).map(colTotal) });
  }
  const linesOf: number[][] = refs.map(() => []);
  lines.forEach((l, k) => {
    for (const e of [l.total, ...l.parts]) linesOf[e]!.push(k);
  });
  return { refs, lines, linesOf };
};

export const tableStructure = (t: StatTable): Structure => structureOf(isOneWay(t), t.rows.length, t.cols.length);

/** The values of a table in `structureOf` order (cells, row totals, column totals, grand total). */
export const entryValues = (t: StatTable): number[] => {
  const m = marginsOf(t);
  return [...t.cells.flat(), ...m.rowTotals, ...m.colTotals, m.grandTotal];
};
