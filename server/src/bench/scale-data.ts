import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEFAULT_MOTIFS, DEFAULT_PLACE, type EntryType } from '@jalon/core';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '../auth/passwords.js';
import { migrate, openDb, type DatabaseKind } from '../db/connect.js';
import type { DB, Db } from '../db/schema.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { generateHousehold } from '../demo/households.js';
import { DEMO_PARTNERS } from '../demo/journal-seed.js';
import { FEMALE_FIRST, MALE_FIRST, SURNAMES } from '../demo/names.js';
import { seeded, type Rng } from '../demo/random.js';
import { refreshSearch } from '../modules/usagers/queries.js';
import { SeedLogChain } from './scale-chain.js';

/**
 * The scale dataset (issue 7): a synthetic Paris — 60 sites, 180 teams, 1,700 users, N case files with their
 * households, ~10 journal entries per file, the search rows. Names are random combinations of the frequency lists
 * of demo/names.ts (plus invented long-tail surnames built from their syllables): they describe no real person.
 *
 * Loading: plain secondary indexes of the loaded tables are dropped, rows go in by COPY (PostgreSQL) or by
 * `json_populate_recordset` inserts of a few thousand rows (PGlite), then the search rows are built in SQL
 * (`refreshSearch(db, 'all')`), the indexes recreated with their exact definitions, and everything analysed.
 */

export const SCALE_DOMAIN = 'scale.jalon.local';
export const SCALE_SITES = 60;
export const SCALE_TEAMS_PER_SITE = 3;
export const SCALE_USERS = 1_700;

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
  if (Array.isArray(v)) return escapeCopy(`{${v.map((x) => `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  return escapeCopy(String(v));
}
const escapeCopy = (s: string) => (/[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s);

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
    await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(batch)}::json)`.execute(db);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Identifiers: time-ordered (version 7 layout) so that primary-key btrees are appended to, not split at random.

function idFactory(seed: number) {
  let n = 0;
  const tail = (seed >>> 0).toString(16).padStart(8, '0').slice(-8);
  return () => {
    n += 1;
    const h = n.toString(16).padStart(12, '0');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-7000-8000-5ca1${tail}`;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Organisation: sites, teams, users

/** EPS sites per arrondissement (the populous north-east has several), plus the PSAs: 60 sites. */
const EPS_PER_ARRONDISSEMENT: Record<number, number> = {
  1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 3, 11: 4, 12: 3, 13: 5, 14: 3, 15: 4, 16: 1, 17: 4, 18: 7, 19: 7, 20: 6,
};
const PSAS = [
  { code: 'psa-belleville', name: 'PSA Belleville', arrondissements: [19, 20] },
  { code: 'psa-bastille', name: 'PSA Bastille', arrondissements: [11, 12] },
  { code: 'psa-chemin-vert', name: 'PSA Chemin-Vert', arrondissements: [11] },
  { code: 'psa-championnet', name: 'PSA Championnet', arrondissements: [17, 18] },
];

interface ScaleSite {
  id: string;
  code: string;
  name: string;
  kind: 'EPS' | 'PSA';
  arrondissements: number[];
  weight: number;
  teams: string[];
  workers: { id: string; team: string }[];
  secretaries: string[];
}

function buildOrganisation(rng: Rng, newId: () => string) {
  const sites: ScaleSite[] = [];
  const ordinal = (n: number) => (n === 1 ? '1er' : `${n}e`);
  for (let arr = 1; arr <= 20; arr++) {
    const count = EPS_PER_ARRONDISSEMENT[arr] ?? 1;
    for (let k = 1; k <= count; k++) {
      sites.push({
        id: newId(),
        code: count > 1 ? `eps${arr}-${k}` : `eps${arr}`,
        name: count > 1 ? `EPS Paris ${ordinal(arr)} — site ${k}` : `EPS Paris ${ordinal(arr)}`,
        kind: 'EPS',
        arrondissements: [arr],
        weight: 0.6 + rng.next(),
        teams: [],
        workers: [],
        secretaries: [],
      });
    }
  }
  for (const p of PSAS) sites.push({ id: newId(), ...p, kind: 'PSA', weight: 0.3 + rng.next() * 0.5, teams: [], workers: [], secretaries: [] });
  if (sites.length !== SCALE_SITES) throw new Error(`expected ${SCALE_SITES} sites, got ${sites.length}`);

  const teamRows: unknown[][] = [];
  for (const s of sites) {
    for (const t of ['Équipe A', 'Équipe B', 'Équipe C'].slice(0, SCALE_TEAMS_PER_SITE)) {
      const id = newId();
      s.teams.push(id);
      teamRows.push([id, s.id, t]);
    }
  }

  const users: { id: string; email: string; display_name: string; role: string; site_id: string | null; team: string | null }[] = [];
  const personName = () => `${rng.pick(rng.next() < 0.5 ? FEMALE_FIRST : MALE_FIRST)} ${rng.pick(SURNAMES)}`;
  const perSite = SCALE_USERS - 2;
  sites.forEach((s, i) => {
    const count = Math.floor(perSite / sites.length) + (i < perSite % sites.length ? 1 : 0);
    users.push({ id: newId(), email: `responsable.${s.code}@${SCALE_DOMAIN}`, display_name: personName(), role: 'responsable', site_id: s.id, team: null });
    for (let k = 1; k <= 3; k++) {
      const id = newId();
      s.secretaries.push(id);
      users.push({ id, email: `secretaire${k}.${s.code}@${SCALE_DOMAIN}`, display_name: personName(), role: 'secretaire', site_id: s.id, team: null });
    }
    for (let k = 1; k <= count - 4; k++) {
      const id = newId();
      const team = s.teams[(k - 1) % s.teams.length] ?? null;
      if (team) s.workers.push({ id, team });
      users.push({ id, email: `ts${k}.${s.code}@${SCALE_DOMAIN}`, display_name: personName(), role: 'travailleur_social', site_id: s.id, team });
    }
  });
  users.push({ id: newId(), email: `admin@${SCALE_DOMAIN}`, display_name: personName(), role: 'admin_fonctionnel', site_id: null, team: null });
  users.push({ id: newId(), email: `dpo@${SCALE_DOMAIN}`, display_name: personName(), role: 'dpo', site_id: null, team: null });
  return { sites, teamRows, users };
}

// ---------------------------------------------------------------------------------------------------------------
// Names: the frequent surnames of names.ts for about 40 % of households, invented long-tail surnames for the rest
// (heads and tails of the frequent names recombined: "Dubnard", "Lefaure"…), as in a real population where the
// top hundred names cover only a small share.

function longTailSurnames(): string[] {
  const heads = new Set<string>();
  const tails = new Set<string>();
  for (const s of SURNAMES) {
    if (s.includes(' ') || s.includes('-') || s.includes('’')) continue;
    if (s.length >= 5) {
      heads.add(s.slice(0, 3));
      tails.add(s.slice(-3).toLowerCase());
    }
  }
  const out: string[] = [];
  for (const h of heads) for (const t of tails) if (!SURNAMES.includes(`${h}${t}` as never)) out.push(`${h}${t}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Journal

const ENTRY_TYPES: readonly (readonly [EntryType, number])[] = [
  ['entretien_bureau', 28],
  ['appel_entrant', 14],
  ['appel_sortant', 14],
  ['entretien_telephonique', 5],
  ['visite_domicile', 6],
  ['rendez_vous', 15],
  ['orientation', 5],
  ['demarche', 8],
  ['accueil', 5],
];
const NOTES = [
  'Point sur les démarches en cours ; dossier de demande déposé, en attente de réponse.',
  'Madame souhaite être accompagnée pour sa demande de logement social. Pièces à fournir listées ensemble.',
  'Monsieur a apporté ses justificatifs de ressources. Prochain rendez-vous fixé.',
  'Échange sur le budget mensuel ; un plan d’apurement de la dette de loyer est envisagé.',
  'Appel pour confirmer le rendez-vous de la semaine prochaine.',
  'Orientation proposée et acceptée ; coordonnées transmises.',
  'Visite au domicile : logement visité avec l’accord de la famille, besoins en mobilier notés.',
  'Dossier de renouvellement de la complémentaire santé solidaire complété ensemble.',
  'Demande d’aide financière pour la cantine préparée ; à présenter en commission.',
  'Relance de la CAF effectuée pour le rappel de prestations.',
];

// ---------------------------------------------------------------------------------------------------------------
// Tables and the columns written

const COLS = {
  site: ['id', 'code', 'name', 'kind', 'arrondissements'],
  team: ['id', 'site_id', 'name'],
  app_user: ['id', 'email', 'display_name', 'role', 'site_id', 'password_hash'],
  user_team: ['user_id', 'team_id'],
  person: [
    'id', 'birth_name', 'used_name', 'first_names', 'sex', 'birth_date', 'birth_place', 'nationality', 'marital_status', 'phone', 'email',
    'caf_number', 'france_travail_id', 'employment_status', 'caf_activity', 'education_level', 'created_at', 'updated_at',
  ],
  household: [
    'id', 'address_line', 'postal_code', 'city', 'domiciliation', 'domiciliation_organism', 'housing_status', 'housing_nature', 'family_type',
    'created_at', 'updated_at',
  ],
  household_member: ['id', 'household_id', 'person_id', 'relationship', 'start_date', 'start_reason'],
  case_file: [
    'id', 'file_number', 'household_id', 'principal_person_id', 'site_id', 'team_id', 'status', 'closing_reason', 'opened_at', 'closed_at',
    'last_contact_at', 'created_by', 'updated_at',
  ],
  case_file_referent: ['id', 'case_file_id', 'user_id', 'kind', 'start_at'],
  journal_entry: [
    'id', 'case_file_id', 'type', 'occurred_at', 'duration_minutes', 'place', 'motifs', 'note', 'visibility', 'author_id',
    'appointment_worker_id', 'appointment_status', 'partner_id', 'orientation_reason', 'created_at', 'updated_at',
  ],
  journal_entry_worker: ['entry_id', 'user_id'],
  access_log: ['at', 'actor_id', 'actor_role', 'actor_site_id', 'case_file_id', 'part', 'seq', 'prev_hash', 'hash'],
  audit_event: ['at', 'actor_id', 'actor_role', 'action', 'case_file_id', 'target_type', 'target_id', 'seq', 'prev_hash', 'hash'],
} as const;
type Table = keyof typeof COLS;

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
  if (!(await isEmpty(db))) throw new Error('La base contient déjà des données : le jeu de données à l’échelle se charge dans une base vide.');

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
  await write(t, 'site', org.sites.map((s) => [s.id, s.code, s.name, s.kind, s.arrondissements]), counts);
  await write(t, 'team', org.teamRows, counts);
  await write(t, 'app_user', org.users.map((u) => [u.id, u.email, u.display_name, u.role, u.site_id, passwordHash]), counts);
  await write(t, 'user_team', org.users.filter((u) => u.team).map((u) => [u.id, u.team]), counts);
  const partners = await db.insertInto('partner').values(DEMO_PARTNERS.map((p) => ({ ...p }))).returning('id').execute();
  log(`Organisation : ${org.sites.length} sites, ${org.teamRows.length} équipes, ${org.users.length} utilisateurs (mot de passe ${DEMO_PASSWORD})`);

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

  let lastLog = 0;
  let pending: Promise<void> = Promise.resolve();
  for (let done = 0; done < opts.usagers; ) {
    const n = Math.min(chunk, opts.usagers - done);
    const rows: Record<Table, unknown[][]> = Object.fromEntries(Object.keys(COLS).map((k) => [k, []])) as unknown as Record<Table, unknown[][]>;
    for (let i = 0; i < n; i++) {
      const site = pickSite();
      const g = generateHousehold(rng, now, rng.pick(site.arrondissements));
      // Time-ordered ids, the invented long-tail surnames, used names of married partners.
      const ids = new Map<string, string>();
      const rename = new Map<string, string>();
      for (const p of g.persons) {
        ids.set(p.id, newId());
        if (!rename.has(p.birth_name)) rename.set(p.birth_name, rng.next() < 0.6 ? rng.pick(tail) : p.birth_name);
      }
      const compound = rng.next() < 0.03 ? `${rng.pick(SURNAMES)}-${rng.pick(tail)}` : null;
      const householdId = newId();
      const principalId = ids.get(g.principalId) ?? '';
      const created = new Date(Math.min(nowMs, Date.parse(g.members[0]?.start_date ?? '') || nowMs));
      const personRows: unknown[][] = [];
      for (const p of g.persons) {
        const id = ids.get(p.id) ?? '';
        const birthName = id === principalId && compound ? compound : (rename.get(p.birth_name) ?? p.birth_name);
        personRows.push([
          id, birthName, null, p.first_names, p.sex, p.birth_date, p.birth_place, p.nationality, p.marital_status, p.phone, null,
          p.caf_number, null, p.employment_status, p.caf_activity, p.education_level, created, created,
        ]);
      }
      // A married principal sometimes uses the partner's name: a second search row for that person.
      const partner = g.members.find((m) => m.relationship === '2');
      const principalRow = personRows.find((r) => r[0] === principalId);
      if (partner && principalRow && principalRow[8] === 'MAR' && principalRow[4] === 'F' && rng.next() < 0.5) {
        const partnerRow = personRows.find((r) => r[0] === ids.get(partner.person_id));
        if (partnerRow && partnerRow[1] !== principalRow[1]) principalRow[2] = partnerRow[1];
      }
      rows.person.push(...personRows);
      const h = g.household;
      rows.household.push([
        householdId, h.address_line, h.postal_code, h.city, h.domiciliation, h.domiciliation_organism, h.housing_status, h.housing_nature,
        h.family_type, created, created,
      ]);
      for (const m of g.members) rows.household_member.push([newId(), householdId, ids.get(m.person_id), m.relationship, m.start_date, m.start_reason]);

      const worker = rng.pick(site.workers);
      const teamWorkers = site.workers.filter((w) => w.team === worker.team && w.id !== worker.id);
      const coReferent = teamWorkers.length && rng.next() < 0.08 ? rng.pick(teamWorkers).id : null;
      const closed = rng.next() < 0.1;
      const closedAt = closed ? rng.date(created, now) : null;
      const end = closedAt ?? now;
      const year = yy(created);
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);
      const fileId = newId();

      // ~10 journal entries over the life of the file; the last contact follows the latest one held.
      let lastContact: Date | null = null;
      for (let e = 0, count = rng.int(4, 16); e < count; e++) {
        const type = rng.weighted(ENTRY_TYPES);
        const future = type === 'rendez_vous' && !closed && rng.next() < 0.2;
        const at = future ? new Date(nowMs + rng.int(1, 14) * 86_400_000 + rng.int(9, 16) * 3_600_000) : rng.date(created, end);
        at.setUTCMinutes(rng.pick([0, 15, 30, 45]), 0, 0);
        const status = type === 'rendez_vous' ? (future ? 'prevu' : rng.weighted([['honore', 75], ['non_venu', 12], ['excuse', 8], ['annule', 5]] as const)) : null;
        const author =
          type === 'accueil' ? rng.pick(site.secretaries) : coReferent && rng.next() < 0.3 ? coReferent : teamWorkers.length && rng.next() < 0.08 ? rng.pick(teamWorkers).id : worker.id;
        const entryId = newId();
        const written = at.getTime() < nowMs ? at : now;
        rows.journal_entry.push([
          entryId, fileId, type, at, type.startsWith('appel') ? rng.int(5, 20) : rng.pick([30, 45, 60]),
          DEFAULT_PLACE[type] ?? (type === 'rendez_vous' ? 'bureau' : null), [rng.pick(DEFAULT_MOTIFS).code],
          type === 'accueil' || rng.next() < 0.35 ? null : rng.pick(NOTES),
          rng.weighted([['referents', 70], ['equipe', 20], ['privee', 10]] as const), author,
          type === 'rendez_vous' ? worker.id : null, status,
          type === 'orientation' ? (rng.pick(partners)?.id ?? null) : null,
          type === 'orientation' ? 'Accompagnement spécialisé proposé' : null, written, written,
        ]);
        rows.journal_entry_worker.push([entryId, author]);
        if (type === 'rendez_vous' && author !== worker.id) rows.journal_entry_worker.push([entryId, worker.id]);
        if (at.getTime() <= nowMs && (type !== 'rendez_vous' || status === 'honore') && (!lastContact || at > lastContact)) lastContact = at;
      }
      rows.case_file.push([
        fileId, `${year}-${String(seq).padStart(6, '0')}`, householdId, principalId, site.id, worker.team, closed ? 'clos' : 'actif',
        closed ? 'Fin d’accompagnement' : null, created, closedAt, lastContact, worker.id, lastContact ?? created,
      ]);
      rows.case_file_referent.push([newId(), fileId, worker.id, 'referent', created]);
      if (coReferent) rows.case_file_referent.push([newId(), fileId, coReferent, 'co_referent', created]);
      const audit = [worker.id, 'travailleur_social', 'usager.create', fileId, 'case_file', fileId];
      rows.audit_event.push([created, ...audit, ...auditChain.next(created, [...audit, null, null])]);
      // Reads of the file by its référent and colleagues of the site (the consultations log).
      for (let r = 0, reads = rng.int(1, 5); r < reads; r++) {
        const reader = rng.next() < 0.7 ? worker.id : rng.pick(site.workers).id;
        const at = rng.date(created, end);
        const read = [reader, 'travailleur_social', site.id, fileId, reader === worker.id ? 'full' : 'general'];
        rows.access_log.push([at, ...read, ...accessChain.next(at, read)]);
      }
    }
    // The previous round is written while this one was generated; wait for it before sending the next.
    await pending;
    pending = writeRound(t, rows, counts);
    done += n;
    if (elapsed() - lastLog >= 5 || done === opts.usagers) {
      lastLog = elapsed();
      const rate = Math.round(done / elapsed());
      log(`  usagers ${done.toLocaleString('fr-FR')}/${opts.usagers.toLocaleString('fr-FR')} (${Math.round((100 * done) / opts.usagers)} %) — ${elapsed().toFixed(0)} s, ${rate.toLocaleString('fr-FR')} dossiers/s`);
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
