import { PGlite, parse as pgliteParse, protocol, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type PostgresPool,
  type PostgresPoolClient,
  type QueryResult,
} from 'kysely';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDbOptions {
  /** PostgreSQL connection string; PGlite when absent. */
  databaseUrl?: string;
  /** PGlite data folder; in memory when absent. */
  dataDir?: string;
  /** PGlite: start from this dump of a data directory (`dumpDataDir`), e.g. the tests' migrated template. */
  loadDataDir?: Blob;
  /** PostgreSQL pool size (config `dbPoolMax`); 10 when absent. */
  poolMax?: number;
}

export interface OpenedDb {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** PGlite only: the data directory as a tar archive (the tests' migrated template, docs/testing.md). */
  dumpDataDir?: () => Promise<Blob>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * PGlite has one connection. This driver hands it to one user at a time (a transaction holds it until commit),
 * so concurrent requests queue instead of interleaving statements inside another request's transaction.
 */
class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  private readonly prepared: PreparedStatements;
  constructor(private readonly client: PGlite) {
    this.prepared = new PreparedStatements(client);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.release = release;
    return new PGliteConnection(this.client, this.prepared);
  }
  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = null;
    release?.();
  }
  async destroy(): Promise<void> {
    await this.client.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly client: PGlite,
    private readonly prepared: PreparedStatements,
  ) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const res = PREPARABLE.test(q.sql)
      ? await this.prepared.query<R>(q.sql, q.parameters)
      : await this.client.query<R>(q.sql, [...q.parameters]);
    return {
      rows: res.rows,
      numAffectedRows: res.affectedRows === undefined ? undefined : BigInt(res.affectedRows),
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported on PGlite');
  }
}

type BackendMessages = Awaited<ReturnType<PGlite['execProtocolStream']>>;
type PGliteResults<R> = Awaited<ReturnType<PGlite['query']>> & { rows: R[] };

/**
 * PGlite's own `query()` parses and plans every statement at every call (an unnamed statement): on the file's
 * queries planning cost more than running them (docs/benchmarks.md, "PGlite: prepared statements"). Like the
 * PostgreSQL pool below, each query text is prepared once as a named statement of the one PGlite session, then
 * bound and executed: PostgreSQL's plan cache reuses its plan. The messages are PGlite's public protocol helpers,
 * the same ones its `query()` sends, minus the Parse and the statement's Describe.
 */
class PreparedStatements {
  private readonly statements = new Map<string, { name: string; types: number[] }>();
  private next = 0;
  constructor(private readonly client: PGlite) {}

  query<R>(text: string, parameters: readonly unknown[]): Promise<PGliteResults<R>> {
    if (!this.statements.has(text) && this.statements.size >= MAX_PREPARED_PER_CONNECTION)
      return this.client.query<R>(text, [...parameters]) as Promise<PGliteResults<R>>;
    return this.client.runExclusive(() => this.run<R>(text, parameters, true));
  }

  private async run<R>(text: string, parameters: readonly unknown[], retry: boolean): Promise<PGliteResults<R>> {
    const c = this.client;
    const send = (m: Uint8Array) => c.execProtocolStream(m, { syncToFs: false });
    const { serialize } = protocol;
    const out: BackendMessages = [];
    try {
      let st = this.statements.get(text);
      if (!st) {
        const name = `j${(this.next++).toString(36)}`;
        await send(serialize.parse({ name, text }));
        const types = pgliteParse.parseDescribeStatementResults(await send(serialize.describe({ type: 'S', name })));
        st = { name, types };
        this.statements.set(text, st);
      }
      const types = st.types;
      const values = parameters.map((v, i) => {
        if (v === null || v === undefined) return null;
        const serializer = c.serializers[types[i] ?? 0];
        return serializer ? serializer(v) : String(v as string);
      });
      out.push(...(await send(serialize.bind({ statement: st.name, values }))));
      out.push(...(await send(serialize.describe({ type: 'P' }))));
      out.push(...(await send(serialize.execute({}))));
    } catch (err) {
      await send(serialize.sync());
      // A schema change made a kept statement's result type stale: forget it and prepare the text again, once.
      if (retry && (err as { code?: string }).code === '0A000') {
        await this.forget(text);
        return this.run<R>(text, parameters, false);
      }
      throw Object.assign(err as object, { query: text, params: parameters });
    }
    out.push(...(await send(serialize.sync())));
    await c.syncToFs();
    return pgliteParse.parseResults(out, c.parsers)[0] as PGliteResults<R>;
  }

  private async forget(text: string): Promise<void> {
    const st = this.statements.get(text);
    if (!st) return;
    this.statements.delete(text);
    await this.client.execProtocolStream(protocol.serialize.close({ type: 'S', name: st.name }), { syncToFs: false });
    await this.client.execProtocolStream(protocol.serialize.sync(), { syncToFs: false });
  }
}

const pgliteDialect = (client: PGlite): Dialect => ({
  createAdapter: () => new PostgresAdapter(),
  createDriver: () => new PGliteDriver(client),
  createIntrospector: (db) => new PostgresIntrospector(db),
  createQueryCompiler: () => new PostgresQueryCompiler(),
});

const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** Statements one connection keeps prepared; past that (a query built with a varying number of values), unnamed. */
const MAX_PREPARED_PER_CONNECTION = 2_000;
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * Every query as a named prepared statement (docs/benchmarks.md). With unnamed statements PostgreSQL planned every query at every
 * call: under the mixed load, planning took more time than running for the file's queries (reading a file: 0.56 ms
 * planning for 0.10 ms running; 16 search partitions: 0.9 ms). A connection now parses a query text once and reuses
 * its plan (PostgreSQL's plan cache: a generic plan when it costs no more than the custom ones).
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      let names = preparedOn.get(client);
      if (!names) preparedOn.set(client, (names = new Set()));
      const known = names;
      return {
        query: (text: string | pg.Submittable, values: unknown[]) => {
          if (typeof text !== 'string') return client.query(text); // a cursor (streamed query)
          if (!PREPARABLE.test(text)) return client.query(text, values);
          const name = `j${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
          if (!known.has(name)) {
            if (known.size >= MAX_PREPARED_PER_CONNECTION) return client.query(text, values);
            known.add(name);
          }
          return client.query({ name, text, values });
        },
        release: (err?: Error | boolean) => client.release(err),
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/** One `openDb` for both dialects (style rule 12); the rest of the code sees only `Kysely<DB>`. */
export async function openDb(opts: OpenDbOptions): Promise<OpenedDb> {
  if (opts.databaseUrl) {
    pg.types.setTypeParser(DATE_OID, (v: string) => v);
    pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 });
    // An idle connection the server ends (restart, admin command) must not crash the process: the pool drops it
    // and opens another on the next query.
    pool.on('error', (err) =>
      console.warn(
        `PostgreSQL: connexion inactive fermée par le serveur (${(err as { code?: string }).code ?? err.message})`,
      ),
    );
    // pool.end() resolves before its connections have closed: wait for each one's 'remove' so that a caller
    // dropping the database next (tests) finds no session left.
    let open = 0;
    let allClosed: (() => void) | null = null;
    pool.on('connect', () => void open++);
    pool.on('remove', () => {
      open--;
      if (open === 0) allClosed?.();
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    const close = async () => {
      const closed = open === 0 ? Promise.resolve() : new Promise<void>((resolve) => (allClosed = resolve));
      await db.destroy();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5000).unref())]);
    };
    return { db, kind: 'postgres', close };
  }
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm, unaccent },
    parsers: {
      [pgliteTypes.DATE]: (v: string) => v,
      [pgliteTypes.INT8]: (v: string) => Number(v),
    },
  });
  const db = new Kysely<DB>({ dialect: pgliteDialect(client) });
  return { db, kind: 'pglite', close: () => db.destroy(), dumpDataDir: () => client.dumpDataDir('none') };
}

/** Runs every pending migration; called at boot and by tests. */
export async function migrate(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Migrations written in parallel branches can reach a database in another order than their names sort; each one
    // stands alone (its own tables and columns), so a missing older one is applied rather than refused.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
  }
}
