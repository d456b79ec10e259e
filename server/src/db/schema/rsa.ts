import type { Generated, GeneratedAlways } from 'kysely';
import type { DateStr, Timestamp } from './columns.js';

/** The CAF block of one person (modules/rsa; docs/api.md, "RSA"). */
export interface RsaPersonTable {
  person_id: string;
  case_file_id: string;
  etatdosrsa: string | null;
  natpf: string | null;
  toppersdrodevorsa: Generated<boolean>;
  rolepers: string | null;
  date_ouverture: DateStr | null;
  num_allocataire: string | null;
  sitpersdemrsa: string | null;
  /** Entry into droits et devoirs (start of the orientation delay). */
  dd_since: DateStr | null;
  updated_at: Timestamp;
  updated_by: string | null;
  origin: 'typed' | 'imported';
}
/** One dated change of the block: `changes` maps each changed field to `{ from, to }`. */
export interface RsaPersonChangeTable {
  id: Generated<string>;
  person_id: string;
  case_file_id: string;
  at: Timestamp;
  origin: 'typed' | 'imported';
  actor_id: string | null;
  /** The import (flux) it came from, for an imported change. */
  source: string | null;
  changes: unknown;
  seq: GeneratedAlways<string>;
}
export interface RsaOrientationTable {
  person_id: string;
  case_file_id: string;
  state: string;
  requested_on: DateStr | null;
  requested_by: string | null;
  kind: string | null;
  organisme: string | null;
  decided_on: DateStr | null;
  notified_on: DateStr | null;
  /** The équipe pluridisciplinaire's opinion cited by the pending réorientation request (free reference). */
  ep_reference: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}
export interface RsaOrientationDecisionTable {
  id: Generated<string>;
  person_id: string;
  case_file_id: string;
  kind: string;
  organisme: string;
  requested_on: DateStr | null;
  decided_on: DateStr;
  notified_on: DateStr | null;
  reorientation: Generated<boolean>;
  ep_reference: string | null;
  reason: string | null;
  decided_by: string;
  /** The target delay in force on the decision's date (weeks), kept with the decision. */
  target_weeks: number | null;
  at: Timestamp;
}
export interface RsaReferentTable {
  id: Generated<string>;
  person_id: string;
  case_file_id: string;
  kind: 'referent_unique' | 'france_travail';
  user_id: string | null;
  partner_name: string | null;
  organisme: string | null;
  start_on: DateStr;
  end_on: DateStr | null;
  created_by: string;
  created_at: Timestamp;
}
export interface RsaActionRefTable {
  id: Generated<string>;
  theme: string;
  objective: string;
  label: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}
export interface RsaContractTable {
  id: Generated<string>;
  person_id: string;
  case_file_id: string;
  kind: string;
  start_on: DateStr;
  duration_months: number;
  end_on: DateStr;
  weekly_hours: number | null;
  hours_reason: string | null;
  hours_reason_text: string | null;
  renewal_of: string | null;
  signed_on: DateStr | null;
  signed_document_id: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}
export interface RsaContractActionTable {
  id: Generated<string>;
  contract_id: string;
  action_id: string;
  status: string;
  note: string | null;
  updated_at: Timestamp;
}
