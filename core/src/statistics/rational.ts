/**
 * Exact rational numbers over bigint. The recovery attack must never say "not recoverable" because of a rounding
 * error (a float simplex can report 3.0000000001 ≠ 3 and miss a disclosure), so all of its arithmetic is exact.
 * Values are kept reduced with a positive denominator; integers (the usual case for tables, whose constraint
 * matrices are totally unimodular) skip the gcd.
 */
export class Q {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static readonly ZERO = new Q(0n, 1n);
  static readonly ONE = new Q(1n, 1n);

  static int(v: number | bigint): Q {
    if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new RangeError(`Not a safe integer: ${v}`);
    return new Q(BigInt(v), 1n);
  }

  static of(n: bigint, d: bigint): Q {
    if (d === 0n) throw new RangeError('Division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Q(n, 1n);
    const g = gcd(n < 0n ? -n : n, d);
    return g === 1n ? new Q(n, d) : new Q(n / g, d / g);
  }

  add(o: Q): Q {
    if (this.d === 1n && o.d === 1n) return new Q(this.n + o.n, 1n);
    return Q.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Q): Q {
    if (this.d === 1n && o.d === 1n) return new Q(this.n - o.n, 1n);
    return Q.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  /** `this − a·b` with a single allocation in the integer case (the hot path of elimination). */
  subMul(a: Q, b: Q): Q {
    if (this.d === 1n && a.d === 1n && b.d === 1n) return new Q(this.n - a.n * b.n, 1n);
    return this.sub(a.mul(b));
  }
  mul(o: Q): Q {
    if (this.n === 0n || o.n === 0n) return Q.ZERO;
    if (this.d === 1n && o.d === 1n) return new Q(this.n * o.n, 1n);
    return Q.of(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return Q.of(this.n * o.d, this.d * o.n);
  }
  neg(): Q {
    return new Q(-this.n, this.d);
  }
  abs(): Q {
    return this.n < 0n ? this.neg() : this;
  }
  sign(): -1 | 0 | 1 {
    return this.n === 0n ? 0 : this.n < 0n ? -1 : 1;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  cmp(o: Q): -1 | 0 | 1 {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l === r ? 0 : l < r ? -1 : 1;
  }
  eq(o: Q): boolean {
    return this.n === o.n && this.d === o.d;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  /** Exact only for integers and simple fractions; used for reporting, never for decisions. */
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
