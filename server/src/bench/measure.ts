import { randomUUID } from 'node:crypto';
import { CreateEntryInput, SearchQuery, type Actor, type Role } from '@jalon/core';
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import type { Db } from '../db/schema.js';
import { seeded, type Rng } from '../demo/random.js';
import { createEntry } from '../modules/journal/service.js';
import { getUsager } from '../modules/usagers/read.js';
import { searchUsagers } from '../modules/usagers/search.js';
import { typoQuery, type TypoQuery } from './typos.js';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles, in milliseconds. */
export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
  return {
    n: s.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
  };
}

/** A logged-in social worker of the dataset, with files they follow, files of their site and names to look for. */
export interface BenchActor {
  actor: Actor;
  email: string;
  siteId: string;
  ownFiles: string[];
  siteFiles: string[];
  queries: TypoQuery[];
}

/**
 * Social workers spread over the sites (one per site first), each with files they are référent of. The samples are
 * ordered by a hash, not random(): the same dataset gives the same queries, so before/after runs compare.
 */
export async function pickActors(db: Db, count: number, rng: Rng = seeded(7)): Promise<BenchActor[]> {
  const workers = (
    await sql<{ id: string; email: string; site_id: string; team_ids: string[] | null }>`
      select u.id, u.email, u.site_id, (select array_agg(ut.team_id) from user_team ut where ut.user_id = u.id) as team_ids
      from app_user u
      where u.role = 'travailleur_social' and u.active and u.site_id is not null
        and exists (select 1 from case_file_referent r join case_file cf on cf.id = r.case_file_id
                    where r.user_id = u.id and r.end_at is null and cf.status = 'actif')
      order by u.email`.execute(db)
  ).rows;
  for (let i = workers.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [workers[i], workers[j]] = [workers[j] as (typeof workers)[number], workers[i] as (typeof workers)[number]];
  }
  const chosen: typeof workers = [];
  const sites = new Set<string>();
  for (const w of workers) {
    if (chosen.length < count && !sites.has(w.site_id)) {
      sites.add(w.site_id);
      chosen.push(w);
    }
  }
  for (const w of workers) if (chosen.length < count && !chosen.includes(w)) chosen.push(w);

  const out: BenchActor[] = [];
  for (const w of chosen) {
    const own = await sql<{ id: string }>`
      select r.case_file_id as id from case_file_referent r join case_file cf on cf.id = r.case_file_id
      where r.user_id = ${w.id} and r.end_at is null and cf.status = 'actif' order by r.case_file_id limit 100`.execute(
      db,
    );
    const site = await sql<{ id: string }>`
      select id from case_file where site_id = ${w.site_id} and status = 'actif' order by md5(id::text) limit 100`.execute(
      db,
    );
    const people = await sql<{ surname: string; first_names: string; case_file_id: string }>`
      select coalesce(p.used_name, p.birth_name) as surname, p.first_names, s.case_file_id
      from usager_search s join person p on p.id = s.person_id
      where s.site_id = ${w.site_id} order by md5(s.person_id::text || s.name_n) limit 60`.execute(db);
    out.push({
      actor: { id: w.id, role: 'travailleur_social' as Role, siteId: w.site_id, teamIds: w.team_ids ?? [] },
      email: w.email,
      siteId: w.site_id,
      ownFiles: own.rows.map((r) => r.id),
      siteFiles: site.rows.map((r) => r.id),
      queries: people.rows.map((p) =>
        typoQuery(rng, { surname: p.surname, firstName: p.first_names, caseFileId: p.case_file_id }),
      ),
    });
  }
  return out;
}

const ctxOf = (db: Db, actor: Actor): Ctx => ({ db, actor, now: new Date(), requestId: randomUUID() });

/** Runs `fn` `count` times (after a warm-up), stopping early after `maxMs`; returns the durations in ms. */
export async function timed(
  count: number,
  maxMs: number,
  fn: (i: number) => Promise<void>,
  warmup = Math.min(20, count),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  const deadline = performance.now() + maxMs;
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export interface UseCaseResults {
  search: Stats & { recall: number; queries: string[] };
  baseline: Stats & { recall: number };
  open: Stats;
  write: Stats;
}

export interface UseCaseOptions {
  searches: number;
  baselineQueries: number;
  opens: number;
  writes: number;
  /** Upper bound per measure, in ms. */
  maxMs: number;
}

const NOTE = 'Appel pour confirmer le rendez-vous de la semaine prochaine.';

/** The typo query as an unindexed substring match on the person table: what comparable tools do. */
async function baselineSearch(db: Db, q: string): Promise<string[]> {
  const words = q
    .split(/\s+/)
    .filter((w) => w.length >= 2)
    .slice(0, 4);
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const conds = words.map(
    (w) => sql`(p.birth_name ilike ${like(w)} or p.used_name ilike ${like(w)} or p.first_names ilike ${like(w)})`,
  );
  const rows = await sql<{ case_file_id: string }>`
    select cf.id as case_file_id from person p
    join household_member m on m.person_id = p.id and m.end_date is null
    join case_file cf on cf.household_id = m.household_id
    where ${sql.join(conds, sql` and `)} limit 21`.execute(db);
  return rows.rows.map((r) => r.case_file_id);
}

/** Search, open and write through the real use-cases (the same code as the HTTP routes, without HTTP). */
export async function measureUseCases(db: Db, actors: BenchActor[], opts: UseCaseOptions): Promise<UseCaseResults> {
  const rng = seeded(11);
  const queries = actors.flatMap((a) => a.queries.map((q) => ({ a, q })));
  for (let i = queries.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [queries[i], queries[j]] = [queries[j] as (typeof queries)[number], queries[i] as (typeof queries)[number]];
  }
  const nth = <T>(xs: readonly T[], i: number) => xs[((i % xs.length) + xs.length) % xs.length] as T;

  let found = 0;
  const search = await timed(opts.searches, opts.maxMs, async (i) => {
    const { a, q } = nth(queries, i);
    const res = await searchUsagers(ctxOf(db, a.actor), SearchQuery.parse({ q: q.q }));
    if (i >= 0 && res.results.some((r) => r.id === q.caseFileId)) found += 1;
  });

  let baseFound = 0;
  const baseline = await timed(
    opts.baselineQueries,
    opts.maxMs,
    async (i) => {
      const { q } = nth(queries, i);
      const ids = await baselineSearch(db, q.q);
      if (i >= 0 && ids.includes(q.caseFileId)) baseFound += 1;
    },
    3,
  );

  const open = await timed(opts.opens, opts.maxMs, async (i) => {
    const a = nth(actors, i);
    const id = rng.next() < 0.7 ? nth(a.ownFiles, rng.int(0, 1_000)) : nth(a.siteFiles, rng.int(0, 1_000));
    await getUsager(ctxOf(db, a.actor), id);
  });

  const write = await timed(opts.writes, opts.maxMs, async (i) => {
    const a = nth(actors, i);
    const ctx = ctxOf(db, a.actor);
    const input = CreateEntryInput.parse({
      type: 'appel_sortant',
      occurredAt: ctx.now.toISOString(),
      durationMinutes: 10,
      motifs: ['logement'],
      note: NOTE,
      visibility: 'referents',
    });
    await createEntry(ctx, nth(a.ownFiles, rng.int(0, 1_000)), input);
  });

  return {
    search: {
      ...stats(search),
      recall: search.length ? found / search.length : Number.NaN,
      queries: queries.slice(0, 12).map((x) => x.q.q),
    },
    baseline: { ...stats(baseline), recall: baseline.length ? baseFound / baseline.length : Number.NaN },
    open: stats(open),
    write: stats(write),
  };
}
