import type { Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** A person waiting at the reception without an appointment (modules/accueil). */
export interface AccueilVisitTable {
  id: Generated<string>;
  site_id: string;
  case_file_id: string;
  arrived_at: Timestamp;
  motifs: Generated<string[]>;
  created_by: string;
  seen_by: string | null;
  seen_at: Timestamp | null;
  entry_id: string | null;
}
