import type { Generated } from 'kysely';
import type { DateStr, Timestamp } from './columns.js';

/** The household budget of a file (migration 202612080900): sealed JSON, optimistic version. */
export interface BudgetTable {
  case_file_id: string;
  version: Generated<number>;
  payload: string;
  updated_by: string;
  updated_at: Timestamp;
}

/** An aid application (FSL or Paris optional aid), migration 202612080900. Amounts in integer cents. */
export interface AidApplicationTable {
  id: Generated<string>;
  case_file_id: string;
  site_id: string;
  scheme: string;
  aid_type: string;
  form: string;
  requested_cents: number;
  urgency: string | null;
  procedure_stage: string | null;
  acces_items: Generated<unknown>;
  payee: string;
  creditor_name: string | null;
  contract_ref: string | null;
  facts: Generated<unknown>;
  /** Sealed JSON: the budget and its summaries when the application was created; null once anonymised. */
  budget_snapshot: string | null;
  status: Generated<string>;
  decision: string | null;
  decided_cents: number | null;
  decided_form: string | null;
  loan_months: number | null;
  decision_reason: string | null;
  /** Why an accord goes beyond the 12-month limit of an FSL aid (migration 202612090310). */
  derogation_reason: Generated<string | null>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  /** The aid parameters in force on the decision's date, kept with it. */
  decision_params: unknown;
  /** The eligibility pre-check as it stood at the decision. */
  decision_eligibility: unknown;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AidLoanInstalmentTable {
  application_id: string;
  n: number;
  due_date: DateStr;
  amount_cents: number;
}

export interface AidRepaymentTable {
  id: Generated<string>;
  application_id: string;
  paid_on: DateStr;
  amount_cents: number;
  recorded_by: string;
  recorded_at: Timestamp;
}
