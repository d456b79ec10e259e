import { sql, type Kysely } from 'kysely';

/** Foundation schema: organisation, users and sessions, persons, households, case files, audit and access log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
  // unaccent() is only STABLE; this wrapper names its dictionary so it can be IMMUTABLE and used in indexes.
  await sql`
    create or replace function jalon_normalize(t text) returns text
    language sql immutable parallel safe as $$
      select btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, ''))), '[^a-z0-9]+', ' ', 'g'))
    $$`.execute(db);

  await sql`
    create table site (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      kind text not null check (kind in ('EPS', 'PSA')),
      arrondissements integer[] not null default '{}',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table team (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references site(id),
      name text not null,
      created_at timestamptz not null default now(),
      unique (site_id, name)
    )`.execute(db);
  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      email text not null unique,
      display_name text not null,
      role text not null check (role in ('travailleur_social', 'secretaire', 'responsable', 'admin_fonctionnel', 'dpo')),
      site_id uuid references site(id),
      password_hash text not null,
      active boolean not null default true,
      failed_attempts integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      password_changed_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table user_team (
      user_id uuid not null references app_user(id),
      team_id uuid not null references team(id),
      primary key (user_id, team_id)
    )`.execute(db);
  await sql`create index user_team_team_idx on user_team (team_id)`.execute(db);
  await sql`
    create table session (
      token_hash text primary key,
      user_id uuid not null references app_user(id),
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null
    )`.execute(db);
  await sql`create index session_user_idx on session (user_id)`.execute(db);

  await sql`
    create table person (
      id uuid primary key default gen_random_uuid(),
      birth_name text not null,
      used_name text,
      first_names text not null,
      sex text,
      birth_date date not null,
      birth_place text,
      nationality text not null default 'NR',
      marital_status text not null default 'NR',
      phone text,
      email text,
      caf_number text,
      france_travail_id text,
      employment_status text not null default 'NR',
      caf_activity text not null default 'NR',
      education_level text not null default 'NR',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table household (
      id uuid primary key default gen_random_uuid(),
      address_line text,
      postal_code text,
      city text,
      domiciliation boolean not null default false,
      domiciliation_organism text,
      housing_status text not null default 'NR',
      housing_nature text not null default 'NR',
      family_type text not null default 'NR',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table household_member (
      id uuid primary key default gen_random_uuid(),
      household_id uuid not null references household(id),
      person_id uuid not null references person(id),
      relationship text not null,
      start_date date not null,
      end_date date,
      start_reason text not null default 'arrivee',
      end_reason text,
      check (end_date is null or end_date >= start_date)
    )`.execute(db);
  await sql`create index household_member_household_idx on household_member (household_id)`.execute(db);
  await sql`create index household_member_person_idx on household_member (person_id)`.execute(db);
  await sql`create unique index household_member_current_idx on household_member (household_id, person_id) where end_date is null`.execute(
    db,
  );

  await sql`create sequence case_file_number_seq`.execute(db);
  await sql`
    create table case_file (
      id uuid primary key default gen_random_uuid(),
      file_number text not null unique,
      household_id uuid not null references household(id),
      principal_person_id uuid not null references person(id),
      site_id uuid not null references site(id),
      team_id uuid references team(id),
      status text not null default 'actif' check (status in ('actif', 'clos')),
      closing_reason text,
      opened_at timestamptz not null default now(),
      closed_at timestamptz,
      last_contact_at timestamptz,
      created_by uuid references app_user(id),
      version integer not null default 0,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_file_site_idx on case_file (site_id, status)`.execute(db);
  await sql`create index case_file_team_idx on case_file (team_id)`.execute(db);
  await sql`create index case_file_household_idx on case_file (household_id)`.execute(db);
  await sql`create index case_file_principal_idx on case_file (principal_person_id)`.execute(db);

  await sql`
    create table case_file_referent (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      user_id uuid not null references app_user(id),
      kind text not null check (kind in ('referent', 'co_referent')),
      start_at timestamptz not null,
      end_at timestamptz
    )`.execute(db);
  await sql`create index case_file_referent_file_idx on case_file_referent (case_file_id) where end_at is null`.execute(
    db,
  );
  await sql`create index case_file_referent_user_idx on case_file_referent (user_id) where end_at is null`.execute(db);

  // One row per (file, person, name variant): the search index. Scoped by site inside one composite GIN
  // index (search-measurements.md: 11 ms p95 at 1 M rows), exact-name btree for the cross-site card.
  await sql`
    create table usager_search (
      case_file_id uuid not null references case_file(id),
      person_id uuid not null references person(id),
      site_id uuid not null references site(id),
      name_n text not null,
      first_n text not null,
      birth_date date not null
    )`.execute(db);
  await sql`create index usager_search_file_idx on usager_search (case_file_id)`.execute(db);
  // btree_gin is not loaded on PGlite: loading it there breaks pg_trgm's % operator (docs/adr/002). Where the
  // server offers it, the index is composite; elsewhere a trigram index plus the site btree serve the same query.
  const btreeGin = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_available_extensions where name = 'btree_gin'`.execute(db);
  if ((btreeGin.rows[0]?.n ?? 0) > 0) {
    await sql`create extension if not exists btree_gin`.execute(db);
    await sql`create index usager_search_trgm_idx on usager_search using gin (site_id, name_n gin_trgm_ops)`.execute(
      db,
    );
  } else {
    await sql`create index usager_search_trgm_idx on usager_search using gin (name_n gin_trgm_ops)`.execute(db);
  }
  await sql`create index usager_search_exact_idx on usager_search (name_n, birth_date)`.execute(db);
  await sql`create index usager_search_birth_idx on usager_search (site_id, birth_date)`.execute(db);

  await sql`
    create table audit_event (
      id bigserial primary key,
      at timestamptz not null,
      actor_id uuid references app_user(id),
      actor_role text,
      action text not null,
      case_file_id uuid,
      target_type text,
      target_id text,
      diff jsonb,
      request_id text
    )`.execute(db);
  await sql`create index audit_event_file_idx on audit_event (case_file_id, at)`.execute(db);
  await sql`create index audit_event_at_idx on audit_event (at)`.execute(db);

  await sql`
    create table access_log (
      id bigserial primary key,
      at timestamptz not null,
      actor_id uuid not null references app_user(id),
      actor_role text not null,
      actor_site_id uuid,
      case_file_id uuid not null,
      part text not null
    )`.execute(db);
  await sql`create index access_log_file_idx on access_log (case_file_id, at desc)`.execute(db);
}
