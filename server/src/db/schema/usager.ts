import type { Generated, GeneratedAlways } from 'kysely';
import type { DateStr, Timestamp } from './columns.js';

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
  /** Retention (docs/adr/005-retention-anonymisation.md; modules/retention): active, intermediate archive (DPO only) or anonymised. */
  retention_state: Generated<'active' | 'archived' | 'anonymised'>;
  retention_hold_kind: 'prolongation' | 'archive' | null;
  retention_hold_until: DateStr | null;
  retention_hold_reason: string | null;
  retention_hold_note: string | null;
  archived_at: Timestamp | null;
  anonymised_at: Timestamp | null;
  /** Set while the file is merged into another (modules/file-merge): closed, out of search. */
  merged_into: Generated<string | null>;
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

/** One merge of two files of the same person (modules/file-merge, docs/api.md "Fusion de dossiers"). */
export interface FileMergeTable {
  id: Generated<string>;
  kept_id: string;
  absorbed_id: string;
  /** Every moved row id with its previous owner (`MovedRows`, modules/file-merge/queries.ts). */
  moved: unknown;
  reason: string;
  merged_by: string;
  merged_at: Timestamp;
  undone_at: Timestamp | null;
  undone_by: string | null;
}
