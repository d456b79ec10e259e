import { describe, expect, it } from 'vitest';
import { Q } from './rational.js';
import { BoundedSimplex, determinedByEquations, InfeasibleSystemError } from './simplex.js';

/** The exact LP kit the attack stands on: if it were wrong, "nothing recovered" would prove nothing. */

const q = (n: number, d = 1) => Q.of(BigInt(n), BigInt(d));
const qs = (...v: number[]) => v.map((n) => q(n));
const inf = null;

describe('rationals', () => {
  it('reduce and compare exactly', () => {
    expect(q(2, 4).eq(q(1, 2))).toBe(true);
    expect(q(1, 3).add(q(1, 6)).toString()).toBe('1/2');
    expect(q(1, -2).toString()).toBe('-1/2');
    expect(q(3, 4).mul(q(4, 3)).eq(Q.ONE)).toBe(true);
    expect(q(1, 3).cmp(q(333_333, 1_000_000))).toBe(1);
    expect(() => q(1, 0)).toThrow();
  });
});

describe('determinedByEquations', () => {
  it('finds the unknowns fixed by subtraction, and only those', () => {
    // x0 + x1 = 5, x1 = 3, x2 + x3 = 4
    const A = [qs(1, 1, 0, 0), qs(0, 1, 0, 0), qs(0, 0, 1, 1)];
    const fixed = determinedByEquations(A, qs(5, 3, 4), 4);
    expect([...fixed.keys()].sort()).toEqual([0, 1]);
    expect(fixed.get(0)!.toString()).toBe('2');
  });
  it('works with fractions', () => {
    expect(
      determinedByEquations([qs(2)], qs(3), 1)
        .get(0)!
        .toString(),
    ).toBe('3/2');
  });
});

describe('BoundedSimplex', () => {
  it('min and max of a free split', () => {
    const lp = new BoundedSimplex({ A: [qs(1, 1)], b: qs(4), lower: qs(0, 0), upper: [inf, inf] });
    expect(lp.optimize(qs(1, 0), 'max')).toEqual({ status: 'optimal', value: q(4) });
    expect(lp.optimize(qs(1, 0), 'min')).toEqual({ status: 'optimal', value: q(0) });
  });

  it('bounds pin a value the equations leave free', () => {
    // x + y = 6, x in [1, 4], y >= 5: x = 1, y = 5.
    const lp = new BoundedSimplex({ A: [qs(1, 1)], b: qs(6), lower: qs(1, 5), upper: [q(4), inf] });
    expect(lp.optimize(qs(1, 0), 'max')).toEqual({ status: 'optimal', value: q(1) });
    expect(lp.optimize(qs(0, 1), 'min')).toEqual({ status: 'optimal', value: q(5) });
  });

  it('reports infeasibility', () => {
    expect(() => new BoundedSimplex({ A: [qs(1, 1)], b: qs(3), lower: qs(2, 2), upper: [inf, inf] })).toThrow(
      InfeasibleSystemError,
    );
  });

  it('reports unboundedness', () => {
    const lp = new BoundedSimplex({ A: [qs(1, -1)], b: qs(0), lower: qs(0, 0), upper: [inf, inf] });
    expect(lp.optimize(qs(1, 0), 'max')).toEqual({ status: 'unbounded' });
  });

  it('tolerates redundant equations', () => {
    const lp = new BoundedSimplex({
      A: [qs(1, 1), qs(2, 2), qs(1, 1)],
      b: qs(4, 8, 4),
      lower: qs(0, 0),
      upper: [inf, inf],
    });
    expect(lp.optimize(qs(0, 1), 'max')).toEqual({ status: 'optimal', value: q(4) });
  });

  it("terminates on Beale's cycling example and finds the exact optimum -5/4", () => {
    const A = [
      [q(1), q(0), q(0), q(1, 4), q(-8), q(-1), q(9)],
      [q(0), q(1), q(0), q(1, 2), q(-12), q(-1, 2), q(3)],
      [q(0), q(0), q(1), q(0), q(0), q(1), q(0)],
    ];
    const lp = new BoundedSimplex({ A, b: qs(0, 0, 1), lower: qs(0, 0, 0, 0, 0, 0, 0), upper: Array(7).fill(inf) });
    const r = lp.optimize([q(0), q(0), q(0), q(-3, 4), q(20), q(-1, 2), q(6)], 'min');
    expect(r).toEqual({ status: 'optimal', value: q(-5, 4) });
  });
});
