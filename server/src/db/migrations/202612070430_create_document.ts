import { sql, type Kysely } from 'kysely';

/**
 * Documents of a file (docs/architecture.md, "Documents"): the bytes are stored encrypted in 1 MB chunks with a key per
 * document (`data_key`, sealed by the master key, re-sealed by `keys:rotate`). A document is `uploading` while its
 * chunks arrive, `ready` once complete; an upload that failed leaves nothing behind (deleted, or swept by the queue).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      journal_entry_id uuid references journal_entry(id),
      type text not null,
      file_name text not null,
      mime text not null,
      size bigint not null default 0,
      chunk_count integer not null default 0,
      valid_until date,
      data_key text not null,
      state text not null default 'uploading' check (state in ('uploading', 'ready')),
      uploaded_by uuid not null references app_user(id),
      uploaded_at timestamptz not null
    )`.execute(db);
  await sql`create index document_file_idx on document (case_file_id, uploaded_at desc)`.execute(db);
  await sql`create index document_validity_idx on document (valid_until) where valid_until is not null`.execute(db);
  await sql`
    create table document_chunk (
      document_id uuid not null references document(id) on delete cascade,
      seq integer not null,
      iv bytea not null,
      tag bytea not null,
      data bytea not null,
      primary key (document_id, seq)
    )`.execute(db);
}
