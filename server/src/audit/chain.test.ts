import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Trx } from '../db/schema.js';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../test/factories.js';
import { CHAINS, purgeSecurityLog, verifyAll, verifyChain, type ChainReport } from './chain.js';

/** ADR 004: the security log is a hash chain, append-only; verify finds every edit, deletion and reordering. */

let t: TestApp;
let ts: Session;
let user: TestUser;

/** Runs a tampering as a database superuser would (triggers off), verifies inside, then rolls everything back. */
async function tampered(attack: (trx: Trx) => Promise<unknown>): Promise<ChainReport> {
  let report: ChainReport | undefined;
  await t.db
    .transaction()
    .execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await attack(trx);
      report = await verifyChain(trx as unknown as Db, 'audit_event');
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  if (!report) throw new Error('no report');
  return report;
}

const seqs = async () =>
  (await t.db.selectFrom('audit_event').select(['seq']).orderBy('seq').execute()).map((r) => Number(r.seq));

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  user = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  ts = await loginAs(t.app, user);
  for (let i = 0; i < 4; i++) {
    const f = await createUsagerAs(t.app, ts);
    await t.app.inject({ method: 'GET', url: `/api/usagers/${f.id}`, headers: ts.get });
  }
});
afterAll(() => t.close());

describe('hash-chained security log', () => {
  it('every row carries the hash of the previous one and the whole chain verifies', async () => {
    const rows = await t.db.selectFrom('audit_event').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    const reports = await verifyAll(t.db);
    expect(reports.map((r) => [r.chain, r.ok])).toEqual(CHAINS.map((c) => [c, true]));
    expect(reports.find((r) => r.chain === 'access_log')?.rows).toBeGreaterThanOrEqual(4);
  });

  it('a hash given by the writer is ignored: the trigger computes it', async () => {
    await t.db
      .insertInto('audit_event')
      .values({
        at: new Date(),
        action: 'test.forge',
        actor_id: null,
        actor_role: null,
        case_file_id: null,
        target_type: null,
        target_id: null,
        diff: null,
        request_id: null,
        hash: 'f'.repeat(64),
        prev_hash: 'e'.repeat(64),
        seq: '999999',
      })
      .execute();
    const row = await t.db
      .selectFrom('audit_event')
      .select(['seq', 'hash', 'prev_hash'])
      .where('action', '=', 'test.forge')
      .executeTakeFirstOrThrow();
    expect(row.hash).not.toBe('f'.repeat(64));
    expect(row.seq).not.toBe('999999');
    expect((await verifyChain(t.db, 'audit_event')).ok).toBe(true);
  });

  it('the application cannot update, delete or truncate log rows', async () => {
    for (const table of ['audit_event', 'access_log'] as const) {
      await expect(sql`update ${sql.table(table)} set actor_role = 'dpo' where seq = 2`.execute(t.db)).rejects.toThrow(
        /ajout seul/,
      );
      await expect(sql`delete from ${sql.table(table)} where seq = 2`.execute(t.db)).rejects.toThrow(/ajout seul/);
      await expect(sql`truncate ${sql.table(table)}`.execute(t.db)).rejects.toThrow(/ajout seul/);
    }
    await expect(sql`delete from security_log_checkpoint`.execute(t.db)).resolves.toBeDefined(); // empty: no row to refuse
    expect((await verifyChain(t.db, 'access_log')).ok).toBe(true);
  });

  it('verify finds an edited row, and names it', async () => {
    const r = await tampered((trx) => sql`update audit_event set action = 'usager.read' where seq = 3`.execute(trx));
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: '3', reason: expect.stringMatching(/contenu modifié/) });
    const diff = await tampered((trx) =>
      sql`update audit_event set diff = '{"x": 1}'::jsonb where seq = 2`.execute(trx),
    );
    expect(diff.firstBroken?.seq).toBe('2');
    const at = await tampered((trx) =>
      sql`update audit_event set at = at - interval '1 day' where seq = 4`.execute(trx),
    );
    expect(at.firstBroken?.seq).toBe('4');
  });

  it('verify finds a deleted row (middle and first rows)', async () => {
    const middle = await tampered((trx) => sql`delete from audit_event where seq = 3`.execute(trx));
    expect(middle.firstBroken).toMatchObject({ seq: '4', reason: expect.stringMatching(/supprimée/) });
    const first = await tampered((trx) => sql`delete from audit_event where seq <= 2`.execute(trx));
    expect(first.firstBroken).toMatchObject({ seq: '3', reason: expect.stringMatching(/début/) });
  });

  it('verify finds reordered rows (seq numbers swapped, or contents swapped)', async () => {
    const swapped = await tampered(async (trx) => {
      await sql`update audit_event set seq = -1 where seq = 3`.execute(trx);
      await sql`update audit_event set seq = 3 where seq = 4`.execute(trx);
      await sql`update audit_event set seq = 4 where seq = -1`.execute(trx);
    });
    expect(swapped.firstBroken?.seq).toBe('3');
    const rehashed = await tampered(async (trx) => {
      // A careful forger recomputes the moved row's own hash: the next row still points to the old one.
      await sql`update audit_event set at = at + interval '1 hour' where seq = 3`.execute(trx);
      await sql`update audit_event e set hash = encode(sha256(convert_to(jalon_audit_event_canonical(e), 'UTF8')), 'hex') where seq = 3`.execute(
        trx,
      );
    });
    expect(rehashed.firstBroken).toMatchObject({ seq: '4', reason: expect.stringMatching(/précédente/) });
  });

  it('concurrent writers keep one valid chain', async () => {
    const before = await seqs();
    await Promise.all(Array.from({ length: 20 }, () => createUsagerAs(t.app, ts)));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('audit_event')
            .values({
              at: new Date(),
              action: `test.parallel_${i}`,
              actor_id: null,
              actor_role: null,
              case_file_id: null,
              target_type: null,
              target_id: null,
              diff: null,
              request_id: null,
            })
            .execute();
        }),
      ),
    );
    const after = await seqs();
    expect(after.length).toBe(before.length + 30);
    expect(after).toEqual(after.map((_, i) => i + 1));
    expect((await verifyAll(t.db)).filter((r) => !r.ok)).toEqual([]);
    expect(await verifyChain(t.db, 'audit_event', 7)).toMatchObject({ ok: true, rows: after.length }); // several pages
  });

  it('the 1-year purge removes old rows through a checkpoint and the rest still verifies', async () => {
    const oldCount = (await seqs()).length;
    t.clock.advance(400 * 86_400_000);
    ts = await loginAs(t.app, user);
    const f = await createUsagerAs(t.app, ts);
    await t.app.inject({ method: 'GET', url: `/api/usagers/${f.id}`, headers: ts.get });
    const reports = await purgeSecurityLog(t.db, t.clock.now());
    const audit = reports.find((r) => r.chain === 'audit_event');
    // Rows written with the real clock (login, direct inserts) are also more than a year older than the test clock.
    expect(audit?.purgedRows).toBeGreaterThanOrEqual(oldCount - 2);
    const kept = await t.db.selectFrom('audit_event').select(['action', 'at']).orderBy('seq').execute();
    expect(kept.every((r) => new Date(r.at) >= new Date(t.clock.now().getTime() - 365 * 86_400_000))).toBe(true);
    expect(kept.map((r) => r.action)).toContain('security_log.purge');
    const cps = await t.db.selectFrom('security_log_checkpoint').select(['chain', 'seq']).execute();
    expect(cps.map((c) => c.chain).sort()).toEqual(['access_log', 'audit_event']);
    const verified = await verifyAll(t.db);
    expect(verified.every((r) => r.ok && r.fromCheckpoint !== null)).toBe(true);
    // Deleting a kept row after the purge is still found, and checkpoints cannot be removed.
    const r = await tampered((trx) =>
      sql`delete from audit_event where seq = (select min(seq) from audit_event)`.execute(trx),
    );
    expect(r.ok).toBe(false);
    await expect(sql`delete from security_log_checkpoint`.execute(t.db)).rejects.toThrow(/ajout seul/);
  });
});
