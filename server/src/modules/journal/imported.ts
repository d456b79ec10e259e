import { randomUUID } from 'node:crypto';
import { DEFAULT_PLACE, lintNote, summariseFlags, type EntryType } from '@jalon/core';
import { audit, type Auditor } from '../../audit/audit.js';
import { sealText } from '../../crypto/index.js';
import type { Queryable } from '../../db/schema.js';
import { entryNoteAad, touchLastContact } from './queries.js';
import { addEntryWorkers, insertEntry } from './write-queries.js';
import { insertEntries, insertEntryWorkers, touchLastContacts } from './import-queries.js';

/**
 * A journal entry brought from a legacy tool by an import (docs/architecture.md, "Import pipeline"), in the import's
 * transaction: its note goes through the note linter (the flags counted, never a refusal: the text is history) and
 * is sealed like any note, visible to the file's référents; the entry's audit row says it was imported. The caller
 * records it as imported (`imported_entry`).
 */
export async function createImportedEntry(
  trx: Queryable,
  who: Auditor & { actor: { id: string; role: string | null } },
  input: {
    caseFileId: string;
    type: EntryType;
    occurredAt: Date;
    motifs: string[];
    note: string | null;
    importId: string;
  },
): Promise<{ id: string }> {
  const id = randomUUID();
  const flags = input.note ? lintNote(input.note) : [];
  await insertEntry(trx, {
    id,
    case_file_id: input.caseFileId,
    type: input.type,
    occurred_at: input.occurredAt,
    duration_minutes: null,
    place: DEFAULT_PLACE[input.type] ?? null,
    motifs: input.motifs,
    note: sealText(input.note, entryNoteAad(id)),
    visibility: 'referents',
    author_id: who.actor.id,
    appointment_worker_id: null,
    appointment_status: input.type === 'rendez_vous' ? 'honore' : null,
    partner_id: null,
    orientation_reason: null,
    lint_flag_count: flags.length,
    created_at: who.now,
    updated_at: who.now,
  });
  await addEntryWorkers(trx, id, [who.actor.id]);
  if (input.occurredAt <= who.now) await touchLastContact(trx, input.caseFileId, input.occurredAt);
  await audit(trx, who, 'journal_entry.create', {
    caseFileId: input.caseFileId,
    targetType: 'journal_entry',
    targetId: id,
    diff: {
      type: input.type,
      visibility: 'referents',
      has_note: Boolean(input.note),
      lint_flags: flags.length,
      lint_categories: summariseFlags(flags),
      imported: input.importId,
    },
  });
  return { id };
}

/**
 * The set-based twin of `createImportedEntry` for an import batch (docs/architecture.md, "Import pipeline"; ADR 013):
 * the same rows (entry with its sealed, linted note, its worker, the file's last contact), one statement per table.
 * The caller audits the batch in the same transaction and records the entries as imported.
 */
export async function createImportedEntries(
  trx: Queryable,
  who: Auditor & { actor: { id: string; role: string | null } },
  input: { caseFileId: string; type: EntryType; occurredAt: Date; motifs: string[]; note: string | null }[],
): Promise<{ id: string; flags: number }[]> {
  const made = input.map((e) => ({ e, id: randomUUID(), flags: e.note ? lintNote(e.note).length : 0 }));
  await insertEntries(
    trx,
    made.map(({ e, id, flags }) => ({
      id,
      case_file_id: e.caseFileId,
      type: e.type,
      occurred_at: e.occurredAt,
      duration_minutes: null,
      place: DEFAULT_PLACE[e.type] ?? null,
      motifs: e.motifs,
      note: sealText(e.note, entryNoteAad(id)),
      visibility: 'referents' as const,
      author_id: who.actor.id,
      appointment_worker_id: null,
      appointment_status: e.type === 'rendez_vous' ? ('honore' as const) : null,
      partner_id: null,
      orientation_reason: null,
      lint_flag_count: flags,
      created_at: who.now,
      updated_at: who.now,
    })),
  );
  await insertEntryWorkers(
    trx,
    made.map((m) => ({ entry_id: m.id, user_id: who.actor.id })),
  );
  const latest = new Map<string, Date>();
  for (const { e } of made)
    if (e.occurredAt <= who.now && e.occurredAt > (latest.get(e.caseFileId) ?? new Date(0)))
      latest.set(e.caseFileId, e.occurredAt);
  await touchLastContacts(
    trx,
    [...latest].map(([fileId, at]) => ({ fileId, at })),
  );
  return made.map((m) => ({ id: m.id, flags: m.flags }));
}
