import type { Generated } from 'kysely';
import type { DateStr, Timestamp } from './columns.js';

/** A commission session (modules/commission). */
export interface CommissionSessionTable {
  id: Generated<string>;
  session_date: DateStr;
  kind: 'ordinaire' | 'urgente';
  /** `ville`: the city-level FSL commission, with no site (migration 202612090300). */
  level: Generated<'site' | 'ville'>;
  site_id: string | null;
  territory: string | null;
  created_by: string;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

/** An application on a session's agenda, with the decision recorded there (modules/commission). */
export interface CommissionItemTable {
  id: Generated<string>;
  session_id: string;
  application_id: string;
  case_file_id: string;
  position: number;
  outcome: 'accord' | 'accord_partiel' | 'refus' | 'ajournement' | null;
  /** bigint: read back as a string by some drivers, convert with Number(). */
  amount_cents: string | number | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  letter_document_id: string | null;
}
