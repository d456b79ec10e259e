import type { Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** A declared absence of a social worker (modules/absences). */
export interface WorkerAbsenceTable {
  id: Generated<string>;
  user_id: string;
  site_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  kind: 'conge' | 'formation' | 'reunion' | 'autre';
  created_by: string;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}
