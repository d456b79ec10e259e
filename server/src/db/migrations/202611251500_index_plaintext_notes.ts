import { sql, type Kysely } from 'kysely';

/**
 * Notes are encrypted by the application (crypto/); the start-up step looks for plaintext left by older versions or
 * by `seed:scale`. These partial indexes hold only such rows (none once sealed), so the look-up costs nothing at
 * every start, whatever the size of the journal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index journal_entry_plaintext_note_idx on journal_entry (id) where note is not null and note not like 'jk1.%'`.execute(
    db,
  );
  await sql`create index journal_entry_version_plaintext_note_idx on journal_entry_version (id) where note is not null and note not like 'jk1.%'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index journal_entry_version_plaintext_note_idx`.execute(db);
  await sql`drop index journal_entry_plaintext_note_idx`.execute(db);
}
