import { largeFamily, layoutGenogram } from '@jalon/core';

export interface GenogramBench {
  persons: number;
  generations: number;
  runs: number;
  firstMs: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * The genogram's pure layout (core layoutGenogram) on a family of `depth` generations of `perGen` persons
 * (docs/benchmarks.md, "Building blocks"). Target: ≥ 4 generations and 60 persons laid out in ≤ 50 ms. The first,
 * cold run is reported apart; the percentiles are of the following runs.
 */
export function measureGenogramLayout(opts: { depth?: number; perGen?: number; runs?: number } = {}): GenogramBench {
  const depth = opts.depth ?? 4;
  const g = largeFamily(depth, opts.perGen ?? 16);
  const runs = opts.runs ?? 200;
  let t0 = performance.now();
  const layout = layoutGenogram(g);
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    layoutGenogram(g);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {
    persons: g.persons.length,
    generations: new Set(layout.nodes.map((n) => n.gen)).size,
    runs,
    firstMs,
    p50: at(0.5),
    p95: at(0.95),
    max: times[times.length - 1] ?? NaN,
  };
}
