import { sql, type Kysely } from 'kysely';

/**
 * RSA équipe pluridisciplinaire and sanctions (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"): EP
 * sessions of a site, the passages of persons before them (motif, contradictoire, avis, decision, the rules used) and
 * the sanctions "suspension-remobilisation" decided. The free texts (facts, observations, avis, reasons) are sealed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rsa_ep_session (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references site(id),
      session_date date not null,
      place text,
      members jsonb not null,
      representatives jsonb not null,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index rsa_ep_session_site_idx on rsa_ep_session (site_id, session_date)`.execute(db);
  await sql`
    create table rsa_ep_passage (
      id uuid primary key default gen_random_uuid(),
      session_id uuid not null references rsa_ep_session(id),
      case_file_id uuid not null references case_file(id),
      person_id uuid not null references person(id),
      motif text not null,
      state text not null,
      facts text,
      observations_deadline date not null,
      observations text,
      observations_on date,
      avis_deemed_from date not null,
      avis text,
      avis_text text,
      avis_deemed boolean not null default false,
      avis_on date,
      outcome text,
      decision_reason text,
      decided_by uuid references app_user(id),
      decided_on date,
      notification_document_id uuid references document(id) on delete set null,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null,
      version integer not null default 1
    )`.execute(db);
  await sql`create index rsa_ep_passage_file_idx on rsa_ep_passage (case_file_id)`.execute(db);
  await sql`create index rsa_ep_passage_session_idx on rsa_ep_passage (session_id)`.execute(db);
  // One open passage per person and motif: a second inscription waits for the first decision.
  await sql`
    create unique index rsa_ep_passage_open_idx on rsa_ep_passage (person_id, motif)
      where state in ('inscrit', 'avis_rendu')`.execute(db);
  await sql`
    create table rsa_sanction (
      id uuid primary key default gen_random_uuid(),
      passage_id uuid not null unique references rsa_ep_passage(id),
      case_file_id uuid not null references case_file(id),
      person_id uuid not null references person(id),
      breach text not null,
      rate integer not null,
      months integer not null,
      start_month date not null,
      monthly_amount_cents integer not null,
      monthly_withheld_cents integer not null,
      total_withheld_cents integer not null,
      params jsonb not null,
      status text not null default 'en_cours',
      lifted_on date,
      lifted_by uuid references app_user(id),
      reversed_cents integer,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index rsa_sanction_person_idx on rsa_sanction (person_id)`.execute(db);
}
