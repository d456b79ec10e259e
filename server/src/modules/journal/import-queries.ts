import { sql, type Insertable } from 'kysely';
import type { JournalEntryTable, JournalEntryWorkerTable, Queryable } from '../../db/schema.js';

// The set-based writes of imported journal entries (docs/architecture.md, "Import pipeline"; ADR 013).

export async function insertEntries(db: Queryable, rows: Insertable<JournalEntryTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('journal_entry').values(rows).execute();
}

export async function insertEntryWorkers(db: Queryable, rows: Insertable<JournalEntryWorkerTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('journal_entry_worker').values(rows).execute();
}

/** `touchLastContact` for many files: each file's last contact moves to its latest entry's date when later. */
export async function touchLastContacts(db: Queryable, latest: { fileId: string; at: Date }[]): Promise<void> {
  if (!latest.length) return;
  await sql`
    update case_file c set last_contact_at = greatest(coalesce(c.last_contact_at, v.at), v.at)
    from unnest(${latest.map((l) => l.fileId)}::uuid[], ${latest.map((l) => l.at.toISOString())}::timestamptz[])
      as v(id, at)
    where c.id = v.id and (c.last_contact_at is null or c.last_contact_at < v.at)`.execute(db);
}
