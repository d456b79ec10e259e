import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAll } from '../audit/chain.js';
import { createTestDatabase } from '../test/build-test-app.js';
import { openLoadTarget, seedScale, type LoadTarget } from './scale-data.js';

/** The scale seed writes the security log with the triggers off: the chain it computes must verify like the trigger's. */
describe('scale seed and the hash-chained security log', () => {
  let target: LoadTarget;
  let dropDb: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase('jalon_scale_chain');
    dropDb = created.dropDb;
    target = await openLoadTarget({ databaseUrl: created.databaseUrl });
  });
  afterAll(async () => {
    await target?.close();
    await dropDb?.();
  });

  it(
    'audit:verify accepts the seeded chains, and the app keeps chaining after them',
    { timeout: 120_000 },
    async () => {
      await seedScale(target, { usagers: 150, log: () => {} });
      const reports = await verifyAll(target.db);
      for (const r of reports) {
        expect(r.ok, `${r.chain} ${JSON.stringify(r.firstBroken)}`).toBe(true);
        expect(Number(r.rows)).toBeGreaterThan(100);
      }
    },
  );
});
