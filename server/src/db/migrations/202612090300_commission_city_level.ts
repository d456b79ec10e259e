import { sql, type Kysely } from 'kysely';

/**
 * The city-level commission of the FSL (docs/adr/012-aid-applications.md, "Who decides"): a session is a site's
 * (`level = 'site'`, with its site) or the city's (`level = 'ville'`, no site; FSL applications of every site,
 * organised and decided by the administration).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table commission_session add column level text not null default 'site'`.execute(db);
  await sql`alter table commission_session alter column site_id drop not null`.execute(db);
  await sql`
    alter table commission_session add constraint commission_session_level_check
      check ((level = 'site' and site_id is not null) or (level = 'ville' and site_id is null))`.execute(db);
}
