import type { PublishedValue, ReleasedTable } from './published.js';
import { releaseTable } from './published.js';
import { entryValues, tableStructure, type StatTable } from './table.js';

/**
 * Test helpers (not exported from the package): a seeded PRNG, random count tables, the naive primary-only
 * publication the attack must break, and an exhaustive enumeration to check the attack against on small tables.
 */

/** mulberry32: small, fast, good enough for test data, same sequence on every machine. */
export const prng = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int };
};

export const table = (cells: number[][], rowVar: string | null = 'r'): StatTable => ({
  rowVar,
  colVar: 'c',
  rows: cells.map((_, i) => `r${i}`),
  cols: (cells[0] ?? []).map((_, j) => `c${j}`),
  cells,
});

/** Sizes 1–8 × 1–12, a quarter zeros, many counts under the threshold, the rest up to 80. */
export const randomTable = (rnd: ReturnType<typeof prng>, threshold: number): StatTable => {
  const m = rnd.int(1, 8);
  const n = rnd.int(1, 12);
  const cells = Array.from({ length: m }, () =>
    Array.from({ length: n }, () => {
      const r = rnd.next();
      return r < 0.25 ? 0 : r < 0.65 ? rnd.int(1, threshold - 1) : rnd.int(threshold, 80);
    }),
  );
  return table(cells, m === 1 && rnd.next() < 0.5 ? null : 'r');
};

/** What a careless publisher does: hide the small counts, nothing else. */
export const naivelyPublished = (t: StatTable, threshold: number): ReleasedTable =>
  releaseTable(
    t,
    threshold,
    entryValues(t).map((v) => (v > 0 && v < threshold ? 'primary' : null)),
  );

/** Hides an arbitrary set of entries with truthful marks (for cross-checking the attack on arbitrary patterns). */
export const publishedWithPattern = (t: StatTable, threshold: number, hide: (e: number) => boolean): ReleasedTable =>
  releaseTable(
    t,
    threshold,
    entryValues(t).map((v, e) => (v === 0 || !hide(e) ? null : v < threshold ? 'primary' : 'secondary')),
  );

/**
 * Exhaustive attack for small tables: tries every value of the hidden inner cells within `window` of the truth
 * (and within the marks' bounds), keeps those consistent with every published number and every mark, and returns
 * the entries (structure order) that take one value only. Independent of the simplex: no algebra at all.
 */
export const bruteForceRecovered = (t: StatTable, p: ReleasedTable, window = 4): Set<number> => {
  const s = tableStructure(t);
  const truth = entryValues(t);
  const pub: PublishedValue[] = [...p.cells.flat(), ...p.rowTotals, ...p.colTotals, p.grandTotal];
  const bounds = (e: number): [number, number] => {
    const v = pub[e]!;
    if (typeof v === 'number') return [v, v];
    return v.suppressed === 'primary' ? [1, p.threshold - 1] : [p.threshold, Number.MAX_SAFE_INTEGER];
  };
  const nCells = t.rows.length * t.cols.length;
  const hiddenCells = [...Array(nCells).keys()].filter((e) => typeof pub[e] !== 'number');
  const seen = pub.map(() => new Set<number>());
  const x = truth.slice(0, nCells);
  const check = () => {
    const all = [...x];
    // Lines come in structure order: row and column lines before the grand-total lines that use their totals.
    for (const l of s.lines) all[l.total] = l.parts.reduce((a, e) => a + all[e]!, 0);
    for (let e = 0; e < all.length; e++) {
      const [lo, hi] = bounds(e);
      if (all[e]! < lo || all[e]! > hi) return;
    }
    all.forEach((v, e) => seen[e]!.add(v));
  };
  const walk = (k: number) => {
    if (k === hiddenCells.length) return check();
    const e = hiddenCells[k]!;
    const [lo, hi] = bounds(e);
    for (let v = Math.max(lo, truth[e]! - window); v <= Math.min(hi, truth[e]! + window); v++) {
      x[e] = v;
      walk(k + 1);
    }
    x[e] = truth[e]!;
  };
  walk(0);
  const out = new Set<number>();
  pub.forEach((v, e) => typeof v !== 'number' && seen[e]!.size === 1 && out.add(e));
  return out;
};
