import type { ColumnType, Generated } from 'kysely';
import type { SensitiveSection } from '@jalon/core';
import type { DateStr, Timestamp } from './columns.js';

/** One row per run of the retention engine (job or CLI), read by the DPO. */
export interface RetentionRunTable {
  id: Generated<string>;
  started_at: Timestamp;
  finished_at: Timestamp;
  trigger: 'job' | 'cli';
  dry_run: boolean;
  archived: Generated<number>;
  anonymised: Generated<number>;
  noticed: Generated<number>;
  failed: Generated<number>;
  log_purged: ColumnType<unknown, string | undefined, string>;
  details: ColumnType<unknown, string | undefined, string>;
  /** The dated parameters the run used (modules/params). */
  params: ColumnType<unknown, string | null | undefined, string | null>;
}
/** A share of a file with a professional outside the service (secret partagé, modules/partage). */
export interface FileShareTable {
  id: Generated<string>;
  case_file_id: string;
  recipient_name: string | null;
  recipient_organisation: string;
  legal_ground: string;
  consent_id: string | null;
  sections: ColumnType<string[], string[], string[]>;
  shared_on: DateStr;
  person_informed: boolean;
  not_informed_reason: string | null;
  created_by: string;
  created_at: Timestamp;
}
export interface ConsentTable {
  id: Generated<string>;
  case_file_id: string;
  purpose: string | null;
  recipient: string | null;
  given_on: DateStr;
  withdrawn_on: DateStr | null;
  created_by: string;
  created_at: Timestamp;
}

/** A sensitive section opened on a file (docs/api.md, Sensitive sections); `payload` and `reason_text` are sealed. */
export interface CaseFileSectionTable {
  id: Generated<string>;
  case_file_id: string;
  section: SensitiveSection;
  opened_at: Timestamp;
  opened_by: string;
  reason_code: string;
  reason_text: string;
  payload: string | null;
  version: Generated<number>;
  updated_at: Timestamp | null;
  updated_by: string | null;
}

export interface FileRestrictionTable {
  id: Generated<string>;
  case_file_id: string;
  kind: 'limitation' | 'opposition';
  start_date: DateStr;
  reason: string;
  end_date: DateStr | null;
  created_by: string;
  created_at: Timestamp;
  lifted_by: string | null;
  lifted_at: Timestamp | null;
}

/** The genogram of a file (migration 202612070520): sealed drawing, sealed relationship lines opened with a reason. */
export interface GenogramTable {
  case_file_id: string;
  version: Generated<number>;
  payload: string;
  relations: string | null;
  relations_opened_at: Timestamp | null;
  relations_opened_by: string | null;
  relations_reason_code: string | null;
  relations_reason_text: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}
