import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.js';

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}
/** TOTP second factor (auth/totp): secrets sealed with AES-256-GCM. */
export interface UserSecondFactorTable {
  user_id: string;
  secret: string | null;
  pending_secret: string | null;
  enabled_at: Timestamp | null;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  last_step: ColumnType<string, string | number | undefined, string | number>;
}
export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}
/** Failed logins per account (SHA-256 of the e-mail) and client address: auth/login-throttle.ts. */
export interface LoginAttemptTable {
  account: string;
  address: string;
  failures: number;
  blocked_until: Timestamp | null;
  last_at: Timestamp;
}
