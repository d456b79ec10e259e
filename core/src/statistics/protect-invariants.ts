import { expect } from 'vitest';
import { recoverCells } from './attack.js';
import { publishedEntries, type PublishedTable } from './published.js';
import { entryValues, type StatTable } from './table.js';

/**
 * What every output of protectTable must satisfy, checked by the hand-written and the random tests alike:
 * - nothing false: every published number is the true count;
 * - every count of 1 … threshold − 1 (cells and margins) is hidden with the primary mark;
 * - zeros are published; a "secret" hides at least threshold persons (so the marks tell the truth);
 * - the exact attack recovers nothing, under the marks-aware model and the plain non-negative one.
 */
export const expectSafe = (t: StatTable, p: PublishedTable): void => {
  expect(recoverCells(p)).toEqual([]);
  expect(recoverCells(p, { model: 'non-negative' })).toEqual([]);
  if (p.status === 'withheld') return;
  const truth = entryValues(t);
  publishedEntries(p).forEach((v, e) => {
    const real = truth[e]!;
    if (typeof v === 'number') expect(v).toBe(real);
    else if (v.suppressed === 'primary') expect(real > 0 && real < p.threshold).toBe(true);
    else expect(real).toBeGreaterThanOrEqual(p.threshold);
    if (real > 0 && real < p.threshold) expect(v).toEqual({ suppressed: 'primary' });
    if (real === 0) expect(v).toBe(0);
  });
};

export const hiddenCount = (p: PublishedTable, kind?: 'primary' | 'secondary'): number =>
  p.status === 'withheld'
    ? Infinity
    : publishedEntries(p).filter((v) => typeof v !== 'number' && (!kind || v.suppressed === kind)).length;
