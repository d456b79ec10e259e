import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app.js';
import { generateKeyring, installKeyring } from '../crypto/index.js';
import { migrate, openDb } from '../db/connect.js';
import type { Db } from '../db/schema.js';
import { buildSite, buildUser, createUsagerAs, loginAs } from '../test/factories.js';
import { loadBenchSettings } from '../config.js';

/**
 * Quick local bench of ADR 004: the cost of the hash chain on "add a journal entry" (one audit row per request),
 * with the chain trigger and without it (trigger dropped on a throwaway database), sequential and concurrent.
 * `node --import tsx server/src/bench/log-chain.ts` (PGlite in memory), or with BENCH_ADMIN_URL=postgres://…
 * (a fresh database per run). Prints figures; asserts nothing.
 */

const SETTINGS = loadBenchSettings();
const SEQUENTIAL = SETTINGS.sequential;
const CONCURRENT_TOTAL = SETTINGS.concurrentTotal;
const CONCURRENCY = SETTINGS.concurrency;

async function freshDatabase(): Promise<{ url?: string; drop: () => Promise<void> }> {
  const admin = SETTINGS.adminUrl;
  if (!admin) return { drop: async () => {} };
  const name = `jalon_chainbench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

async function withoutChain(db: Db): Promise<void> {
  for (const t of ['audit_event', 'access_log']) {
    await sql.raw(`drop trigger ${t}_chain on ${t}`).execute(db);
    await sql
      .raw(
        `alter table ${t} alter column seq drop not null, alter column prev_hash drop not null, alter column hash drop not null`,
      )
      .execute(db);
    await sql.raw(`drop index ${t}_seq_idx`).execute(db);
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function run(chain: boolean) {
  const fresh = await freshDatabase();
  const { db, kind, close } = await openDb({ databaseUrl: fresh.url });
  try {
    await migrate(db);
    if (!chain) await withoutChain(db);
    const app = await buildApp({ db, dbKind: kind, clock: () => new Date() });
    await app.ready();
    const site = await buildSite(db);
    const user = await buildUser(db, 'travailleur_social', site.id, [site.teamA]);
    const s = await loginAs(app, user);
    const files = await Promise.all(Array.from({ length: CONCURRENCY }, () => createUsagerAs(app, s)));
    const add = async (i: number) => {
      const t0 = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: `/api/usagers/${files[i % files.length]?.id}/journal`,
        headers: s.send,
        payload: {
          type: 'appel_entrant',
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          note: 'Appel pour un rendez-vous.',
        },
      });
      if (res.statusCode !== 201) throw new Error(`add-entry ${res.statusCode} ${res.body}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 30; i++) await add(i); // warm-up
    const lat: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) lat.push(await add(i));
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        while (next < CONCURRENT_TOTAL) {
          next += 1;
          await add(w);
        }
      }),
    );
    const rate = CONCURRENT_TOTAL / ((performance.now() - t0) / 1000);
    await app.close();
    // The trigger alone: 5,000 audit rows inserted one by one in a single statement.
    const t1 = performance.now();
    await sql`insert into audit_event (at, action, target_type) select now(), 'bench.row', 'bench' from generate_series(1, 5000)`.execute(
      db,
    );
    const perRowUs = ((performance.now() - t1) * 1000) / 5000;
    return { kind, chain, p50: pct(lat, 50), p95: pct(lat, 95), rate, perRowUs };
  } finally {
    await close();
    await fresh.drop();
  }
}

installKeyring(generateKeyring());
const results = [];
for (const chain of [false, true, false, true]) results.push(await run(chain));
for (const r of results) {
  console.log(
    `${r.kind} ${r.chain ? 'chaîne ' : 'sans    '} séquentiel p50 ${r.p50.toFixed(2)} ms p95 ${r.p95.toFixed(2)} ms ; ${CONCURRENCY} en parallèle ${r.rate.toFixed(0)} ajouts/s ; insertion d’une ligne d’audit ${r.perRowUs.toFixed(0)} µs`,
  );
}
process.exit(0);
