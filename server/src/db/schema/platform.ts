import type { ColumnType, Generated } from 'kysely';
import type { DateStr } from './columns.js';

/** A version of a dated parameter (modules/params). */
export interface ParameterVersionTable {
  id: Generated<string>;
  name: string;
  value: number;
  valid_from: DateStr;
  valid_to: DateStr | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** One transition of a workflow (modules/workflows). */
export interface WorkflowTransitionTable {
  id: Generated<string>;
  workflow: string;
  subject_id: string;
  case_file_id: string | null;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  at: ColumnType<Date, Date | string, Date | string>;
  reason: string | null;
  instructs: ColumnType<boolean, boolean | undefined, boolean>;
  seq: Generated<string>;
}

export type JobState = 'pending' | 'running' | 'done' | 'dead';
type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** One job of the persistent queue (modules/jobs). */
export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  run_at: Ts;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  idempotency_key: string | null;
  locked_by: string | null;
  locked_until: TsNull;
  progress_done: number | null;
  progress_total: number | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  last_error: string | null;
  created_at: Ts;
  started_at: TsNull;
  finished_at: TsNull;
}

/** A document of a file (modules/documents); `data_key` is sealed. */
export interface DocumentTable {
  id: Generated<string>;
  case_file_id: string;
  journal_entry_id: string | null;
  type: string;
  file_name: string;
  mime: string;
  size: ColumnType<number, number | undefined, number>;
  chunk_count: Generated<number>;
  valid_until: DateStr | null;
  data_key: string;
  state: ColumnType<'uploading' | 'ready', 'uploading' | 'ready' | undefined, 'uploading' | 'ready'>;
  uploaded_by: string;
  uploaded_at: Ts;
}

export interface DocumentChunkTable {
  document_id: string;
  seq: number;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

/** A version of a letter template (modules/letters). */
export interface LetterTemplateTable {
  id: Generated<string>;
  code: string;
  title: string;
  body: string;
  version: number;
  valid_from: Date;
  created_by: string | null;
}

/** A letter sent for a file, its PDF kept as a document (modules/letters). */
export interface LetterSentTable {
  id: Generated<string>;
  case_file_id: string;
  template_id: string;
  journal_entry_id: string | null;
  document_id: string | null;
  sent_by: string;
  sent_at: Date;
}
