import { Q } from './rational.js';

/**
 * A small exact linear-programming kit for the recovery attack: Gaussian elimination (which unknowns the equations
 * alone fix — the classic "recovery by subtraction") and a bounded-variable primal simplex (which unknowns the
 * equations and the bounds together fix). Exact rationals and Bland's rule: slower than a float solver with
 * Dantzig pricing, but the answer is a proof, and statistics tables have at most a few hundred unknowns.
 */

/** `A·x = b`, `lower ≤ x ≤ upper` (`null` upper bound = +∞). */
export interface BoundedSystem {
  A: Q[][];
  b: Q[];
  lower: Q[];
  upper: (Q | null)[];
}

export class InfeasibleSystemError extends Error {}

/** Unknowns whose value follows from the equations alone: `e_i` lies in the row space of `A` (RREF pivot row with no other unknown). */
export const determinedByEquations = (A: readonly Q[][], b: readonly Q[], n: number): Map<number, Q> => {
  const rows = A.map((r, k) => [...r, b[k]!]);
  let rank = 0;
  const pivotCols: number[] = [];
  for (let j = 0; j < n && rank < rows.length; j++) {
    const p = rows.findIndex((r, k) => k >= rank && !r[j]!.isZero());
    if (p < 0) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pr = rows[rank]!;
    const piv = pr[j]!;
    for (let c = 0; c <= n; c++) pr[c] = pr[c]!.div(piv);
    for (let k = 0; k < rows.length; k++) {
      const f = rows[k]![j]!;
      if (k === rank || f.isZero()) continue;
      const r = rows[k]!;
      for (let c = 0; c <= n; c++) if (!pr[c]!.isZero()) r[c] = r[c]!.sub(f.mul(pr[c]!));
    }
    pivotCols.push(j);
    rank++;
  }
  const fixed = new Map<number, Q>();
  pivotCols.forEach((j, k) => {
    const r = rows[k]!;
    if (r.every((v, c) => c === j || c === n || v.isZero())) fixed.set(j, r[n]!);
  });
  return fixed;
};

export type Optimum = { status: 'optimal'; value: Q } | { status: 'unbounded' };

const MAX_ITERATIONS = 100_000;

/**
 * Bounded-variable simplex on a dense tableau. The constructor runs phase 1 (artificial variables, one per
 * equation) and throws `InfeasibleSystemError` when no point satisfies the system; `optimize` then runs phase 2
 * from the current basis, so successive objectives are warm-started.
 */
export class BoundedSimplex {
  readonly n: number;
  private rows: Q[][];
  private basis: number[];
  private x: Q[];
  private lo: Q[];
  private up: (Q | null)[];
  private active: boolean[];

  constructor(sys: BoundedSystem) {
    const n = sys.lower.length;
    const m = sys.A.length;
    this.n = n;
    this.lo = [...sys.lower, ...Array.from({ length: m }, () => Q.ZERO)];
    this.up = [...sys.upper, ...Array.from({ length: m }, (): Q | null => null)];
    this.x = [...sys.lower];
    this.active = Array.from({ length: n + m }, () => true);
    this.rows = [];
    this.basis = [];
    sys.A.forEach((r, k) => {
      let residual = sys.b[k]!;
      r.forEach((a, j) => (residual = residual.sub(a.mul(sys.lower[j]!))));
      const s = residual.sign() < 0 ? Q.ONE.neg() : Q.ONE;
      const row = [...r.map((a) => a.mul(s)), ...Array.from({ length: m }, (_, a) => (a === k ? Q.ONE : Q.ZERO))];
      this.rows.push(row);
      this.basis.push(n + k);
      this.x.push(residual.mul(s));
    });
    const phase1 = [...Array.from({ length: n }, () => Q.ZERO), ...Array.from({ length: m }, () => Q.ONE)];
    this.iterate(phase1);
    for (let j = n; j < n + m; j++) if (!this.x[j]!.isZero()) throw new InfeasibleSystemError('Système infaisable');
    // Drive the artificial variables (all at zero) out of the basis; a row where that is impossible is redundant.
    for (let r = this.rows.length - 1; r >= 0; r--) {
      if (this.basis[r]! < n) continue;
      const j = this.rows[r]!.findIndex((v, c) => c < n && !v.isZero() && !this.basis.includes(c));
      if (j >= 0) this.pivot(r, j);
      else {
        this.rows.splice(r, 1);
        this.basis.splice(r, 1);
      }
    }
    // Artificial columns are dead from here on: drop them so that pivots only touch real columns.
    this.rows = this.rows.map((row) => row.slice(0, n));
    this.x = this.x.slice(0, n);
    this.lo = this.lo.slice(0, n);
    this.up = this.up.slice(0, n);
    this.active = this.active.slice(0, n);
  }

  /** The current feasible point (structural unknowns only). */
  point(): Q[] {
    return this.x.slice(0, this.n);
  }

  /** Minimises or maximises `c·x` over the feasible set. */
  optimize(c: readonly Q[], sense: 'min' | 'max'): Optimum {
    const cost = Array.from({ length: this.x.length }, (_, j) =>
      j < this.n ? (sense === 'min' ? c[j]! : c[j]!.neg()) : Q.ZERO,
    );
    if (!this.iterate(cost)) return { status: 'unbounded' };
    let value = Q.ZERO;
    for (let j = 0; j < this.n; j++) if (!c[j]!.isZero()) value = value.add(c[j]!.mul(this.x[j]!));
    return { status: 'optimal', value };
  }

  /** Phase-2 loop (minimisation). Returns false when the objective is unbounded below. */
  private iterate(cost: Q[]): boolean {
    const N = this.x.length;
    const isBasic = new Array<boolean>(N).fill(false);
    for (const b of this.basis) isBasic[b] = true;
    for (let iter = 0; ; iter++) {
      if (iter > MAX_ITERATIONS) throw new Error('Simplexe : trop d’itérations');
      // Rows whose basic variable has a cost: the only ones that contribute to reduced costs.
      const costed = this.rows.flatMap((row, r) =>
        cost[this.basis[r]!]!.isZero() ? [] : [[row, cost[this.basis[r]!]!] as const],
      );
      // Bland's rule: the first improving non-basic variable enters.
      let enter = -1;
      let dir = 0;
      for (let j = 0; j < N && enter < 0; j++) {
        if (!this.active[j] || isBasic[j]) continue;
        const u = this.up[j]!;
        if (u !== null && u.eq(this.lo[j]!)) continue;
        let d = cost[j]!;
        for (const [row, cb] of costed) if (!row[j]!.isZero()) d = d.subMul(cb, row[j]!);
        if (d.sign() < 0 && this.x[j]!.eq(this.lo[j]!)) [enter, dir] = [j, 1];
        else if (d.sign() > 0 && u !== null && this.x[j]!.eq(u)) [enter, dir] = [j, -1];
      }
      if (enter < 0) return true;
      // Ratio test: the entering variable moves until it or a basic variable meets a bound (ties: flip, then lowest index).
      const range = this.up[enter]!;
      let theta: Q | null = range === null ? null : range.sub(this.lo[enter]!);
      let leave = -1;
      this.rows.forEach((row, r) => {
        const a = row[enter]!;
        if (a.isZero()) return;
        const b = this.basis[r]!;
        const falling = a.sign() * dir > 0;
        const ub = this.up[b]!;
        if (!falling && ub === null) return;
        const lim = (falling ? this.x[b]!.sub(this.lo[b]!) : ub!.sub(this.x[b]!)).div(a.abs());
        const better =
          theta === null || lim.cmp(theta) < 0 || (lim.cmp(theta) === 0 && leave >= 0 && b < this.basis[leave]!);
        if (better) [theta, leave] = [lim, r];
      });
      if (theta === null) return false;
      const step: Q = theta;
      const signed = dir > 0 ? step : step.neg();
      this.x[enter] = this.x[enter]!.add(signed);
      this.rows.forEach((row, r) => {
        const b = this.basis[r]!;
        if (!row[enter]!.isZero()) this.x[b] = this.x[b]!.subMul(row[enter]!, signed);
      });
      if (leave < 0) continue;
      isBasic[this.basis[leave]!] = false;
      isBasic[enter] = true;
      this.pivot(leave, enter);
    }
  }

  private pivot(r: number, j: number): void {
    const pr = this.rows[r]!;
    const piv = pr[j]!;
    if (!piv.eq(Q.ONE)) for (let c = 0; c < pr.length; c++) if (!pr[c]!.isZero()) pr[c] = pr[c]!.div(piv);
    const nonZero: number[] = [];
    for (let c = 0; c < pr.length; c++) if (!pr[c]!.isZero()) nonZero.push(c);
    this.rows.forEach((row, k) => {
      const f = row[j]!;
      if (k === r || f.isZero()) return;
      for (const c of nonZero) row[c] = row[c]!.subMul(f, pr[c]!);
    });
    this.basis[r] = j;
  }
}
