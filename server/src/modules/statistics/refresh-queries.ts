import { shiftMonth } from '@jalon/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The SQL of the statistics refresh (refresh.ts; docs/architecture.md: SQL lives in queries files). */
export const POPULATION_MONTHS = 25;
export const FLOW_MONTHS = 36;
const INTERVIEW_TYPES = ['entretien_bureau', 'visite_domicile', 'entretien_telephonique', 'entretien_visio'];

/** Arrondissement of a Paris postal code (75001–75020, 75116 → 16); 0 outside Paris or unknown. */
export const arrondissementOf = (postalCode: RawBuilder<unknown>): RawBuilder<number> => sql<number>`(case
  when ${postalCode} ~ '^750(0[1-9]|1[0-9]|20)$' then substr(${postalCode}, 4, 2)::int
  when ${postalCode} = '75116' then 16
  else 0 end)`;

const parisMonth = (ts: RawBuilder<unknown>) =>
  sql<string>`date_trunc('month', ${ts} at time zone 'Europe/Paris')::date`;
const monthEnd = (month: RawBuilder<unknown>) =>
  sql`((${month} + interval '1 month')::timestamp at time zone 'Europe/Paris')`;
const monthStart = (month: RawBuilder<unknown>) => sql`(${month}::timestamp at time zone 'Europe/Paris')`;

/** `ts` falls in one of `months` (Paris time): one range condition an index can use, then the exact months. */
const inMonthList = (ts: RawBuilder<unknown>, months: string[]) =>
  sql`(${ts} >= ${monthStart(sql`${months[0]}::date`)} and ${ts} < ${monthEnd(sql`${months[months.length - 1]}::date`)}
    and ${parisMonth(ts)} = any(${months}::date[]))`;

/** The first day (`YYYY-MM-01`) of the month `n` months after the month of the date `month`. */
export const addMonths = (month: string, n: number): string => `${shiftMonth(month, n)}-01`;
export const dateText = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

/** The month (first day, Paris time) of an instant. */
export async function parisMonthOf(trx: Kysely<DB>, at: Date | string): Promise<string> {
  const r = await sql<{ m: unknown }>`select ${parisMonth(sql`${at}::timestamptz`)} as m`.execute(trx);
  return dateText(r.rows[0]!.m);
}

/** The refresh state row, locked for the transaction: one refresh at a time (the job and the command may overlap). */
export const lockRefreshState = (trx: Kysely<DB>) =>
  trx.selectFrom('stat_refresh').selectAll().where('id', '=', 1).forUpdate().executeTakeFirst();

/** Empties every aggregate (a first refresh or a rebuild). */
export async function clearAggregates(trx: Kysely<DB>): Promise<void> {
  await trx.deleteFrom('stat_population').execute();
  await trx.deleteFrom('stat_flow').execute();
  await trx.deleteFrom('stat_wait').execute();
  await trx.deleteFrom('stat_dirty_month').execute();
}

/** The months the triggers marked dirty since the last refresh, unmarked. */
export async function takeDirtyMonths(trx: Kysely<DB>): Promise<string[]> {
  return (await trx.deleteFrom('stat_dirty_month').returning('month').execute()).map((d) => dateText(d.month));
}

/** Removes the population snapshots from `populationFrom` on and the flows and waits of `flowMonths`. */
export async function clearMonths(trx: Kysely<DB>, populationFrom: string, flowMonths: string[]): Promise<void> {
  await trx.deleteFrom('stat_population').where('month', '>=', populationFrom).execute();
  if (!flowMonths.length) return;
  await trx.deleteFrom('stat_flow').where('month', 'in', flowMonths).execute();
  await trx.deleteFrom('stat_wait').where('month', 'in', flowMonths).execute();
}

export async function saveRefreshState(
  trx: Kysely<DB>,
  v: { now: Date; firstMonth: string; durationMs: number },
): Promise<void> {
  const set = { refreshed_at: v.now, first_month: v.firstMonth, duration_ms: v.durationMs };
  await trx
    .insertInto('stat_refresh')
    .values({ id: 1, ...set })
    .onConflict((oc) => oc.column('id').doUpdateSet(set))
    .execute();
}

/** Months of the population window without any snapshot (e.g. the window moved while the server was stopped). */
export async function fillMissingMonths(trx: Kysely<DB>, current: string): Promise<void> {
  const first = addMonths(current, -(POPULATION_MONTHS - 1));
  const have = new Set(
    (await trx.selectFrom('stat_population').select('month').distinct().where('month', '>=', first).execute()).map(
      (r) => dateText(r.month),
    ),
  );
  for (let i = 0; i < POPULATION_MONTHS - 1; i++) {
    const m = addMonths(first, i);
    if (!have.has(m)) await insertPopulation(trx, m, m);
  }
}

/** RGPD art. 21: a file under an active opposition is kept out of every aggregate. */
const noOpposition = (fileId: RawBuilder<unknown>) =>
  sql`not exists (select 1 from file_restriction r where r.case_file_id = ${fileId} and r.kind = 'opposition' and r.end_date is null)`;

export async function insertPopulation(trx: Kysely<DB>, from: string, to: string): Promise<void> {
  await sql`
    insert into stat_population (month, site_id, team_id, arrondissement, dimension, category, persons)
    select x.month, x.site_id, x.team_id, x.arr, d.dimension, d.category, count(*)::int
    from (
      select m.month, f.site_id, f.team_id, ${arrondissementOf(sql`h.postal_code`)} as arr,
        extract(year from age((m.end_at at time zone 'Europe/Paris')::date - 1, p.birth_date::date))::int as age,
        p.sex, p.employment_status, p.education_level, p.nationality,
        h.family_type, h.housing_status, h.housing_nature, h.domiciliation
      from (select g::date as month, ${monthEnd(sql`g`)} as end_at
            from generate_series(${from}::date, ${to}::date, interval '1 month') g) m
      join case_file f on f.opened_at < m.end_at and (f.closed_at is null or f.closed_at >= m.end_at)
        and (f.archived_at is null or f.archived_at >= m.end_at) and (f.anonymised_at is null or f.anonymised_at >= m.end_at)
      join person p on p.id = f.principal_person_id
      join household h on h.id = f.household_id
      where ${noOpposition(sql`f.id`)}
    ) x
    cross join lateral (values
      ('ensemble', 'total'),
      ('sexe', coalesce(x.sex, 'NR')),
      ('trancheAge', case when x.age is null then 'NR' when x.age < 25 then 'moins_25' when x.age < 35 then '25_34'
        when x.age < 45 then '35_44' when x.age < 55 then '45_54' when x.age < 65 then '55_64' else '65_plus' end),
      ('contexteFamilial', x.family_type),
      ('logementStocd', x.housing_status),
      ('logementNatlog', x.housing_nature),
      ('statutProfessionnel', x.employment_status),
      ('niveauScolarite', x.education_level),
      ('groupeNationalite', x.nationality),
      ('domiciliation', case when x.domiciliation then 'oui' else 'non' end)
    ) as d(dimension, category)
    group by 1, 2, 3, 4, 5, 6`.execute(trx);
}

/** The first dépôt of an aid application (its workflow history; null while a draft). */
const firstDeposit = (id: RawBuilder<unknown>) => sql`select min(w.at) as at from workflow_transition w
  where w.workflow = 'aid_application' and w.subject_id = ${id}
    and w.to_state in ('deposee_complete', 'deposee_pieces_manquantes')`;
/** A decision by outcome, an accord by the amount granted (core AID_OUTCOME_CATEGORIES). */
const aidOutcome = (a: RawBuilder<unknown>) => sql`(case
  when ${a}.decision not in ('accord', 'accord_partiel') then ${a}.decision
  when coalesce(${a}.decided_cents, 0) < 20000 then 'accord_moins_200'
  when ${a}.decided_cents < 50000 then 'accord_200_499'
  when ${a}.decided_cents < 100000 then 'accord_500_999'
  else 'accord_1000_plus' end)`;
/** Days from the dépôt to the decision (core AID_DELAY_CATEGORIES). */
const aidDelay = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) => sql`(case
  when ${from} is null then 'NR'
  when ${to} - ${from} < interval '15 days' then 'moins_15'
  when ${to} - ${from} < interval '30 days' then '15_29'
  when ${to} - ${from} < interval '60 days' then '30_59'
  else '60_plus' end)`;

export async function insertFlows(trx: Kysely<DB>, months: string[]): Promise<void> {
  const inMonths = (ts: RawBuilder<unknown>) => inMonthList(ts, months);
  await sql`
    insert into stat_flow (month, site_id, team_id, arrondissement, indicator, category, count)
    select x.month, f.site_id, f.team_id, ${arrondissementOf(sql`h.postal_code`)}, x.indicator, x.category, count(*)::int
    from (
      select ${parisMonth(sql`e.occurred_at`)} as month, e.case_file_id, v.indicator, v.category
      from journal_entry e
      left join partner pa on pa.id = e.partner_id
      cross join lateral (
        select 'entreesParType' as indicator, e.type::text as category
        union all select 'visitesDomicile', 'total' where e.type = 'visite_domicile'
        union all select 'orientationsParPartenaire', coalesce(pa.kind, 'NR') where e.type = 'orientation'
        union all select 'rendezVousParStatut', coalesce(e.appointment_status::text, 'prevu') where e.type = 'rendez_vous'
        union all select 'entreesParMotif', mo from unnest(e.motifs) as mo
      ) v
      where e.deleted_at is null and ${inMonths(sql`e.occurred_at`)}
      union all
      select ${parisMonth(sql`f.opened_at`)}, f.id, 'ouvertures', 'total'
      from case_file f where ${inMonths(sql`f.opened_at`)}
      union all
      select ${parisMonth(sql`f.closed_at`)}, f.id, 'clotures', 'total'
      from case_file f where ${inMonths(sql`f.closed_at`)}
      union all
      select ${parisMonth(sql`d.at`)}, a.case_file_id, 'aidesDemandes', a.aid_type
      from aid_application a cross join lateral (${firstDeposit(sql`a.id`)}) d
      where ${inMonths(sql`d.at`)}
      union all
      select ${parisMonth(sql`a.decided_at`)}, a.case_file_id, v.indicator, v.category
      from aid_application a
      cross join lateral (${firstDeposit(sql`a.id`)}) d
      cross join lateral (
        select 'aidesDecisions' as indicator, a.aid_type as category
        union all select 'aidesIssues', ${aidOutcome(sql`a`)}
        union all select 'aidesDelais', ${aidDelay(sql`d.at`, sql`a.decided_at`)}
      ) v
      where a.decision is not null and ${inMonths(sql`a.decided_at`)}
    ) x
    join case_file f on f.id = x.case_file_id
    join household h on h.id = f.household_id
    where ${noOpposition(sql`f.id`)}
    group by 1, 2, 3, 4, 5, 6`.execute(trx);
}

/** Days from the opening of the file to its first interview, for files whose first interview falls in `months`. */
export async function insertWaits(trx: Kysely<DB>, months: string[], now: Date): Promise<void> {
  await sql`
    insert into stat_wait (month, site_id, team_id, arrondissement, days, persons)
    select ${parisMonth(sql`fi.first_at`)}, f.site_id, f.team_id, ${arrondissementOf(sql`h.postal_code`)},
      greatest(0, floor(extract(epoch from (fi.first_at - f.opened_at)) / 86400))::int, count(*)::int
    from (
      select e.case_file_id, min(e.occurred_at) as first_at
      from journal_entry e
      where e.deleted_at is null and e.type = any(${INTERVIEW_TYPES}::text[]) and e.occurred_at <= ${now}::timestamptz
        and e.case_file_id in (
          select e2.case_file_id from journal_entry e2
          where e2.deleted_at is null and e2.type = any(${INTERVIEW_TYPES}::text[]) and ${inMonthList(sql`e2.occurred_at`, months)})
      group by e.case_file_id
    ) fi
    join case_file f on f.id = fi.case_file_id
    join household h on h.id = f.household_id
    where ${inMonthList(sql`fi.first_at`, months)} and ${noOpposition(sql`f.id`)}
    group by 1, 2, 3, 4, 5`.execute(trx);
}
