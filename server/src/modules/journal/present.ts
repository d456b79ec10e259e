import {
  APPOINTMENT_WORKFLOW,
  ENTRY_TYPE_LABELS,
  allowedTargets,
  type AppointmentStatus,
  type StatusChangeDto,
  entryAbilities,
  type Actor,
  type EntryDto,
  type Place,
  type UsagerTarget,
} from '@jalon/core';
import { openText } from '../../crypto/index.js';
import { entryNoteAad, type EntryRow } from './queries.js';

type Row = Omit<EntryRow, 'worker_ids' | 'person_ids'> & { worker_ids: string[] | null; person_ids: string[] | null };

/** Field-level rule (style rule 4): the note is copied only when canReadEntryNote allows it. */
export function presentEntry(
  actor: Actor,
  file: UsagerTarget,
  r: Row,
  motifLabels: Map<string, string>,
  extra: { now?: Date; history?: StatusChangeDto[] } = {},
): EntryDto {
  const target = { authorId: r.author_id, type: r.type, visibility: r.visibility, workerIds: r.worker_ids ?? [] };
  const can = entryAbilities(actor, file, target);
  const dto: EntryDto = {
    id: r.id,
    type: r.type,
    typeLabel: ENTRY_TYPE_LABELS[r.type],
    occurredAt: new Date(r.occurred_at).toISOString(),
    durationMinutes: r.duration_minutes,
    place: r.place as Place | null,
    motifs: r.motifs.map((code) => ({ code, label: motifLabels.get(code) ?? code })),
    author: { id: r.author_id, displayName: r.author_name },
    personIds: r.person_ids ?? [],
    workerIds: r.worker_ids ?? [],
    appointment:
      r.type === 'rendez_vous'
        ? {
            workerId: r.appointment_worker_id,
            workerName: r.worker_name,
            status: r.appointment_status,
            allowed:
              can.setStatus && extra.now
                ? allowedTargets(APPOINTMENT_WORKFLOW, (r.appointment_status ?? 'prevu') as AppointmentStatus, actor, {
                    now: extra.now,
                    start: new Date(r.occurred_at),
                  })
                : [],
            // The reason is free text: shown to who may read the entry's note.
            history: (extra.history ?? []).map((h) => (can.readNote ? h : { ...h, reason: null })),
          }
        : null,
    orientation:
      r.type === 'orientation'
        ? {
            partnerId: r.partner_id,
            partnerName: r.partner_name,
            reason: r.orientation_reason,
            outcome: r.orientation_outcome,
          }
        : null,
    visibility: r.visibility,
    noteRestricted: !can.readNote && r.note !== null && r.visibility !== 'privee',
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    can,
  };
  // Decrypted only when shown.
  if (can.readNote) dto.note = openText(r.note, entryNoteAad(r.id));
  return dto;
}
