import type { Generated } from 'kysely';
import type { DateStr, Timestamp } from './columns.js';

/** EP sessions of a site (migration 202612080800). */
export interface RsaEpSessionTable {
  id: Generated<string>;
  site_id: string;
  session_date: DateStr;
  place: string | null;
  members: unknown;
  representatives: unknown;
  created_by: string;
  created_at: Timestamp;
}

/** A person's passage before the EP; `facts`, `observations`, `avis_text`, `decision_reason` are sealed. */
export interface RsaEpPassageTable {
  id: Generated<string>;
  session_id: string;
  case_file_id: string;
  person_id: string;
  motif: string;
  state: string;
  facts: string | null;
  observations_deadline: DateStr;
  observations: string | null;
  observations_on: DateStr | null;
  avis_deemed_from: DateStr;
  avis: string | null;
  avis_text: string | null;
  avis_deemed: Generated<boolean>;
  avis_on: DateStr | null;
  outcome: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_on: DateStr | null;
  notification_document_id: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

/** A sanction "suspension-remobilisation" with the rules it used (`params`). */
export interface RsaSanctionTable {
  id: Generated<string>;
  passage_id: string;
  case_file_id: string;
  person_id: string;
  breach: string;
  rate: number;
  months: number;
  start_month: DateStr;
  monthly_amount_cents: number;
  monthly_withheld_cents: number;
  total_withheld_cents: number;
  params: unknown;
  status: Generated<string>;
  lifted_on: DateStr | null;
  lifted_by: string | null;
  reversed_cents: number | null;
  created_at: Timestamp;
}
