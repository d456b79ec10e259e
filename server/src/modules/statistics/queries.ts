import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

/** Reads of the aggregate tables only (never the files): each answers in a few ms whatever the number of usagers. */
export type RowKey = 'none' | 'arrondissement' | 'site' | 'mois' | 'team';

export interface AggregateQuery {
  kind: 'population' | 'activity';
  /** Dimension (population) or indicator (activity) name in the aggregates. */
  name: string;
  /** Population: the snapshot month; activity: every month of the period. `YYYY-MM-01`. */
  fromMonth: string;
  toMonth: string;
  siteIds: string[] | null;
  teamIds: string[] | null;
  arrondissements: number[];
  rowKey: RowKey;
}

export interface AggregateRow {
  row: string;
  category: string;
  n: number;
}

const rowExpr = (key: RowKey) => {
  switch (key) {
    case 'arrondissement':
      return sql<string>`a.arrondissement::text`;
    case 'site':
      return sql<string>`a.site_id::text`;
    case 'mois':
      return sql<string>`to_char(a.month, 'YYYY-MM')`;
    case 'team':
      return sql<string>`coalesce(a.team_id::text, '')`;
    default:
      return sql<string>`'ensemble'`;
  }
};

export async function aggregateCounts(db: Db, q: AggregateQuery): Promise<AggregateRow[]> {
  const population = q.kind === 'population';
  const table = population ? sql`stat_population` : sql`stat_flow`;
  const nameCol = population ? sql`a.dimension` : sql`a.indicator`;
  const countCol = population ? sql`a.persons` : sql`a.count`;
  // A stock is read at the end of the period (one month); a flow over every month of it.
  const months = population
    ? sql`a.month = ${q.toMonth}::date`
    : sql`a.month >= ${q.fromMonth}::date and a.month <= ${q.toMonth}::date`;
  const where = [sql`${nameCol} = ${q.name}`, months];
  if (q.siteIds) where.push(sql`a.site_id = any(${q.siteIds}::uuid[])`);
  if (q.teamIds) where.push(sql`a.team_id = any(${q.teamIds}::uuid[])`);
  if (q.arrondissements.length) where.push(sql`a.arrondissement = any(${q.arrondissements}::int[])`);
  const r = await sql<AggregateRow>`
    select ${rowExpr(q.rowKey)} as row, a.category, sum(${countCol})::int as n
    from ${table} a
    where ${sql.join(where, sql` and `)}
    group by 1, 2`.execute(db);
  return r.rows.map((x) => ({ row: x.row, category: x.category, n: Number(x.n) }));
}

export interface WaitQuery {
  fromMonth: string;
  toMonth: string;
  siteIds: string[] | null;
  teamIds: string[] | null;
  arrondissements: number[];
}

/** Histogram of waiting days over the period. */
export async function waitHistogram(db: Db, q: WaitQuery): Promise<{ days: number; persons: number }[]> {
  const where = [sql`a.month >= ${q.fromMonth}::date and a.month <= ${q.toMonth}::date`];
  if (q.siteIds) where.push(sql`a.site_id = any(${q.siteIds}::uuid[])`);
  if (q.teamIds) where.push(sql`a.team_id = any(${q.teamIds}::uuid[])`);
  if (q.arrondissements.length) where.push(sql`a.arrondissement = any(${q.arrondissements}::int[])`);
  const r = await sql<{ days: number; persons: number }>`
    select a.days, sum(a.persons)::int as persons from stat_wait a where ${sql.join(where, sql` and `)} group by 1 order by 1`.execute(
    db,
  );
  return r.rows.map((x) => ({ days: Number(x.days), persons: Number(x.persons) }));
}

export async function refreshState(db: Db): Promise<{ refreshedAt: Date; firstMonth: string } | null> {
  const row = await db
    .selectFrom('stat_refresh')
    .select(['refreshed_at', 'first_month'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  const first = row.first_month as unknown;
  return {
    refreshedAt: new Date(row.refreshed_at),
    firstMonth: first instanceof Date ? first.toISOString().slice(0, 10) : String(first).slice(0, 10),
  };
}

/** Categories of the administered lists (motifs, partner kinds), with their labels. */
export async function dynamicCategories(db: Db, indicator: string): Promise<{ code: string; label: string }[]> {
  if (indicator === 'entreesParMotif') {
    const rows = await db.selectFrom('motif').select(['code', 'label']).orderBy('position').orderBy('label').execute();
    return rows.map((r) => ({ code: r.code, label: r.label }));
  }
  const rows = await db.selectFrom('partner').select('kind').distinct().orderBy('kind').execute();
  return [...rows.map((r) => ({ code: r.kind, label: r.kind })), { code: 'NR', label: 'Non renseigné' }];
}

export type FamilySource = 'population' | 'activity' | 'wait';

export interface FamilyRow {
  month: string;
  arr: number;
  site: string;
  team: string;
  category: string;
  n: number;
}

/** Every count of one indicator over the months of a family, by month, arrondissement, site, team and category. */
export async function familyRows(
  db: Db,
  q: {
    source: FamilySource;
    name: string;
    fromMonth: string;
    toMonth: string;
    siteIds: string[] | null;
    teamIds: string[] | null;
  },
): Promise<FamilyRow[]> {
  const table =
    q.source === 'population' ? sql`stat_population` : q.source === 'activity' ? sql`stat_flow` : sql`stat_wait`;
  const count = q.source === 'activity' ? sql`a.count` : sql`a.persons`;
  const category = q.source === 'wait' ? sql`'personnes'` : sql`a.category`;
  const where = [sql`a.month >= ${q.fromMonth}::date and a.month <= ${q.toMonth}::date`];
  if (q.source === 'population') where.push(sql`a.dimension = ${q.name}`);
  if (q.source === 'activity') where.push(sql`a.indicator = ${q.name}`);
  if (q.siteIds) where.push(sql`a.site_id = any(${q.siteIds}::uuid[])`);
  if (q.teamIds) where.push(sql`a.team_id = any(${q.teamIds}::uuid[])`);
  const r = await sql<FamilyRow>`
    select to_char(a.month, 'YYYY-MM') as month, a.arrondissement as arr, a.site_id::text as site,
      coalesce(a.team_id::text, '') as team, ${category} as category, sum(${count})::int as n
    from ${table} a where ${sql.join(where, sql` and `)}
    group by 1, 2, 3, 4, 5`.execute(db);
  return r.rows.map((x) => ({ ...x, arr: Number(x.arr), n: Number(x.n) }));
}

/** Sites of the scope (all when `siteIds` is null), by name. */
export const scopeSites = (db: Db, siteIds: readonly string[] | null) =>
  db
    .selectFrom('site')
    .select(['id', 'code', 'name', 'arrondissements'])
    .$if(siteIds !== null, (qb) => qb.where('id', 'in', [...siteIds!]))
    .orderBy('name')
    .execute();

export const findSite = (db: Db, siteId: string) =>
  db.selectFrom('site').select(['id', 'code', 'name']).where('id', '=', siteId).executeTakeFirst();

export const teamsByName = (db: Db, teamIds: readonly string[]) =>
  db
    .selectFrom('team')
    .select(['id', 'name'])
    .where('id', 'in', [...teamIds])
    .orderBy('name')
    .execute();

/** The last month of the population aggregate. */
export const lastPopulationMonth = (db: Db) =>
  db
    .selectFrom('stat_population')
    .select((eb) => eb.fn.max('month').as('m'))
    .executeTakeFirst();

/** Teams of the sites (all when null) with their number of active social workers. */
export const teamWorkerCounts = (db: Db, siteIds: string[] | null) =>
  db
    .selectFrom('team as t')
    .leftJoin('user_team as ut', 'ut.team_id', 't.id')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.id', '=', 'ut.user_id').on('u.active', '=', true).on('u.role', '=', 'travailleur_social'),
    )
    .select((eb) => ['t.id', 't.name', eb.fn.count<number>('u.id').as('workers')])
    .$if(siteIds !== null, (qb) =>
      qb.where('t.site_id', 'in', siteIds!.length ? siteIds! : ['00000000-0000-0000-0000-000000000000']),
    )
    .groupBy(['t.id', 't.name'])
    .execute();

/** A worker's own journal entries by type between two Paris dates (`to` excluded). */
export async function ownEntriesByType(db: Db, authorId: string, from: string, toExclusive: string) {
  const r = await sql<{ type: string; n: number }>`
    select type, count(*)::int as n from journal_entry
    where author_id = ${authorId} and deleted_at is null
      and occurred_at >= (${from}::timestamp at time zone 'Europe/Paris')
      and occurred_at < (${toExclusive}::timestamp at time zone 'Europe/Paris')
    group by type`.execute(db);
  return r.rows;
}
