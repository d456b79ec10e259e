import { sql, type Kysely } from 'kysely';

/**
 * The staged import pipeline (docs/architecture.md, "Import pipeline"; ADR 013).
 * - `data_import`: one uploaded file of a source for a site; unique per (source, site, file hash): the same file
 *   uploaded again is the same import, so it changes nothing.
 * - `data_import_row`: the staged rows (their content sealed, emptied once committed), each with its state, the fate
 *   the analysis decided and the French reason of a rejection.
 * - `import_key`: what a site already imported from a source (a legacy id → its file, a row's content hash): the
 *   dedupe by legacy id, and the guard that makes a commit resumable without duplicates.
 * - `import_profile`: column and code mappings saved per source and site.
 * - `imported_entry`: journal entries brought by an import (shown as imported).
 * Files are referenced without foreign keys: the module's retention hooks remove its rows of a file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_import (
      id uuid primary key default gen_random_uuid(),
      source text not null,
      format text not null,
      site_id uuid not null references site(id),
      file_name text not null,
      file_hash text not null,
      file_size integer not null,
      status text not null,
      profile jsonb not null,
      options jsonb not null default '{}'::jsonb,
      error text,
      job_id uuid,
      created_by uuid not null references app_user(id),
      created_by_role text not null,
      created_at timestamptz not null,
      committed_at timestamptz,
      unique (source, site_id, file_hash)
    )`.execute(db);
  await sql`
    create table data_import_row (
      id uuid primary key default gen_random_uuid(),
      import_id uuid not null references data_import(id) on delete cascade,
      seq integer not null,
      row_key text not null,
      raw text,
      state text not null default 'staged',
      decision text,
      reason text,
      values_preview jsonb,
      match_file_id uuid,
      merge_confirmed boolean not null default false,
      result_file_id uuid,
      unique (import_id, seq)
    )`.execute(db);
  await sql`create index data_import_row_state on data_import_row (import_id, state, seq)`.execute(db);
  await sql`
    create table import_key (
      site_id uuid not null references site(id),
      source text not null,
      key text not null,
      case_file_id uuid,
      import_id uuid not null,
      primary key (site_id, source, key)
    )`.execute(db);
  await sql`create index import_key_file on import_key (case_file_id)`.execute(db);
  await sql`
    create table import_profile (
      id uuid primary key default gen_random_uuid(),
      source text not null,
      site_id uuid references site(id),
      name text not null,
      profile jsonb not null,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`
    create table imported_entry (
      entry_id uuid primary key,
      case_file_id uuid not null,
      import_id uuid not null
    )`.execute(db);
  await sql`create index imported_entry_file on imported_entry (case_file_id)`.execute(db);
}
