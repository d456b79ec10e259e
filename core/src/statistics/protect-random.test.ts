import { describe, expect, it } from 'vitest';
import { recoverCells } from './attack.js';
import { protectTable, PRIMARY_THRESHOLD, SENSITIVE_THRESHOLD } from './protect.js';
import { expectSafe } from './protect-invariants.js';
import { naivelyPublished, prng, randomTable } from './testkit.js';

/**
 * 240 random tables (seeded: the same tables on every run and machine), 1–8 × 1–12, a quarter zeros and many
 * small counts, a third of them at the sensitive threshold. Each is attacked twice: its naive publication (small
 * counts hidden, nothing else), which the attack must break often, and protectTable's output, which it must not
 * break at all.
 */
const BATCHES = 24;
const PER_BATCH = 10;
/** Generous: CI machines run every tier at once. */
const TIMEOUT = 60_000;

const rnd = prng(20_251_106);
const batches = Array.from({ length: BATCHES }, (_, b) =>
  Array.from({ length: PER_BATCH }, (_, k) => {
    const sensitive = (b * PER_BATCH + k) % 3 === 0;
    return { sensitive, t: randomTable(rnd, sensitive ? SENSITIVE_THRESHOLD : PRIMARY_THRESHOLD) };
  }),
);

let withSmallCounts = 0;
let naiveBroken = 0;
let withheld = 0;

describe('random tables', () => {
  it.each(batches.map((b, i) => [i, b] as const))(
    'batch %i: nothing recovered from the protected tables',
    (_, batch) => {
      for (const { t, sensitive } of batch) {
        const threshold = sensitive ? SENSITIVE_THRESHOLD : PRIMARY_THRESHOLD;
        const naive = naivelyPublished(t, threshold);
        if (JSON.stringify(naive).includes('primary')) withSmallCounts++;
        if (recoverCells(naive).length > 0) naiveBroken++;
        const p = protectTable(t, { sensitive });
        if (p.status === 'withheld') withheld++;
        expectSafe(t, p);
      }
    },
    TIMEOUT,
  );

  it('the attack is not a no-op: most naive publications are broken; withholding stays rare', () => {
    expect(naiveBroken).toBeGreaterThan(0.75 * withSmallCounts);
    expect(withheld).toBeLessThan(0.05 * BATCHES * PER_BATCH);
  });
});
