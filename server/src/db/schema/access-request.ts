import type { Generated } from 'kysely';
import type { DateStr, Timestamp } from './columns.js';

/** A person's access request (RGPD art. 15), migration 202612070300_create_access_request. */
export interface AccessRequestTable {
  id: Generated<string>;
  case_file_id: string;
  requester: 'personne' | 'representant';
  representative_name: string | null;
  received_on: DateStr;
  identity_check: string;
  identity_note: string | null;
  due_on: DateStr;
  recorded_by: string;
  recorded_by_role: string;
  recorded_at: Timestamp;
  produced_at: Timestamp | null;
  produced_by: string | null;
}
