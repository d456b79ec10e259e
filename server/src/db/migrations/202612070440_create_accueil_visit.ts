import { sql, type Kysely } from 'kysely';

/**
 * The reception list (docs/api.md, "Accueil"): people who came without an appointment, waiting at a site, who received
 * them, and the journal entry `accueil` recorded from the visit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table accueil_visit (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references site(id),
      case_file_id uuid not null references case_file(id) on delete cascade,
      arrived_at timestamptz not null,
      motifs text[] not null default '{}',
      created_by uuid not null references app_user(id),
      seen_by uuid references app_user(id),
      seen_at timestamptz,
      entry_id uuid references journal_entry(id) on delete set null
    )`.execute(db);
  await sql`create index accueil_visit_site_day_idx on accueil_visit (site_id, arrived_at)`.execute(db);
  await sql`create index accueil_visit_file_idx on accueil_visit (case_file_id)`.execute(db);
}
