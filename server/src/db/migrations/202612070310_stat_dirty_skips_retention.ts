import { sql, type Kysely } from 'kysely';

/**
 * The statistics triggers no longer mark a month dirty for a write of the retention engine (anonymisation truncates
 * dates and clears partners): a closed month keeps the figures published when it ended, it is not recomputed from
 * rows altered since (docs/security.md, Statistics and retention). The engine sets `jalon.retention` for its
 * transaction; every other write still marks its months, so a late entry still counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function stat_mark_dirty() returns trigger language plpgsql as $$
    declare
      ts timestamptz;
    begin
      if coalesce(current_setting('jalon.retention', true), '') = 'on' then return null; end if;
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function stat_mark_dirty() returns trigger language plpgsql as $$
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
}
