import { randomUUID } from 'node:crypto';
import { DEFAULT_PLACE, lintNote, type EntryType } from '@jalon/core';
import type { Auditor } from '../../audit/audit.js';
import { sealText } from '../../crypto/index.js';
import type { Queryable } from '../../db/schema.js';
import { entryNoteAad } from './queries.js';
import { insertEntries, insertEntryWorkers, touchLastContacts } from './import-queries.js';

/**
 * Journal entries brought from a legacy tool by an import batch (docs/architecture.md, "Import pipeline"; ADR 013), in
 * the batch's transaction, one statement per table: each note goes through the note linter (the flags counted, never a
 * refusal: the text is history) and is sealed like any note, visible to the file's référents; the entry's worker and
 * the file's last contact are set. The caller audits the batch (`import.batch`) and records the entries as imported.
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
