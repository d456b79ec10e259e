import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDb } from '../../db/connect.js';
import type { Db } from '../../db/schema.js';
import type { JobDefinition } from '../../platform/module.js';
import { buildTestApp, createTestDatabase, type TestApp } from '../../test/build-test-app.js';
import { buildUser, loginAs } from '../../test/factories.js';
import { backoffMs, claimNext, dueSlot, enqueue, runOne, scheduleRecurring } from './index.js';

/** The persistent job queue (docs/architecture.md, "Job queue"). */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const jobRow = (db: Db, id: string) => db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const at = () => t.clock.now();

describe('job queue', () => {
  it('one idempotency key is one job; a due job is claimed by one worker only', async () => {
    const key = `once-${Math.random()}`;
    const id = await enqueue(t.db, { kind: 'test.a', runAt: at(), idempotencyKey: key }, at());
    expect(id).not.toBeNull();
    expect(await enqueue(t.db, { kind: 'test.a', runAt: at(), idempotencyKey: key }, at())).toBeNull();
    const [a, b] = await Promise.all([
      claimNext(t.db, 'w1', at(), 60_000, ['test.a']),
      claimNext(t.db, 'w2', at(), 60_000, ['test.a']),
    ]);
    expect([a?.id, b?.id].filter(Boolean)).toEqual([id]);
    // The lease expired (the worker died): another worker takes it up again.
    const later = new Date(at().getTime() + 61_000);
    expect((await claimNext(t.db, 'w3', later, 60_000, ['test.a']))?.id).toBe(id);
    expect((await jobRow(t.db, id!)).attempts).toBe(2);
  });

  it('retries with backoff, then dead-letters; a success keeps its result and progress', async () => {
    const failing: JobDefinition = {
      kind: 'test.fail',
      maxAttempts: 2,
      handler: async () => {
        throw new Error('service indisponible');
      },
    };
    const id = (await enqueue(t.db, { kind: 'test.fail', runAt: at(), maxAttempts: 2 }, at()))!;
    expect(await runOne(t.db, [failing], at, 'w1')).toBe(true);
    let row = await jobRow(t.db, id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_error: 'service indisponible' });
    expect(new Date(row.run_at).getTime()).toBe(at().getTime() + backoffMs(1));
    expect(await runOne(t.db, [failing], at, 'w1')).toBe(false);
    t.clock.advance(backoffMs(1));
    expect(await runOne(t.db, [failing], at, 'w1')).toBe(true);
    row = await jobRow(t.db, id);
    expect(row).toMatchObject({ state: 'dead', attempts: 2 });

    const long: JobDefinition = {
      kind: 'test.long',
      handler: async (_db, payload, progress) => {
        await progress(3, 4);
        return { echoed: payload };
      },
    };
    const okId = (await enqueue(t.db, { kind: 'test.long', runAt: at(), payload: { n: 1 } }, at()))!;
    await runOne(t.db, [long], at, 'w1');
    expect(await jobRow(t.db, okId)).toMatchObject({
      state: 'done',
      progress_done: 3,
      progress_total: 4,
      result: { echoed: { n: 1 } },
    });
  });

  it('a recurring slot is enqueued once; the nightly job is never due at start-up', async () => {
    const every: JobDefinition = { kind: 'test.every', schedule: { everyMinutes: 10 }, handler: async () => null };
    const nightly: JobDefinition = { kind: 'test.night', schedule: { dailyAtUtcHour: 1 }, handler: async () => null };
    await scheduleRecurring(t.db, [every, nightly], at());
    await scheduleRecurring(t.db, [every, nightly], at());
    const rows = await t.db.selectFrom('job').select(['kind', 'run_at']).where('kind', 'like', 'test.%').execute();
    expect(rows.filter((r) => r.kind === 'test.every')).toHaveLength(1);
    const night = rows.filter((r) => r.kind === 'test.night');
    expect(night).toHaveLength(1);
    expect(new Date(night[0]!.run_at).getTime()).toBeGreaterThan(at().getTime());
    expect(dueSlot(nightly, new Date('2026-11-25T09:00:00Z'))?.runAt.toISOString()).toBe('2026-11-26T01:00:00.000Z');
  });

  it('the administrator lists recent runs with their outcome; others get 403', async () => {
    const admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
    const r = await t.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: admin.get });
    expect(r.statusCode).toBe(200);
    const items = (r.json() as { items: { kind: string; state: string; lastError: string | null }[] }).items;
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'test.fail', state: 'dead', lastError: 'service indisponible' }),
    );
    const dpo = await loginAs(t.app, await buildUser(t.db, 'dpo', null));
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: dpo.get })).statusCode).toBe(403);
  });
});

/** Two server processes on one PostgreSQL database: runs when TEST_DATABASE_URL is set (build-test-app.ts). */
describe.runIf(process.env.TEST_DATABASE_URL)('job queue on PostgreSQL, two workers', () => {
  it('never runs one job twice', async () => {
    const { databaseUrl, dropDb } = await createTestDatabase('jalon_jobs');
    const one = await openDb({ databaseUrl });
    const two = await openDb({ databaseUrl });
    try {
      await migrate(one.db);
      const now = new Date();
      for (let i = 0; i < 20; i++) await enqueue(one.db, { kind: 'test.pg', runAt: now }, now);
      const ran: string[] = [];
      const def: JobDefinition = {
        kind: 'test.pg',
        handler: async (_db, payload) => {
          ran.push(JSON.stringify(payload));
          await new Promise((r) => setTimeout(r, 20));
          return null;
        },
      };
      const claimed: string[] = [];
      const drain = async (db: Db, worker: string) => {
        for (;;) {
          const job = await claimNext(db, worker, new Date(), 60_000, ['test.pg']);
          if (!job) return;
          claimed.push(job.id);
          await def.handler(db, job.payload, async () => {});
        }
      };
      await Promise.all([drain(one.db, 'w1'), drain(two.db, 'w2'), drain(one.db, 'w3'), drain(two.db, 'w4')]);
      expect(claimed).toHaveLength(20);
      expect(new Set(claimed).size).toBe(20);
      // And through runOne: the same single job, raced, runs once.
      const id = await enqueue(one.db, { kind: 'test.pg', runAt: new Date(), payload: { last: true } }, new Date());
      const results = await Promise.all([
        runOne(one.db, [def], () => new Date(), 'a'),
        runOne(two.db, [def], () => new Date(), 'b'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await jobRow(one.db, id!)).state).toBe('done');
    } finally {
      await one.close();
      await two.close();
      await dropDb?.();
    }
  });
});
