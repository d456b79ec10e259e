import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '../auth/passwords.js';
import { migrate, openDb, type DatabaseKind } from '../db/connect.js';
import type { DB, Db } from '../db/schema.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { DEMO_PARTNERS } from '../demo/journal-seed.js';
import { seeded } from '../demo/random.js';
import { refreshSearch } from '../modules/usagers/queries.js';
import { SeedLogChain } from './scale-chain.js';
import {
  buildOrganisation,
  COLS,
  generateRound,
  idFactory,
  longTailSurnames,
  type RoundContext,
  type ScaleSite,
  type Table,
} from './scale-generate.js';

/** Loading of the scale dataset (scale-data.ts): the database sessions, COPY or batched inserts, the index rebuild. */

/** Where rows go: the Kysely handle for SQL, and a COPY function when the database is a PostgreSQL server. */
export interface LoadTarget {
  db: Db;
  kind: DatabaseKind;
  /** COPY on one of two sessions (`lane`), so that the server parses two streams on two cores. */
  copy?: (table: string, columns: readonly string[], rows: readonly unknown[][], lane: 0 | 1) => Promise<void>;
  /** Both COPY sessions may run at once (foreign-key triggers are off on them). */
  parallel?: boolean;
  close: () => Promise<void>;
}

export interface SeedScaleOptions {
  usagers: number;
  now?: Date;
  seed?: number;
  /** Files generated and written per round (memory stays bounded). */
  chunk?: number;
  log?: (line: string) => void;
}

export interface SeedScaleSummary {
  seconds: number;
  rows: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------------------------
// Opening a database for loading

/**
 * PostgreSQL: one dedicated session, used both by Kysely (migrations, SQL) and by COPY, with the settings of a bulk
 * load (no synchronous commit, foreign-key triggers off when the role may do so, a large maintenance_work_mem).
 * PGlite: the usual `openDb` (its single connection).
 */
export async function openLoadTarget(opts: { databaseUrl?: string; dataDir?: string }): Promise<LoadTarget> {
  if (!opts.databaseUrl) {
    const { db, kind, close } = await openDb({ dataDir: opts.dataDir });
    return { db, kind, close };
  }
  const session = async () => {
    const c = new pg.Client({ connectionString: opts.databaseUrl });
    await c.connect();
    await c.query(`set synchronous_commit = off; set maintenance_work_mem = '1GB'`);
    return c;
  };
  const client = await session();
  // The COPY sessions skip foreign-key triggers when the role may (every reference is generated valid).
  const lanes = [await session(), await session()] as const;
  let replica = true;
  for (const c of lanes) await c.query('set session_replication_role = replica').catch(() => void (replica = false));
  let busy = Promise.resolve();
  const pool: PostgresPool = {
    // One session for everything: Kysely waits for the previous user to release it.
    connect: async () => {
      const previous = busy;
      let release!: () => void;
      busy = new Promise<void>((r) => (release = r));
      await previous;
      return { query: client.query.bind(client), release: () => release() } as unknown as PostgresPoolClient;
    },
    end: async () => {},
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const copy = async (table: string, columns: readonly string[], rows: readonly unknown[][], lane: 0 | 1) => {
    if (!rows.length) return;
    const stream = lanes[lane].query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    await pipeline(Readable.from(copyChunks(rows)), stream);
  };
  return {
    db,
    kind: 'postgres',
    copy,
    parallel: replica,
    close: async () => {
      await db.destroy();
      for (const c of [client, ...lanes]) await c.end();
    },
  };
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes, arrays as `{…}` literals. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v))
    return escapeCopy(`{${v.map((x) => `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  return escapeCopy(String(v));
}
const escapeCopy = (s: string) =>
  /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;

function* copyChunks(rows: readonly unknown[][]): Generator<string> {
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(r.map(copyValue).join('\t'));
    if (lines.length === 2_000) {
      yield `${lines.join('\n')}\n`;
      lines.length = 0;
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}

/** Multi-row insert with one JSON parameter (no 65,535-parameter limit, one parse per batch). */
async function insertJson(db: Db, table: string, columns: readonly string[], rows: readonly unknown[][]) {
  const cols = sql.raw(columns.join(', '));
  for (let i = 0; i < rows.length; i += 5_000) {
    const batch = rows.slice(i, i + 5_000).map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j] ?? null])));
    await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(batch)}::json)`.execute(
      db,
    );
  }
}

/** Loaded tables whose plain indexes are dropped during the load and rebuilt after. */
const LOADED: readonly string[] = [...Object.keys(COLS), 'usager_search'];

/** The journal (the widest, most numerous rows) on one session, everything else on the other. */
const LANE: Partial<Record<Table, 0 | 1>> = { journal_entry: 1 };

async function write(t: LoadTarget, table: Table, rows: unknown[][], counts: Record<string, number>) {
  if (!rows.length) return;
  counts[table] = (counts[table] ?? 0) + rows.length;
  if (t.copy) await t.copy(table, COLS[table], rows, LANE[table] ?? 0);
  else await insertJson(t.db, table, COLS[table], rows);
}

/** Writes one round: both COPY sessions at once on PostgreSQL, one table after the other on PGlite. */
async function writeRound(t: LoadTarget, rows: Record<Table, unknown[][]>, counts: Record<string, number>) {
  const tables = (Object.keys(COLS) as Table[]).filter((x) => !['site', 'team', 'app_user', 'user_team'].includes(x));
  if (!t.copy || !t.parallel) {
    for (const table of tables) await write(t, table, rows[table], counts);
    return;
  }
  const lane = async (l: 0 | 1) => {
    for (const table of tables) if ((LANE[table] ?? 0) === l) await write(t, table, rows[table], counts);
  };
  await Promise.all([lane(0), lane(1)]);
}

// ---------------------------------------------------------------------------------------------------------------

/** Refuses a database that already holds files; the scale seed is for an empty, migrated database. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('case_file').select('id').limit(1).executeTakeFirst();
  const user = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return !row && !user;
}

export async function seedScale(t: LoadTarget, opts: SeedScaleOptions): Promise<SeedScaleSummary> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const elapsed = () => (performance.now() - started) / 1000;
  const now = opts.now ?? new Date();
  const seed = opts.seed ?? 2026;
  const rng = seeded(seed);
  const newId = idFactory(seed);
  const chunk = opts.chunk ?? (t.copy ? 10_000 : 5_000);
  const counts: Record<string, number> = {};
  const { db } = t;

  await migrate(db);
  if (!(await isEmpty(db)))
    throw new Error('La base contient déjà des données : le jeu de données à l’échelle se charge dans une base vide.');

  // The security log is chained here, row by row, as the trigger would (scale-chain.ts).
  const auditChain = new SeedLogChain('audit_event');
  const accessChain = new SeedLogChain('access_log');
  // Foreign-key triggers off for the load where the role allows it (the generator keeps every reference valid).
  let replica = false;
  try {
    await sql`set session_replication_role = replica`.execute(db);
    replica = true;
  } catch {
    log('  (clés étrangères vérifiées ligne à ligne : rôle non superutilisateur)');
  }

  // Plain secondary indexes of the loaded tables: dropped now, recreated with the same definition after the load.
  const indexes = (
    await sql<{ indexname: string; indexdef: string }>`
      select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = 'public' and i.tablename in (${sql.join(LOADED)})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db)
  ).rows;
  for (const ix of indexes) await sql`drop index ${sql.id(ix.indexname)}`.execute(db);
  log(`Index secondaires retirés pendant le chargement : ${indexes.length}`);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const org = buildOrganisation(rng, newId);
  await write(
    t,
    'site',
    org.sites.map((s) => [s.id, s.code, s.name, s.kind, s.arrondissements]),
    counts,
  );
  await write(t, 'team', org.teamRows, counts);
  await write(
    t,
    'app_user',
    org.users.map((u) => [u.id, u.email, u.display_name, u.role, u.site_id, passwordHash]),
    counts,
  );
  await write(
    t,
    'user_team',
    org.users.filter((u) => u.team).map((u) => [u.id, u.team]),
    counts,
  );
  const partners = await db
    .insertInto('partner')
    .values(DEMO_PARTNERS.map((p) => ({ ...p })))
    .returning('id')
    .execute();
  log(
    `Organisation : ${org.sites.length} sites, ${org.teamRows.length} équipes, ${org.users.length} utilisateurs (mot de passe ${DEMO_PASSWORD})`,
  );

  const totalWeight = org.sites.reduce((s, x) => s + x.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const s of org.sites) cumulative.push((acc += s.weight / totalWeight));
  const pickSite = () => {
    const r = rng.next();
    const i = cumulative.findIndex((c) => r <= c);
    return org.sites[i < 0 ? org.sites.length - 1 : i] as ScaleSite;
  };
  const tail = longTailSurnames();
  const perYear = new Map<string, number>();
  const yy = (d: Date) => String(d.getUTCFullYear()).slice(2);
  const nowMs = now.getTime();
  const round: RoundContext = {
    rng,
    newId,
    now,
    nowMs,
    pickSite,
    tail,
    perYear,
    yy,
    partners,
    auditChain,
    accessChain,
  };

  let lastLog = 0;
  let pending: Promise<void> = Promise.resolve();
  for (let done = 0; done < opts.usagers;) {
    const n = Math.min(chunk, opts.usagers - done);
    const rows = generateRound(round, n);
    // The previous round is written while this one was generated; wait for it before sending the next.
    await pending;
    pending = writeRound(t, rows, counts);
    done += n;
    if (elapsed() - lastLog >= 5 || done === opts.usagers) {
      lastLog = elapsed();
      const rate = Math.round(done / elapsed());
      log(
        `  usagers ${done.toLocaleString('fr-FR')}/${opts.usagers.toLocaleString('fr-FR')} (${Math.round((100 * done) / opts.usagers)} %) — ${elapsed().toFixed(0)} s, ${rate.toLocaleString('fr-FR')} dossiers/s`,
      );
    }
  }
  await pending;
  await sql`select setval('case_file_number_seq', ${Math.max(perYear.get(yy(now)) ?? 0, 1)})`.execute(db);

  let step = performance.now();
  const lap = () => {
    const s = (performance.now() - step) / 1000;
    step = performance.now();
    return `${s.toFixed(1)} s`;
  };
  await refreshSearch(db, 'all');
  const searchRows = await sql<{ n: number }>`select count(*)::int as n from usager_search`.execute(db);
  counts.usager_search = searchRows.rows[0]?.n ?? 0;
  log(`Lignes de recherche (refreshSearch 'all') : ${counts.usager_search.toLocaleString('fr-FR')} — ${lap()}`);
  if (replica) await sql`set session_replication_role = origin`.execute(db);
  for (const ix of indexes) {
    // A partitioned table's index is listed `ON ONLY` the parent: recreated on the whole table, partitions included.
    await sql.raw(ix.indexdef.replace(' ON ONLY ', ' ON ')).execute(db);
    log(`  index ${ix.indexname} — ${lap()}`);
  }
  await sql`insert into audit_event (at, action, target_type) values (${now}, 'scale.seed', 'database')`.execute(db);
  await sql`vacuum analyze`.execute(db);
  log(`VACUUM ANALYZE — ${lap()}`);
  const seconds = elapsed();
  log(`Terminé en ${seconds.toFixed(0)} s.`);
  return { seconds, rows: counts };
}
