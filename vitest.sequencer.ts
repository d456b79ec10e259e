import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest test files (docs/testing.md, "Speed"), longest first. vitest orders the files by the durations it cached
 * in the previous run (node_modules/.vite); a fresh clone, as on the CI, has none and runs them in glob order, where a
 * long file started last runs alone at the end while the other worker idles.
 */
const LONGEST = [
  'server/src/test/access-matrix.test.ts',
  'server/src/backup/backup.test.ts',
  'server/src/test/bad-input/bodies.test.ts',
  'server/src/modules/statistics/statistics-queries.test.ts',
  'server/src/test/durability.test.ts',
  'server/src/bench/bench.test.ts',
];

const rank = (spec: TestSpecification) => {
  const i = LONGEST.findIndex((path) => spec.moduleId.endsWith(path));
  return i < 0 ? LONGEST.length : i;
};

/** vitest's order, then the known longest files first (a stable sort keeps the rest as vitest put it). */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}
