import { StatisticsError } from './errors.js';
import {
  isSuppressed,
  publishedEntries,
  type PublishedTable,
  type PublishedValue,
  type Suppression,
} from './published.js';
import { Q } from './rational.js';
import { BoundedSimplex, determinedByEquations, InfeasibleSystemError } from './simplex.js';
import { structureOf, type EntryRef, type Structure } from './table.js';

/**
 * The recovery attack: what can a reader compute about the hidden values from what is published?
 *
 * Attacker model. The reader knows the shape, every published number, that the table is additive (rows, columns and
 * margins sum up), that counts are whole and non-negative, and — model `labels`, the default and the one the
 * protection is held to — what the marks say: a primary mark ("< 5") hides 1 … threshold − 1 persons, a "secret"
 * hides at least threshold persons (zeros are never hidden). Model `non-negative` drops the marks (each hidden
 * value only ≥ 0): a weaker reader, kept to compare with the textbook formulation.
 *
 * Each hidden value is an unknown; each line gives an equation. A hidden value is recovered when it takes a single
 * value over the whole feasible set, i.e. its minimum equals its maximum. This is computed exactly: Gaussian
 * elimination over the rationals tells the values the equations alone fix (recovery by subtraction); an exact
 * simplex gives minima and maxima under the bounds. Table constraint matrices are network matrices (totally
 * unimodular), so the linear-programming bounds are attained by whole counts and every whole value between them is
 * feasible: the real relaxation loses nothing against an attacker who reasons in integers.
 *
 * Not modelled (see the report in index.ts): other tables published from overlapping data (linked tables), and an
 * attacker who knows how the protection chooses its secondary cells.
 */
export type AttackerModel = 'labels' | 'non-negative';

/** What the reader knows of one entry: its value, or bounds. */
export type Knowledge = { value: number } | { lower: number; upper: number | null };

/** Prior bounds of a hidden value under a model. */
export const priorBounds = (
  s: Suppression,
  threshold: number,
  model: AttackerModel,
): { lower: number; upper: number | null } =>
  model === 'non-negative'
    ? { lower: 0, upper: null }
    : s === 'primary'
      ? { lower: 1, upper: threshold - 1 }
      : { lower: threshold, upper: null };

export const knowledgeOf = (v: PublishedValue, threshold: number, model: AttackerModel): Knowledge =>
  isSuppressed(v) ? priorBounds(v.suppressed, threshold, model) : { value: v };

export interface Recovery {
  entry: number;
  value: number;
  /** `subtraction`: the equations alone give it; `bounds`: the equations plus the bounds pin it. */
  by: 'subtraction' | 'bounds';
}

export interface HiddenInterval {
  entry: number;
  min: number;
  /** `null`: unbounded above. */
  max: number | null;
}

/** Unknowns linked through shared lines form independent systems, attacked one by one (smaller tableaux). */
interface Component {
  entries: number[];
  system: { A: Q[][]; b: Q[]; lower: Q[]; upper: (Q | null)[] };
}

const components = (s: Structure, k: readonly Knowledge[]): Component[] => {
  const unknown = k.map((x) => !('value' in x));
  const parent = k.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const l of s.lines) {
    const us = [l.total, ...l.parts].filter((e) => unknown[e]);
    for (const e of us.slice(1)) parent[find(e)] = find(us[0]!);
  }
  const groups = new Map<number, number[]>();
  k.forEach((_, e) => {
    if (!unknown[e]) return;
    const root = find(e);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(e);
  });
  const known = (e: number) => (k[e] as { value: number }).value;
  for (const l of s.lines) {
    if ([l.total, ...l.parts].some((e) => unknown[e])) continue;
    if (l.parts.reduce((t, e) => t + known(e), 0) !== known(l.total))
      throw new StatisticsError('inconsistent_table', 'Tableau incohérent : une marge ne correspond pas à ses cases');
  }
  return [...groups.values()].map((entries) => {
    const col = new Map(entries.map((e, c) => [e, c]));
    const A: Q[][] = [];
    const b: Q[] = [];
    for (const l of s.lines) {
      const terms: [number, number][] = [[l.total, -1], ...l.parts.map((e): [number, number] => [e, 1])];
      if (!terms.some(([e]) => col.has(e))) continue;
      const row = entries.map(() => Q.ZERO);
      let rhs = 0;
      for (const [e, c] of terms) {
        const x = k[e]!;
        if ('value' in x) rhs -= c * x.value;
        else row[col.get(e)!] = row[col.get(e)!]!.add(Q.int(c));
      }
      A.push(row);
      b.push(Q.int(rhs));
    }
    const bounds = entries.map((e) => k[e] as { lower: number; upper: number | null });
    const lower = bounds.map((x) => Q.int(x.lower));
    const upper = bounds.map((x) => (x.upper === null ? null : Q.int(x.upper)));
    return { entries, system: { A, b, lower, upper } };
  });
};

const solver = (c: Component): BoundedSimplex => {
  try {
    return new BoundedSimplex(c.system);
  } catch (e) {
    if (e instanceof InfeasibleSystemError)
      throw new StatisticsError(
        'inconsistent_table',
        'Tableau incohérent : aucune valeur des cases masquées ne respecte les marges',
      );
    throw e;
  }
};

const unit = (n: number, i: number) => Array.from({ length: n }, (_, j) => (j === i ? Q.ONE : Q.ZERO));

const asNumber = (q: Q): number => {
  if (!q.isInteger()) throw new Error(`Valeur non entière ${q.toString()} : la structure n'est pas unimodulaire`);
  return Number(q.n);
};

/**
 * The hidden entries an attacker recovers exactly. Witness points short-cut the work: every optimum reached is a
 * feasible table, and an entry that differs between two feasible tables is proven not recoverable; only the others
 * need their own minimum and maximum.
 */
export const recoverFromKnowledge = (s: Structure, k: readonly Knowledge[]): Recovery[] => {
  const out: Recovery[] = [];
  for (const comp of components(s, k)) {
    const n = comp.entries.length;
    const bySubtraction = determinedByEquations(comp.system.A, comp.system.b, n);
    const lp = solver(comp);
    const origin = lp.point();
    const varies = new Array<boolean>(n).fill(false);
    const witness = () => lp.point().forEach((v, j) => !v.eq(origin[j]!) && (varies[j] = true));
    for (let i = 0; i < n; i++) {
      if (varies[i]) continue;
      for (const sense of ['max', 'min'] as const) {
        const r = lp.optimize(unit(n, i), sense);
        witness();
        if (r.status === 'unbounded') varies[i] = true;
        if (varies[i]) break;
      }
      if (varies[i]) continue;
      out.push({
        entry: comp.entries[i]!,
        value: asNumber(origin[i]!),
        by: bySubtraction.has(i) ? 'subtraction' : 'bounds',
      });
    }
  }
  return out.sort((a, b) => a.entry - b.entry);
};

/** Exact feasible interval of every hidden entry (two optimisations each). */
export const intervalsFromKnowledge = (s: Structure, k: readonly Knowledge[]): HiddenInterval[] => {
  const out: HiddenInterval[] = [];
  for (const comp of components(s, k)) {
    const lp = solver(comp);
    const n = comp.entries.length;
    comp.entries.forEach((entry, i) => {
      const lo = lp.optimize(unit(n, i), 'min');
      const hi = lp.optimize(unit(n, i), 'max');
      if (lo.status !== 'optimal') throw new Error('Minimum non borné : impossible pour des effectifs positifs');
      out.push({ entry, min: asNumber(lo.value), max: hi.status === 'optimal' ? asNumber(hi.value) : null });
    });
  }
  return out.sort((a, b) => a.entry - b.entry);
};

const publishedKnowledge = (p: PublishedTable, model: AttackerModel): { s: Structure; k: Knowledge[] } | null => {
  if (p.status === 'withheld') return null;
  const s = structureOf(p.rowVar === null, p.rows.length, p.cols.length);
  return { s, k: publishedEntries(p).map((v) => knowledgeOf(v, p.threshold, model)) };
};

export interface RecoveredEntry {
  ref: EntryRef;
  suppressed: Suppression;
  value: number;
  by: 'subtraction' | 'bounds';
}

/** The attack on a published table: every hidden entry whose value the reader can compute. Empty for a withheld table. */
export const recoverCells = (p: PublishedTable, opts: { model?: AttackerModel } = {}): RecoveredEntry[] => {
  const ctx = publishedKnowledge(p, opts.model ?? 'labels');
  if (!ctx || p.status === 'withheld') return [];
  const entries = publishedEntries(p);
  return recoverFromKnowledge(ctx.s, ctx.k).map((r) => ({
    ref: ctx.s.refs[r.entry]!,
    suppressed: (entries[r.entry] as { suppressed: Suppression }).suppressed,
    value: r.value,
    by: r.by,
  }));
};

/** What the reader learns of each hidden entry: its exact feasible interval. */
export const hiddenIntervals = (
  p: PublishedTable,
  opts: { model?: AttackerModel } = {},
): (HiddenInterval & { ref: EntryRef })[] => {
  const ctx = publishedKnowledge(p, opts.model ?? 'labels');
  if (!ctx) return [];
  return intervalsFromKnowledge(ctx.s, ctx.k).map((x) => ({ ...x, ref: ctx.s.refs[x.entry]! }));
};
