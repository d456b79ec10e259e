import { sql, type Kysely } from 'kysely';

/**
 * Parameters with validity dates (docs/architecture.md, "Parameters"): one row per version, `valid_to` excluded. The
 * built-in values are recorded as the first version; a retention run keeps the values it used (`retention_run.params`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table parameter_version (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      value integer not null,
      valid_from date not null,
      valid_to date,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      unique (name, valid_from),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`
    insert into parameter_version (name, value, valid_from) values
      ('retention.dossier.activeDays', 730, '2000-01-01'),
      ('retention.journaux.activeDays', 365, '2000-01-01'),
      ('statistics.primaryThreshold', 5, '2000-01-01'),
      ('statistics.sensitiveThreshold', 11, '2000-01-01')`.execute(db);
  await sql`alter table retention_run add column params jsonb`.execute(db);
}
