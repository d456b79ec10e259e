import type { ColumnType, Generated } from 'kysely';
import type { Role } from '@jalon/core';
import type { Timestamp } from './columns.js';

export interface AuditEventTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  case_file_id: string | null;
  target_type: string | null;
  target_id: string | null;
  diff: ColumnType<unknown, string | null, string | null> | null;
  request_id: string | null;
  /** Hash chain (ADR 004), set by the insert trigger. */
  seq: Generated<string>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}
export interface BreakGlassAccessTable {
  id: Generated<string>;
  case_file_id: string;
  file_site_id: string;
  user_id: string;
  user_role: Role;
  user_site_id: string | null;
  reason: string;
  justification: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  review_comment: string | null;
}
export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: 'break_glass' | 'access_request' | 'access_export';
  case_file_id: string | null;
  break_glass_id: string | null;
  access_request_id: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}
export interface AccessLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string;
  actor_role: string;
  actor_site_id: string | null;
  case_file_id: string;
  part: string;
  seq: Generated<string>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

/** Where the 1-year purge cut each chain: the hash the first kept row points to. */
export interface SecurityLogCheckpointTable {
  id: Generated<string>;
  chain: string;
  seq: string;
  hash: string;
  purged_rows: string;
  purged_before: Timestamp;
  at: Timestamp;
}
