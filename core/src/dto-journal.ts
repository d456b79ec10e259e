import type { AppointmentStatus, EntryType, NoteVisibility, Place } from './domain/journal.js';
import type { EntryAbilities } from './policy/journal.js';

/** Answers of the journal, agenda and catalogue endpoints, shared by the server presenters and the web client. */

export interface EntryDto {
  id: string;
  type: EntryType;
  typeLabel: string;
  occurredAt: string;
  durationMinutes: number | null;
  place: Place | null;
  motifs: { code: string; label: string }[];
  author: { id: string; displayName: string };
  personIds: string[];
  workerIds: string[];
  appointment: {
    workerId: string | null;
    workerName: string | null;
    status: AppointmentStatus | null;
    /** The statuses the caller may set now (the appointment workflow, core/src/workflow/appointment.ts). */
    allowed: AppointmentStatus[];
    /** Every status change, oldest first (who, when, from, to, why). */
    history: StatusChangeDto[];
  } | null;
  orientation: {
    partnerId: string | null;
    partnerName: string | null;
    reason: string | null;
    outcome: string | null;
  } | null;
  visibility: NoteVisibility;
  /** Present only when the caller may read it. */
  note?: string | null;
  /** A note exists that the caller may not read. */
  noteRestricted: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  can: EntryAbilities;
}

export interface StatusChangeDto {
  from: string | null;
  to: string;
  at: string;
  actorName: string;
  reason: string | null;
}

export interface TimelinePage {
  items: EntryDto[];
  next: string | null;
}

export interface CreatedEntryDto {
  id: string;
  warnings: { code: string; message: string }[];
}

export interface AgendaItemDto {
  id: string;
  caseFileId: string;
  fileNumber: string;
  usagerName: string;
  workerId: string | null;
  workerName: string | null;
  startsAt: string;
  durationMinutes: number | null;
  place: Place | null;
  status: AppointmentStatus | null;
}

export interface TodoItemDto {
  entryId: string;
  caseFileId: string;
  fileNumber: string;
  usagerName: string;
  at: string;
}

export interface TodoDto {
  unreportedAppointments: TodoItemDto[];
  pendingOrientations: TodoItemDto[];
  /** Documents whose validity ends within 30 days, on the référent's files (modules/documents). */
  expiringDocuments: ExpiringDocumentDto[];
}

export interface ExpiringDocumentDto {
  documentId: string;
  caseFileId: string;
  fileNumber: string;
  usagerName: string;
  typeLabel: string;
  validUntil: string;
}

export interface MotifDto {
  code: string;
  label: string;
  active: boolean;
}

export interface PartnerDto {
  id: string;
  name: string;
  kind: string;
  address: string | null;
  phone: string | null;
  active: boolean;
}

export interface WorkerDto {
  id: string;
  displayName: string;
}

export interface ItemsDto<T> {
  items: T[];
}
