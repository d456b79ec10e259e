import type { ColumnType, Generated } from 'kysely';
import type { AppointmentStatus, EntryType, NoteVisibility } from '@jalon/core';
import type { Timestamp } from './columns.js';

export interface MotifTable {
  code: string;
  label: string;
  active: Generated<boolean>;
  position: Generated<number>;
}
export interface PartnerTable {
  id: Generated<string>;
  name: string;
  kind: string;
  address: string | null;
  phone: string | null;
  active: Generated<boolean>;
}
export interface JournalEntryTable {
  id: Generated<string>;
  case_file_id: string;
  type: EntryType;
  occurred_at: Timestamp;
  duration_minutes: number | null;
  place: string | null;
  motifs: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  visibility: NoteVisibility;
  author_id: string;
  appointment_worker_id: string | null;
  appointment_status: AppointmentStatus | null;
  partner_id: string | null;
  orientation_reason: string | null;
  orientation_outcome: string | null;
  lint_flag_count: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
  deleted_reason: string | null;
}
export interface JournalEntryPersonTable {
  entry_id: string;
  person_id: string;
}
export interface JournalEntryWorkerTable {
  entry_id: string;
  user_id: string;
}
export interface JournalEntryVersionTable {
  id: Generated<string>;
  entry_id: string;
  version: number;
  changed_at: Timestamp;
  changed_by: string;
  occurred_at: Timestamp;
  duration_minutes: number | null;
  place: string | null;
  motifs: ColumnType<string[], string[], string[]>;
  note: string | null;
  visibility: string;
}
