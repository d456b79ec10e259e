import { isOneWay, marginsOf, type EntryRef, type StatTable } from './table.js';

/**
 * What leaves the core: every output (chart, map, table, CSV, PDF) is drawn from one of these and nothing else, so
 * a suppressed cell cannot reappear in one output while hidden in another.
 *
 * Reading a suppressed mark tells the reader something, and the attack (attack.ts) assumes they use it:
 * - `primary` ("< 5", or "< 11" for a sensitive table): the count is between 1 and threshold − 1. Zeros are never
 *   suppressed, so a hidden count is never 0.
 * - `secondary` ("secret"): hidden only so that no primary cell can be recomputed; the count is at least the threshold.
 */
export type Suppression = 'primary' | 'secondary';
export interface SuppressedValue {
  suppressed: Suppression;
}
export type PublishedValue = number | SuppressedValue;

interface PublishedBase {
  rowVar: string | null;
  colVar: string;
  rows: string[];
  cols: string[];
  /** Primary threshold applied: 5, or 11 when the table involves a sensitive variable. */
  threshold: number;
}

export interface ReleasedTable extends PublishedBase {
  status: 'released';
  cells: PublishedValue[][];
  /** Empty for a one-way table. */
  rowTotals: PublishedValue[];
  /** Empty for a one-way table. */
  colTotals: PublishedValue[];
  grandTotal: PublishedValue;
}

/** A table that cannot be published at all without disclosing a count (see protect.ts): only its shape leaves. */
export interface WithheldTable extends PublishedBase {
  status: 'withheld';
  reason: string;
}

export type PublishedTable = ReleasedTable | WithheldTable;

export const isSuppressed = (v: PublishedValue): v is SuppressedValue => typeof v !== 'number';

/** Published entries in `structureOf` order (cells, row totals, column totals, grand total). */
export const publishedEntries = (p: ReleasedTable): PublishedValue[] => [
  ...p.cells.flat(),
  ...p.rowTotals,
  ...p.colTotals,
  p.grandTotal,
];

/** Builds the published object from a table and one status per entry (`structureOf` order). */
export const releaseTable = (
  t: StatTable,
  threshold: number,
  status: readonly (Suppression | null)[],
): ReleasedTable => {
  const m = marginsOf(t);
  const values = [...t.cells.flat(), ...m.rowTotals, ...m.colTotals, m.grandTotal];
  const out = values.map((v, e): PublishedValue => {
    const s = status[e];
    return s ? { suppressed: s } : v;
  });
  const nCells = t.rows.length * t.cols.length;
  const nRowTotals = m.rowTotals.length;
  const nColTotals = m.colTotals.length;
  return {
    status: 'released',
    rowVar: t.rowVar,
    colVar: t.colVar,
    rows: [...t.rows],
    cols: [...t.cols],
    threshold,
    cells: t.rows.map((_, i) => out.slice(i * t.cols.length, (i + 1) * t.cols.length)),
    rowTotals: out.slice(nCells, nCells + nRowTotals),
    colTotals: out.slice(nCells + nRowTotals, nCells + nRowTotals + nColTotals),
    grandTotal: out[out.length - 1]!,
  };
};

/** The value at one position of a released table. */
export const publishedAt = (p: ReleasedTable, ref: EntryRef): PublishedValue => {
  switch (ref.kind) {
    case 'cell':
      return p.cells[ref.row]![ref.col]!;
    case 'rowTotal':
      return p.rowTotals[ref.row]!;
    case 'colTotal':
      return p.colTotals[ref.col]!;
    case 'grandTotal':
      return p.grandTotal;
  }
};

/** For charts and the map: a suppressed value is `null` (a gap), never 0 — a 0 bar would be a false statement. */
export const publishedNumber = (v: PublishedValue): number | null => (isSuppressed(v) ? null : v);

/** Short mark for a secondary suppression (documented in the CSV notes and the page legend). */
export const SECONDARY_MARK = 'secret';

/** The one wording of a value everywhere: "< 5" / "< 11" for a primary suppression, "secret" for a secondary one. */
export const publishedValueText = (
  v: PublishedValue,
  threshold: number,
  format: (n: number) => string = String,
): string => (!isSuppressed(v) ? format(v) : v.suppressed === 'primary' ? `< ${threshold}` : SECONDARY_MARK);

/** For screens and PDF: French digit grouping (1 234). The CSV keeps raw digits. */
export const frenchNumber = (n: number): string => n.toLocaleString('fr-FR');

export const isOneWayPublished = (p: PublishedBase): boolean => isOneWay(p);
