import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { AccessRequestTable } from './schema/access-request.js';
import type { AidApplicationTable, AidLoanInstalmentTable, AidRepaymentTable, BudgetTable } from './schema/aids.js';
import type { SessionTable, UserSecondFactorTable, RecoveryCodeTable, LoginAttemptTable } from './schema/auth.js';
import type { AccueilVisitTable } from './schema/accueil.js';
import type { WorkerAbsenceTable } from './schema/absences.js';
import type { CommissionItemTable, CommissionSessionTable } from './schema/commission.js';
import type { DateStr } from './schema/columns.js';
import type {
  MotifTable,
  PartnerTable,
  JournalEntryTable,
  JournalEntryPersonTable,
  JournalEntryWorkerTable,
  JournalEntryVersionTable,
} from './schema/journal.js';
import type { SiteTable, TeamTable, AppUserTable, UserTeamTable } from './schema/organisation.js';
import type {
  RetentionRunTable,
  FileShareTable,
  ConsentTable,
  CaseFileSectionTable,
  GenogramTable,
  FileRestrictionTable,
} from './schema/rgpd.js';
import type {
  AuditEventTable,
  BreakGlassAccessTable,
  NotificationTable,
  AccessLogTable,
  SecurityLogCheckpointTable,
} from './schema/security-log.js';
import type {
  DocumentChunkTable,
  DocumentTable,
  JobTable,
  LetterSentTable,
  LetterTemplateTable,
  ParameterVersionTable,
  WorkflowTransitionTable,
} from './schema/platform.js';
import type {
  DataImportRowTable,
  DataImportTable,
  ImportKeyTable,
  ImportProfileTable,
  ImportedEntryTable,
} from './schema/imports.js';
import type { StatPopulationTable, StatFlowTable, StatWaitTable, StatRefreshTable } from './schema/statistics.js';
import type {
  PersonTable,
  HouseholdTable,
  HouseholdMemberTable,
  CaseFileTable,
  CaseFileReferentTable,
  UsagerSearchTable,
  FileMergeTable,
} from './schema/usager.js';
import type {
  RsaActionRefTable,
  RsaContractActionTable,
  RsaContractTable,
  RsaOrientationDecisionTable,
  RsaOrientationTable,
  RsaPersonChangeTable,
  RsaPersonTable,
  RsaReferentTable,
} from './schema/rsa.js';
import type { RsaEpPassageTable, RsaEpSessionTable, RsaSanctionTable } from './schema/rsa-ep.js';

/** The table interfaces live by module under schema/; they are re-exported here, the one import path of the schema. */
export type * from './schema/access-request.js';
export type * from './schema/accueil.js';
export type * from './schema/absences.js';
export type * from './schema/imports.js';
export type * from './schema/auth.js';
export type * from './schema/commission.js';
export type * from './schema/journal.js';
export type * from './schema/organisation.js';
export type * from './schema/platform.js';
export type * from './schema/rgpd.js';
export type * from './schema/rsa.js';
export type * from './schema/rsa-ep.js';
export type * from './schema/security-log.js';
export type * from './schema/statistics.js';
export type * from './schema/usager.js';

export interface DB {
  budget: BudgetTable;
  aid_application: AidApplicationTable;
  aid_loan_instalment: AidLoanInstalmentTable;
  aid_repayment: AidRepaymentTable;
  commission_session: CommissionSessionTable;
  commission_item: CommissionItemTable;
  data_import: DataImportTable;
  data_import_row: DataImportRowTable;
  import_key: ImportKeyTable;
  import_profile: ImportProfileTable;
  imported_entry: ImportedEntryTable;
  rsa_person: RsaPersonTable;
  rsa_person_change: RsaPersonChangeTable;
  rsa_orientation: RsaOrientationTable;
  rsa_orientation_decision: RsaOrientationDecisionTable;
  rsa_referent: RsaReferentTable;
  rsa_action_ref: RsaActionRefTable;
  rsa_contract: RsaContractTable;
  rsa_contract_action: RsaContractActionTable;
  rsa_ep_session: RsaEpSessionTable;
  rsa_ep_passage: RsaEpPassageTable;
  rsa_sanction: RsaSanctionTable;
  file_merge: FileMergeTable;
  access_request: AccessRequestTable;
  parameter_version: ParameterVersionTable;
  job: JobTable;
  document: DocumentTable;
  letter_template: LetterTemplateTable;
  letter_sent: LetterSentTable;
  document_chunk: DocumentChunkTable;
  workflow_transition: WorkflowTransitionTable;
  accueil_visit: AccueilVisitTable;
  worker_absence: WorkerAbsenceTable;
  file_restriction: FileRestrictionTable;
  case_file_section: CaseFileSectionTable;
  genogram: GenogramTable;
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
  login_attempt: LoginAttemptTable;
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
