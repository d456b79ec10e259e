import type { ColumnType, Generated, GeneratedAlways, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { AppointmentStatus, EntryType, NoteVisibility, Role, SensitiveSection, SiteProfile } from '@jalon/core';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Dates (SQL `date`) travel as yyyy-mm-dd strings in both drivers. */
type DateStr = string;

export interface SiteTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'EPS' | 'PSA';
  arrondissements: ColumnType<number[], number[] | undefined, number[]>;
  /** Minimisation profile (issue 5): which sensitive sections the site's files may hold. */
  profile: ColumnType<SiteProfile, SiteProfile | undefined, SiteProfile>;
  created_at: Generated<Date>;
}
export interface TeamTable {
  id: Generated<string>;
  site_id: string;
  name: string;
  created_at: Generated<Date>;
}
export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  site_id: string | null;
  password_hash: string;
  active: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
}
export interface UserTeamTable {
  user_id: string;
  team_id: string;
}
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
export interface PersonTable {
  id: Generated<string>;
  birth_name: string;
  used_name: string | null;
  first_names: string;
  sex: string | null;
  birth_date: DateStr;
  birth_place: string | null;
  nationality: Generated<string>;
  marital_status: Generated<string>;
  phone: string | null;
  email: string | null;
  caf_number: string | null;
  france_travail_id: string | null;
  employment_status: Generated<string>;
  caf_activity: Generated<string>;
  education_level: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface HouseholdTable {
  id: Generated<string>;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  domiciliation: Generated<boolean>;
  domiciliation_organism: string | null;
  housing_status: Generated<string>;
  housing_nature: Generated<string>;
  family_type: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface HouseholdMemberTable {
  id: Generated<string>;
  household_id: string;
  person_id: string;
  relationship: string;
  start_date: DateStr;
  end_date: DateStr | null;
  start_reason: Generated<string>;
  end_reason: string | null;
}
export interface CaseFileTable {
  id: Generated<string>;
  file_number: string;
  household_id: string;
  principal_person_id: string;
  site_id: string;
  team_id: string | null;
  status: Generated<'actif' | 'clos'>;
  closing_reason: string | null;
  opened_at: Generated<Date>;
  closed_at: Timestamp | null;
  last_contact_at: Timestamp | null;
  created_by: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
  /** Retention (issue 5, modules/retention): active, intermediate archive (DPO only) or anonymised. */
  retention_state: Generated<'active' | 'archived' | 'anonymised'>;
  retention_hold_kind: 'prolongation' | 'archive' | null;
  retention_hold_until: DateStr | null;
  retention_hold_reason: string | null;
  retention_hold_note: string | null;
  archived_at: Timestamp | null;
  anonymised_at: Timestamp | null;
}
export interface CaseFileReferentTable {
  id: Generated<string>;
  case_file_id: string;
  user_id: string;
  kind: 'referent' | 'co_referent';
  start_at: Timestamp;
  end_at: Timestamp | null;
}
export interface UsagerSearchTable {
  case_file_id: string;
  person_id: string;
  site_id: string;
  name_n: string;
  first_n: string;
  birth_date: DateStr;
  /** Generated from name_n and first_n (jalon_search_keys, ADR 006). */
  keys: GeneratedAlways<string[]>;
}
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
  kind: 'break_glass';
  case_file_id: string | null;
  break_glass_id: string | null;
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

export interface MotifTable {
  code: string;
  label: string;
  active: Generated<boolean>;
  position: Generated<number>;
}
export interface PartnerTable {
  id: Generated<string>;
  name: string;
  kind: string;
  address: string | null;
  phone: string | null;
  active: Generated<boolean>;
}
export interface JournalEntryTable {
  id: Generated<string>;
  case_file_id: string;
  type: EntryType;
  occurred_at: Timestamp;
  duration_minutes: number | null;
  place: string | null;
  motifs: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  visibility: NoteVisibility;
  author_id: string;
  appointment_worker_id: string | null;
  appointment_status: AppointmentStatus | null;
  partner_id: string | null;
  orientation_reason: string | null;
  orientation_outcome: string | null;
  lint_flag_count: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
  deleted_reason: string | null;
}
export interface JournalEntryPersonTable {
  entry_id: string;
  person_id: string;
}
export interface JournalEntryWorkerTable {
  entry_id: string;
  user_id: string;
}
export interface JournalEntryVersionTable {
  id: Generated<string>;
  entry_id: string;
  version: number;
  changed_at: Timestamp;
  changed_by: string;
  occurred_at: Timestamp;
  duration_minutes: number | null;
  place: string | null;
  motifs: ColumnType<string[], string[], string[]>;
  note: string | null;
  visibility: string;
}

export interface StatPopulationTable {
  month: DateStr;
  site_id: string;
  team_id: string | null;
  arrondissement: number;
  dimension: string;
  category: string;
  persons: number;
}
export interface StatFlowTable {
  month: DateStr;
  site_id: string;
  team_id: string | null;
  arrondissement: number;
  indicator: string;
  category: string;
  count: number;
}
export interface StatWaitTable {
  month: DateStr;
  site_id: string;
  team_id: string | null;
  arrondissement: number;
  days: number;
  persons: number;
}
export interface StatRefreshTable {
  id: number;
  refreshed_at: Timestamp;
  first_month: DateStr;
  duration_ms: number;
}

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

/** A sensitive section opened on a file (issue 5); `payload` and `reason_text` are sealed. */
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

export interface DB {
  file_restriction: FileRestrictionTable;
  case_file_section: CaseFileSectionTable;
  retention_run: RetentionRunTable;
  file_share: FileShareTable;
  consent: ConsentTable;
  stat_population: StatPopulationTable;
  stat_flow: StatFlowTable;
  stat_wait: StatWaitTable;
  stat_refresh: StatRefreshTable;
  stat_dirty_month: { month: DateStr };
  motif: MotifTable;
  partner: PartnerTable;
  journal_entry: JournalEntryTable;
  journal_entry_person: JournalEntryPersonTable;
  journal_entry_worker: JournalEntryWorkerTable;
  journal_entry_version: JournalEntryVersionTable;
  site: SiteTable;
  team: TeamTable;
  app_user: AppUserTable;
  user_team: UserTeamTable;
  session: SessionTable;
  user_second_factor: UserSecondFactorTable;
  recovery_code: RecoveryCodeTable;
  person: PersonTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  case_file: CaseFileTable;
  case_file_referent: CaseFileReferentTable;
  usager_search: UsagerSearchTable;
  audit_event: AuditEventTable;
  access_log: AccessLogTable;
  break_glass_access: BreakGlassAccessTable;
  notification: NotificationTable;
  security_log_checkpoint: SecurityLogCheckpointTable;
}

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either the root handle or a transaction: queries accept both. */
export type Queryable = Kysely<DB> | Transaction<DB>;
export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
