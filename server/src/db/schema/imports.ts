import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.js';

type Json<T> = ColumnType<T, string, string>;

/** Staged import pipeline (migration 202612080600_create_imports). */
export interface DataImportTable {
  id: Generated<string>;
  source: string;
  format: string;
  site_id: string;
  file_name: string;
  file_hash: string;
  file_size: number;
  status: string;
  profile: Json<unknown>;
  options: ColumnType<unknown, string | undefined, string>;
  error: string | null;
  job_id: string | null;
  created_by: string;
  created_by_role: string;
  created_at: Timestamp;
  committed_at: Timestamp | null;
}
export interface DataImportRowTable {
  id: Generated<string>;
  import_id: string;
  seq: number;
  row_key: string;
  raw: string | null;
  state: Generated<string>;
  decision: string | null;
  reason: string | null;
  values_preview: ColumnType<unknown, string | null | undefined, string | null>;
  match_file_id: string | null;
  merge_confirmed: Generated<boolean>;
  result_file_id: string | null;
}
export interface ImportKeyTable {
  site_id: string;
  source: string;
  key: string;
  case_file_id: string | null;
  import_id: string;
}
export interface ImportProfileTable {
  id: Generated<string>;
  source: string;
  site_id: string | null;
  name: string;
  profile: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
}
export interface ImportedEntryTable {
  entry_id: string;
  case_file_id: string;
  import_id: string;
}
