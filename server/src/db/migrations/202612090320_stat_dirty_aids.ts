import { sql, type Kysely } from 'kysely';

/**
 * The aid indicators of the statistics (docs/api.md, Statistics): a dépôt or a decision of an aid application (a
 * transition of its workflow) marks its month for the statistics refresh, as the journal and the files do; the
 * retention engine's writes do not (migration 202612070310).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function stat_mark_dirty_aid() returns trigger language plpgsql as $$
    begin
      if coalesce(current_setting('jalon.retention', true), '') = 'on' then return null; end if;
      if tg_op <> 'INSERT' and old.workflow = 'aid_application' then
        insert into stat_dirty_month values (date_trunc('month', old.at at time zone 'Europe/Paris')::date) on conflict do nothing;
      end if;
      if tg_op <> 'DELETE' and new.workflow = 'aid_application' then
        insert into stat_dirty_month values (date_trunc('month', new.at at time zone 'Europe/Paris')::date) on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger workflow_transition_stat_dirty after insert or delete or update of at, to_state, case_file_id
    on workflow_transition for each row execute function stat_mark_dirty_aid()`.execute(db);
}
