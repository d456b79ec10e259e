import { sql, type Kysely } from 'kysely';

/**
 * The genogram of a file (docs/api.md, Génogramme): one row per file, the drawing sealed as JSON (`payload`), the
 * relationship lines sealed apart (`relations`) and opened with a reason (`relations_reason_*`). `version` is the
 * optimistic lock of the editor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table genogram (
      case_file_id uuid primary key references case_file(id),
      version integer not null default 1,
      payload text not null,
      relations text,
      relations_opened_at timestamptz,
      relations_opened_by uuid references app_user(id),
      relations_reason_code text,
      relations_reason_text text,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null,
      updated_by uuid not null references app_user(id),
      updated_at timestamptz not null
    )`.execute(db);
}
