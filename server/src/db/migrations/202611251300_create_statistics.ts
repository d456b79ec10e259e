import { sql, type Kysely } from 'kysely';

/**
 * Aggregate tables of the statistics (docs/api.md, Statistics): the page reads these, never the files. Refreshed by the statistics job
 * (modules/statistics/refresh.ts). No column names a worker or a person: the finest grain is month × site × team ×
 * arrondissement, and the team is only read back through teams of at least 5 workers (or the worker's own team).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Stock: usagers followed (principal person of each open file) on the last day of `month`, by one characteristic.
  await sql`
    create table stat_population (
      month date not null,
      site_id uuid not null references site(id),
      team_id uuid references team(id),
      arrondissement smallint not null,
      dimension text not null,
      category text not null,
      persons integer not null check (persons > 0)
    )`.execute(db);
  await sql`create index stat_population_lookup_idx on stat_population (dimension, month, site_id)`.execute(db);
  // Flows: what happened during `month` (journal entries by type, motif…, openings, closures).
  await sql`
    create table stat_flow (
      month date not null,
      site_id uuid not null references site(id),
      team_id uuid references team(id),
      arrondissement smallint not null,
      indicator text not null,
      category text not null,
      count integer not null check (count > 0)
    )`.execute(db);
  await sql`create index stat_flow_lookup_idx on stat_flow (indicator, month, site_id)`.execute(db);
  // The refresh reads the entries of a few months: by date, not by file.
  await sql`create index journal_entry_occurred_idx on journal_entry (occurred_at) where deleted_at is null`.execute(
    db,
  );
  // Waiting time from the opening of a file to its first interview, as a histogram of days (month of the interview).
  await sql`
    create table stat_wait (
      month date not null,
      site_id uuid not null references site(id),
      team_id uuid references team(id),
      arrondissement smallint not null,
      days integer not null check (days >= 0),
      persons integer not null check (persons > 0)
    )`.execute(db);
  await sql`create index stat_wait_lookup_idx on stat_wait (month, site_id)`.execute(db);
  // Months whose flows changed since the last refresh, marked by the database itself on every write of an entry or a
  // file (so that no module can forget to), read and emptied by the refresh.
  await sql`create table stat_dirty_month (month date primary key)`.execute(db);
  await sql`
    create function stat_mark_dirty() returns trigger language plpgsql as $$
    declare
      ts timestamptz;
    begin
      if tg_table_name = 'journal_entry' then
        if tg_op <> 'INSERT' then ts := old.occurred_at; insert into stat_dirty_month values (date_trunc('month', ts at time zone 'Europe/Paris')::date) on conflict do nothing; end if;
        if tg_op <> 'DELETE' then ts := new.occurred_at; insert into stat_dirty_month values (date_trunc('month', ts at time zone 'Europe/Paris')::date) on conflict do nothing; end if;
      else
        if tg_op <> 'INSERT' then
          insert into stat_dirty_month values (date_trunc('month', old.opened_at at time zone 'Europe/Paris')::date) on conflict do nothing;
          if old.closed_at is not null then insert into stat_dirty_month values (date_trunc('month', old.closed_at at time zone 'Europe/Paris')::date) on conflict do nothing; end if;
        end if;
        if tg_op <> 'DELETE' then
          insert into stat_dirty_month values (date_trunc('month', new.opened_at at time zone 'Europe/Paris')::date) on conflict do nothing;
          if new.closed_at is not null then insert into stat_dirty_month values (date_trunc('month', new.closed_at at time zone 'Europe/Paris')::date) on conflict do nothing; end if;
        end if;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger journal_entry_stat_dirty after insert or delete or update of occurred_at, type, motifs, partner_id, appointment_status, deleted_at, case_file_id
    on journal_entry for each row execute function stat_mark_dirty()`.execute(db);
  await sql`
    create trigger case_file_stat_dirty after insert or delete or update of opened_at, closed_at, site_id, team_id, household_id
    on case_file for each row execute function stat_mark_dirty()`.execute(db);
  // One row: when the aggregates were last refreshed (the next run recomputes the months touched since).
  await sql`
    create table stat_refresh (
      id smallint primary key check (id = 1),
      refreshed_at timestamptz not null,
      first_month date not null,
      duration_ms integer not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger journal_entry_stat_dirty on journal_entry`.execute(db);
  await sql`drop trigger case_file_stat_dirty on case_file`.execute(db);
  await sql`drop function stat_mark_dirty()`.execute(db);
  for (const t of ['stat_refresh', 'stat_dirty_month', 'stat_wait', 'stat_flow', 'stat_population'])
    await sql`drop table ${sql.table(t)}`.execute(db);
}
