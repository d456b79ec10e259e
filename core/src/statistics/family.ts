import { StatisticsError } from './errors.js';
import { recoverUnderStatus, suppressStructure, thresholdFor } from './protect.js';
import type { PublishedTable, PublishedValue, ReleasedTable, Suppression } from './published.js';
import type { Line, Structure } from './table.js';

/**
 * A family of linked tables (docs/adr/009-statistics-disclosure-control.md): every breakdown the API offers of one
 * indicator, over one scope and one published period — by month, by arrondissement, by site, by team — crossed with
 * the same categories. They count the same population, so they share their column margins (the table without
 * grouping) and their grand total; a row of one of them is what a filter on that site, arrondissement or month
 * shows. The family is protected as one structure, and every answer of the API is a slice of it: a value hidden in
 * one answer is hidden in all, and no difference of two answers isolates anything the family did not publish.
 *
 * Entry keys: `m|<col>` column margin, `g` grand total, `<table>|<row>|<col>` cell, `<table>|<row>|*` row total.
 */
export interface FamilyTable {
  /** `mois`, `arrondissement`, `site`, `team`… */
  key: string;
  rows: string[];
  /** `rows × cols` counts. */
  cells: number[][];
}

export interface Family {
  /** Variable of the columns (the indicator), for the sensitivity rule. */
  colVar: string;
  cols: string[];
  tables: FamilyTable[];
  sensitive: boolean;
}

export interface ProtectedFamily {
  cols: string[];
  tables: { key: string; rows: string[] }[];
  threshold: number;
  /** Why nothing is published, or null. */
  withheld: string | null;
  value: (key: string) => PublishedValue;
}

export const marginKey = (col: string) => `m|${col}`;
export const GRAND_KEY = 'g';
export const cellKey = (table: string, row: string, col: string) => `${table}|${row}|${col}`;
export const rowTotalKey = (table: string, row: string) => `${table}|${row}|*`;

const invalid = (message: string) => new StatisticsError('invalid_table', message);

/** Keys, values and additive lines of a family. */
export const familyStructure = (f: Family): { keys: string[]; values: number[]; s: Structure } => {
  if (f.tables.length === 0) throw invalid('Famille de tableaux vide');
  const keys: string[] = [];
  const values: number[] = [];
  const index = new Map<string, number>();
  const add = (k: string, v: number) => {
    if (index.has(k)) throw invalid(`Entrée en double : ${k}`);
    index.set(k, keys.length);
    keys.push(k);
    values.push(v);
  };
  const margins = f.cols.map((_, j) => f.tables[0]!.cells.reduce((t, r) => t + r[j]!, 0));
  f.cols.forEach((c, j) => add(marginKey(c), margins[j]!));
  add(
    GRAND_KEY,
    margins.reduce((a, b) => a + b, 0),
  );
  const lines: Line[] = [{ total: index.get(GRAND_KEY)!, parts: f.cols.map((c) => index.get(marginKey(c))!) }];
  for (const t of f.tables) {
    if (t.cells.length !== t.rows.length || t.cells.some((r) => r.length !== f.cols.length))
      throw invalid(`Tableau ${t.key} : dimensions incohérentes`);
    f.cols.forEach((_, j) => {
      if (t.cells.reduce((s, r) => s + r[j]!, 0) !== margins[j])
        throw invalid(`Tableau ${t.key} : il ne compte pas la même population que les autres`);
    });
    t.rows.forEach((r, i) => {
      f.cols.forEach((c, j) => {
        const v = t.cells[i]![j]!;
        if (!Number.isSafeInteger(v) || v < 0) throw invalid('Un effectif doit être un entier positif ou nul');
        add(cellKey(t.key, r, c), v);
      });
      add(
        rowTotalKey(t.key, r),
        t.cells[i]!.reduce((a, b) => a + b, 0),
      );
      lines.push({
        total: index.get(rowTotalKey(t.key, r))!,
        parts: f.cols.map((c) => index.get(cellKey(t.key, r, c))!),
      });
    });
    f.cols.forEach((c) =>
      lines.push({ total: index.get(marginKey(c))!, parts: t.rows.map((r) => index.get(cellKey(t.key, r, c))!) }),
    );
    lines.push({ total: index.get(GRAND_KEY)!, parts: t.rows.map((r) => index.get(rowTotalKey(t.key, r))!) });
  }
  const linesOf: number[][] = keys.map(() => []);
  lines.forEach((l, i) => [l.total, ...l.parts].forEach((e) => linesOf[e]!.push(i)));
  const refs = keys.map((k) =>
    k.startsWith('m|') || k === GRAND_KEY || k.endsWith('|*')
      ? ({ kind: 'grandTotal' } as const)
      : ({ kind: 'cell', row: 0, col: 0 } as const),
  );
  return { keys, values, s: { refs, lines, linesOf } };
};

/**
 * Primary and secondary suppression over the whole family (protect.ts, `suppressStructure`), then the exact attack on
 * the result once more. `fixed`: statuses of entries already published by a parent family (the population total
 * of a site shared by every population indicator, the home visits shared by "entrées par type"…).
 */
export const protectFamily = (
  f: Family,
  fixed: ReadonlyMap<string, PublishedValue> = new Map(),
  /** The thresholds in force at the query's date (dated parameters); 5 and 11 by default. */
  thresholds?: { primary: number; sensitive: number },
): ProtectedFamily => {
  const threshold = thresholdFor({ rowVar: null, colVar: f.colVar }, { sensitive: f.sensitive, thresholds });
  const { keys, values, s } = familyStructure(f);
  const initial = keys.map((k, e): Suppression | null | undefined => {
    const v = fixed.get(k);
    if (v === undefined) return undefined;
    if (typeof v === 'number') {
      if (v !== values[e]) throw invalid(`Valeur imposée incohérente : ${k}`);
      return null;
    }
    // Hidden by the parent: hidden here too, with the mark of this family's threshold (a count of 7 hidden as
    // "secret" among threshold-5 tables is "< 11" in a threshold-11 one): the marks tell the truth everywhere.
    return values[e]! < threshold ? 'primary' : 'secondary';
  });
  const status = suppressStructure(s, values, threshold, initial);
  const base = { cols: [...f.cols], tables: f.tables.map((t) => ({ key: t.key, rows: [...t.rows] })), threshold };
  const index = new Map(keys.map((k, i) => [k, i]));
  const withheld = (reason: string): ProtectedFamily => ({
    ...base,
    withheld: reason,
    value: () => ({ suppressed: 'secondary' }),
  });
  if (!status)
    return withheld(
      `Effectifs trop faibles : ce croisement ne peut pas être diffusé sans révéler un effectif inférieur à ${threshold}`,
    );
  if (recoverUnderStatus(s, values, status, threshold).length > 0)
    return withheld('Secret statistique : la protection du tableau n’a pas pu être vérifiée');
  return {
    ...base,
    withheld: null,
    value: (key) => {
      const e = index.get(key);
      if (e === undefined) throw invalid(`Entrée inconnue : ${key}`);
      const st = status[e];
      return st ? { suppressed: st } : values[e]!;
    },
  };
};

/** The slices the API publishes: each a released table read from the protected family (never recomputed). */
export type FamilySlice =
  | { kind: 'margins' }
  | { kind: 'table'; table: string; rowVar: string }
  | { kind: 'row'; table: string; row: string }
  | { kind: 'column'; table: string; col: string; rowVar: string }
  | { kind: 'rowTotals'; table: string; rowVar: string };

const oneWay = (p: ProtectedFamily, colVar: string, cols: string[], cells: PublishedValue[], grand: PublishedValue) =>
  ({
    status: 'released',
    rowVar: null,
    colVar,
    rows: ['ensemble'],
    cols,
    threshold: p.threshold,
    cells: [cells],
    rowTotals: [],
    colTotals: [],
    grandTotal: grand,
  }) satisfies ReleasedTable;

export const sliceFamily = (p: ProtectedFamily, colVar: string, slice: FamilySlice): PublishedTable => {
  const t = releasedSlice(p, colVar, slice);
  if (!p.withheld) return t;
  const { rowVar, rows, cols, threshold } = t;
  return { status: 'withheld', rowVar, colVar: t.colVar, rows, cols, threshold, reason: p.withheld };
};

const releasedSlice = (p: ProtectedFamily, colVar: string, slice: FamilySlice): ReleasedTable => {
  const v = p.value;
  const rowsOf = (table: string) => {
    const t = p.tables.find((x) => x.key === table);
    if (!t) throw invalid(`Tableau inconnu : ${table}`);
    return t.rows;
  };
  switch (slice.kind) {
    case 'margins':
      return oneWay(
        p,
        colVar,
        p.cols,
        p.cols.map((c) => v(marginKey(c))),
        v(GRAND_KEY),
      );
    case 'row':
      return oneWay(
        p,
        colVar,
        p.cols,
        p.cols.map((c) => v(cellKey(slice.table, slice.row, c))),
        v(rowTotalKey(slice.table, slice.row)),
      );
    case 'column': {
      const rows = rowsOf(slice.table);
      return oneWay(
        p,
        slice.rowVar,
        rows,
        rows.map((r) => v(cellKey(slice.table, r, slice.col))),
        v(marginKey(slice.col)),
      );
    }
    case 'rowTotals': {
      const rows = rowsOf(slice.table);
      return oneWay(
        p,
        slice.rowVar,
        rows,
        rows.map((r) => v(rowTotalKey(slice.table, r))),
        v(GRAND_KEY),
      );
    }
    case 'table': {
      const rows = rowsOf(slice.table);
      return {
        status: 'released',
        rowVar: slice.rowVar,
        colVar,
        rows: [...rows],
        cols: [...p.cols],
        threshold: p.threshold,
        cells: rows.map((r) => p.cols.map((c) => v(cellKey(slice.table, r, c)))),
        rowTotals: rows.map((r) => v(rowTotalKey(slice.table, r))),
        colTotals: p.cols.map((c) => v(marginKey(c))),
        grandTotal: v(GRAND_KEY),
      };
    }
  }
};
